//! `-v`: what a command found and looked at, printed on stderr before its
//! results (stdout stays the results alone, one JSON document with
//! `--format json`).

use std::path::{Path, PathBuf};

use super::OutputOptions;
use super::engine_choice::{EngineChoice, Reason};
use crate::content::Workspace;
use crate::diag::ArgValue;
use crate::host::engines::{program_dirs, program_names};
use crate::host::{Host, HostEnv};
use crate::i18n::Localizer;
use crate::validate::{Options, Surroundings};

/// For the commands that load code: the engine version targeted and why.
pub fn describe_engine(choice: &EngineChoice, output: &OutputOptions) {
    if output.verbose == 0 {
        return;
    }
    errln!("{}", engine_line(choice, &Localizer::new(output.lang)));
}

/// "Engine: Luanti 5.15.2 (…why…)", for `-v` and `mtedu doctor`.
pub fn engine_line(choice: &EngineChoice, localizer: &Localizer) -> String {
    let version = choice.version.to_string();
    match &choice.reason {
        Reason::Flag => localizer.text("verbose-engine-flag", &[("version", version.into())]),
        Reason::Server { program, reported } => localizer.text(
            "verbose-engine-server",
            &[
                ("version", version.into()),
                ("program", program.display().to_string().into()),
                ("reported", reported.as_str().into()),
            ],
        ),
        Reason::Newest => localizer.text("verbose-engine-newest", &[("version", version.into())]),
    }
}

/// For validate, lint and check: the content found under `paths` and the
/// game and installed mods used to resolve dependencies.
pub fn describe_checked(
    paths: &[PathBuf],
    game: Option<&str>,
    host: &Host,
    no_installed: bool,
    output: &OutputOptions,
) {
    if output.verbose == 0 {
        return;
    }
    let localizer = Localizer::new(output.lang);
    let workspace = Workspace::discover(paths);
    let counts = [
        ("verbose-count-mods", workspace.mods.len(), true),
        ("verbose-count-modpacks", workspace.modpacks.len(), false),
        ("verbose-count-games", workspace.games.len(), false),
        ("verbose-count-worlds", workspace.worlds.len(), false),
        (
            "verbose-count-texture-packs",
            workspace.texture_packs.len(),
            false,
        ),
        ("verbose-count-lessons", workspace.lessons.len(), false),
    ];
    let list: Vec<String> = counts
        .iter()
        .filter(|(_, count, always)| *always || *count > 0)
        .map(|(key, count, _)| localizer.text(key, &[("count", (*count).into())]))
        .collect();
    let mut lines = vec![localizer.text("verbose-checked", &[("list", list.join(", ").into())])];
    if !workspace.templates.is_empty() {
        let folders: Vec<String> = workspace
            .templates
            .iter()
            .map(|dir| dir.display().to_string())
            .collect();
        lines.push(localizer.text(
            "verbose-templates",
            &[("folders", folders.join(", ").into())],
        ));
    }
    lines.push(match host.game_dir(game, true) {
        Ok(Some(dir)) => localizer.text(
            "verbose-game",
            &[
                ("game", crate::content::folder_name(&dir).into()),
                ("path", shown(&dir)),
            ],
        ),
        Ok(None) if no_installed => localizer.plain("verbose-no-installed"),
        Ok(None) => localizer.plain("verbose-no-game"),
        Err(name) => localizer.text("verbose-game-not-found", &[("game", name.into())]),
    });
    if !no_installed {
        let options = Options {
            game: game.map(str::to_owned),
            ..Options::default()
        };
        let surroundings = Surroundings::gather(&workspace, &options, host);
        let dirs: Vec<String> = host
            .user_mod_dirs()
            .iter()
            .map(|dir| dir.display().to_string())
            .collect();
        lines.push(localizer.text(
            "verbose-installed-mods",
            &[
                ("count", surroundings.mods.len().into()),
                ("dirs", none_or(&localizer, dirs)),
            ],
        ));
    }
    print_lines(&lines);
}

/// For doctor: where the programs, games and user folders were looked for.
pub fn describe_doctor(env: &HostEnv, output: &OutputOptions) {
    if output.verbose == 0 {
        return;
    }
    let localizer = Localizer::new(output.lang);
    let host = Host::detect_in(env);
    let list = |dirs: Vec<PathBuf>| {
        let mut shown: Vec<String> = Vec::new();
        for dir in dirs {
            let dir = dir.display().to_string();
            if !shown.contains(&dir) {
                shown.push(dir);
            }
        }
        none_or(&localizer, shown)
    };
    let game_dirs: Vec<PathBuf> = host
        .share_dirs
        .iter()
        .chain(host.user_dirs.iter())
        .map(|dir| dir.join("games"))
        .collect();
    let lines = [
        localizer.text(
            "verbose-doctor-programs",
            &[
                ("programs", program_names().join(", ").into()),
                ("dirs", list(program_dirs(env))),
            ],
        ),
        localizer.text("verbose-doctor-games", &[("dirs", list(game_dirs))]),
        localizer.text(
            "verbose-doctor-user-dirs",
            &[("dirs", list(env.user_dir_candidates()))],
        ),
    ];
    print_lines(&lines);
}

fn shown(path: &Path) -> ArgValue {
    ArgValue::Text(path.display().to_string())
}

fn none_or(localizer: &Localizer, items: Vec<String>) -> ArgValue {
    if items.is_empty() {
        ArgValue::Text(localizer.plain("verbose-none"))
    } else {
        ArgValue::Text(items.join(", "))
    }
}

fn print_lines(lines: &[String]) {
    for line in lines {
        errln!("{line}");
    }
    errln!();
}
