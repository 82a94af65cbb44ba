//! A lesson packs as a world ready for class: a world.mt for the classroom
//! (creative, no damage, the four sqlite3 backends, the lesson's game), the
//! pupil's starter mods in `worldmods/`, and `lesson.toml`, `handout.md`
//! and the handout as a printable page (`handout.html`) beside them. The solution stays out: the archive is what pupils get.

use std::path::Path;

use super::select::SelectError;
use super::writer::{Planned, Source};
use crate::content::{ContentKind, LessonInfo, classify, folder_name, subfolders};

/// The game a lesson runs on when lesson.toml names none.
pub const DEFAULT_GAME: &str = "minetest_game";

/// The files of a lesson's world under the top folder `name`.
pub fn lesson_plan(
    dir: &Path,
    name: &str,
    skip: &[std::path::PathBuf],
    out: &mut Vec<crate::diag::Diagnostic>,
) -> Result<Vec<Planned>, SelectError> {
    let lesson = LessonInfo::read(dir);
    let game = lesson
        .manifest
        .as_ref()
        .ok()
        .and_then(|table| table.get("game"))
        .and_then(|value| value.as_str())
        .filter(|game| !game.trim().is_empty())
        .unwrap_or(DEFAULT_GAME);
    let mut plan = vec![
        Planned::dir(name),
        bytes(&format!("{name}/world.mt"), world_mt(game.trim(), name)),
        Planned::dir(&format!("{name}/worldmods")),
    ];
    for file in ["lesson.toml", "handout.md"] {
        let path = dir.join(file);
        if let Ok(metadata) = std::fs::metadata(&path) {
            plan.push(Planned {
                name: format!("{name}/{file}"),
                source: Source::File(path),
                size: metadata.len(),
            });
        }
    }
    if let Ok(markdown) = std::fs::read_to_string(dir.join("handout.md")) {
        plan.push(bytes(
            &format!("{name}/handout.html"),
            super::handout::handout_html(&markdown, "fr"),
        ));
    }
    let starter = dir.join("starter");
    let mods = match classify(&starter) {
        Some(ContentKind::Mod | ContentKind::Modpack) => vec![starter],
        _ => subfolders(&starter),
    };
    for mod_dir in mods {
        let kind = classify(&mod_dir).unwrap_or(ContentKind::Mod);
        let mod_name = super::targets::package_name(&mod_dir, kind, &folder_name(&mod_dir));
        super::plan::add_tree(
            &mut plan,
            &format!("{name}/worldmods/{mod_name}"),
            &mod_dir,
            skip,
            out,
        )?;
    }
    Ok(plan)
}

fn bytes(name: &str, text: String) -> Planned {
    let bytes = text.into_bytes();
    Planned {
        name: name.to_owned(),
        size: bytes.len() as u64,
        source: Source::Bytes(bytes),
    }
}

/// A classroom world.mt: what the engine writes for a new world, creative
/// and without damage.
fn world_mt(game: &str, name: &str) -> String {
    format!(
        "enable_damage = false\ncreative_mode = true\nmod_storage_backend = sqlite3\n\
         auth_backend = sqlite3\nplayer_backend = sqlite3\nbackend = sqlite3\n\
         gameid = {game}\nworld_name = {name}\n"
    )
}
