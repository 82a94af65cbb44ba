//! What goes into an archive, kind by kind: a package folder as it is, a
//! world with the mods it switches on from the user's mods folder, a lesson
//! as a classroom world. Also the ContentDB checks a folder allows, and the
//! wording of listing failures.

use std::path::{Path, PathBuf};

use super::codes::*;
use super::lesson::lesson_plan;
use super::select::{SelectError, select};
use super::world::{WorldGame, drop_load_mod_lines, mods_to_pack_in, world_game};
use super::writer::{Planned, Source};
use crate::content::{Container, ContentKind, Workspace, WorldInfo, folder_name};
use crate::diag::{Code, Diagnostic};
use crate::host::Host;
use crate::validate::rules::licence::{MISSING_LICENCE, has_licence_file};

/// Every entry of the archive of the package `dir` of this kind, under the
/// top folder `name`, sorted by name (the order of the archive).
pub fn plan_for(
    kind: ContentKind,
    dir: &Path,
    name: &str,
    world: &WorldInfo,
    host: &Host,
    skip: &[PathBuf],
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<Planned>, SelectError> {
    let mut plan = match kind {
        ContentKind::Lesson => lesson_plan(dir, name, skip, out)?,
        ContentKind::World => world_plan(dir, name, world, host, skip, out)?,
        _ => {
            let mut plan = vec![Planned::dir(name)];
            add_tree(&mut plan, name, dir, skip, out)?;
            plan
        }
    };
    plan.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    Ok(plan)
}

/// Adds everything chosen under `root` to `plan`, under the folder `prefix`;
/// warns about links leading out of `root` (their target is packed: the
/// teacher may be about to publish a file from elsewhere).
pub fn add_tree(
    plan: &mut Vec<Planned>,
    prefix: &str,
    root: &Path,
    skip: &[PathBuf],
    out: &mut Vec<Diagnostic>,
) -> Result<(), SelectError> {
    if prefix.contains('/') {
        plan.push(Planned::dir(prefix));
    }
    for item in select(root, skip)? {
        if let Some(target) = &item.link_outside {
            out.push(
                Diagnostic::new(&LINK_OUTSIDE, &item.path)
                    .arg("target", target.display().to_string()),
            );
        }
        let name = format!("{prefix}/{}", item.rel);
        plan.push(if item.is_dir {
            Planned::dir(&name)
        } else {
            Planned {
                name,
                source: Source::File(item.path),
                size: item.size,
            }
        });
    }
    Ok(())
}

/// A world's files, plus the game the user installed it on (copied into
/// `game/`) and the mods it switches on from the user's mods folders
/// (copied into `worldmods/`, their `load_mod_` lines dropped).
fn world_plan(
    dir: &Path,
    name: &str,
    world: &WorldInfo,
    host: &Host,
    skip: &[PathBuf],
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<Planned>, SelectError> {
    let mut plan = vec![Planned::dir(name)];
    // What `serve` keeps for the world is its own business, not the
    // world's (an older serve kept it inside the world).
    let served = crate::content::served::served_state(dir);
    let mut skip = skip.to_vec();
    skip.extend(crate::content::served::legacy_state(dir));
    add_tree(&mut plan, name, dir, &skip, out)?;
    match world_game(world, host) {
        WorldGame::Installed(game, game_dir) => {
            out.push(
                Diagnostic::new(&GAME_PACKED_IN, dir.join("world.mt"))
                    .arg("game", game)
                    .arg("from", game_dir.display().to_string()),
            );
            add_tree(&mut plan, &format!("{name}/game"), &game_dir, &skip, out)?;
        }
        WorldGame::Shipped(game) => {
            out.push(Diagnostic::new(&GAME_NEEDED, dir.join("world.mt")).arg("game", game));
        }
        WorldGame::Nothing => {}
    }
    let extra = mods_to_pack_in(world, host);
    if extra.is_empty() && served.is_none() {
        return Ok(plan);
    }
    let mut names: Vec<String> = extra.iter().map(|(n, _)| n.clone()).collect();
    if served.is_some() {
        names.push(crate::content::served::COMPANION_NAME.to_owned());
    }
    let world_mt = std::fs::read(dir.join("world.mt")).unwrap_or_default();
    let rewritten = drop_load_mod_lines(&world_mt, &names);
    if let Some(entry) = plan
        .iter_mut()
        .find(|p| p.name == format!("{name}/world.mt"))
    {
        entry.size = rewritten.len() as u64;
        entry.source = Source::Bytes(rewritten);
    }
    if !plan.iter().any(|p| p.name == format!("{name}/worldmods/")) {
        plan.push(Planned::dir(&format!("{name}/worldmods")));
    }
    for (mod_name, mod_dir) in extra {
        out.push(
            Diagnostic::new(&MOD_PACKED_IN, dir.join("world.mt"))
                .arg("mod", mod_name.as_str())
                .arg("from", mod_dir.display().to_string()),
        );
        let mut added = Vec::new();
        add_tree(
            &mut added,
            &format!("{name}/worldmods/{mod_name}"),
            &mod_dir,
            &skip,
            out,
        )?;
        plan.extend(added);
    }
    Ok(plan)
}

/// ContentDB's requirements a package folder can be checked for.
pub fn contentdb_checks(dir: &Path, out: &mut Vec<Diagnostic>) {
    if !has_licence_file(dir) {
        // Say it once, as a warning: the same note from validation goes.
        out.retain(|d| !(d.code == &MISSING_LICENCE && d.path == dir));
        out.push(Diagnostic::new(&NO_LICENCE, dir));
    }
    if !dir.join("screenshot.png").is_file() {
        out.push(Diagnostic::new(&NO_SCREENSHOT, dir));
    }
}

/// The names of the packages directly found under a plain folder.
pub fn packages_inside(dir: &Path) -> Vec<String> {
    let found = Workspace::discover(&[dir.to_path_buf()]);
    let mut names: Vec<String> = Vec::new();
    names.extend(
        found
            .mods
            .iter()
            .filter(|(_, c)| *c == Container::Loose)
            .map(|(m, _)| folder_name(&m.dir)),
    );
    names.extend(
        found
            .modpacks
            .iter()
            .filter(|(_, c)| *c == Container::Loose)
            .map(|(m, _)| folder_name(&m.dir)),
    );
    names.extend(found.games.iter().map(|g| folder_name(&g.dir)));
    names.extend(found.worlds.iter().map(|w| folder_name(&w.dir)));
    names.extend(found.texture_packs.iter().map(|t| folder_name(&t.dir)));
    names.extend(found.lessons.iter().map(|l| folder_name(&l.dir)));
    names.sort();
    names.dedup();
    names
}

/// A listing failure as a finding; `unreadable` is the code of the command.
pub fn select_problem(error: SelectError, unreadable: &'static Code) -> Diagnostic {
    match error {
        SelectError::NotUtf8(path) => {
            let shown = path.to_string_lossy().into_owned();
            Diagnostic::new(&NAME_NOT_UTF8, path).arg("entry", shown)
        }
        SelectError::Unreadable(path, reason) => reason.on(Diagnostic::new(unreadable, path)),
        SelectError::BrokenLink(link, target) => {
            Diagnostic::new(&BROKEN_LINK, link).arg("target", target.display().to_string())
        }
    }
}
