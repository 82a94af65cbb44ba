//! Games: the `mods/` folder that holds everything, the `title` shown in
//! the menu, and folders among the mods that are not mods.
//!
//! Measured on Minetest 5.6.1: a game without `mods/` starts but has no
//! mapgen nodes ("Mapgen alias 'mapgen_stone' is invalid!"), an empty
//! world; a folder in `mods/` (or a modpack, or `worldmods/`) with neither
//! `init.lua` nor `modpack.conf` is still loaded as a mod and the server
//! stops: "Failed to load and run script from …/init.lua". A game folder
//! name with capitals or `-` works, so it is not reported.

use crate::content::{GameInfo, folder_name, subfolders};
use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const MISSING_MODS_DIR: Code = Code {
    id: "MT1601",
    name: "missing-mods-dir",
    severity: Severity::Error,
    doc: "A game has no `mods` folder, so it has no mods and makes an empty world.",
};

pub const MISSING_GAME_TITLE: Code = Code {
    id: "MT1602",
    name: "missing-game-title",
    severity: Severity::Warning,
    doc: "game.conf has no `title`: the menu shows the folder name instead.",
};

pub const NOT_A_MOD: Code = Code {
    id: "MT1603",
    name: "not-a-mod",
    severity: Severity::Error,
    doc: "A folder among mods is neither a mod nor a modpack: the engine tries to load it and stops.",
};

/// Checks what a game needs to start and show up properly in the menu.
pub struct Games;

impl Rule for Games {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MISSING_MODS_DIR, &MISSING_GAME_TITLE, &NOT_A_MOD]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for game in &context.workspace.games {
            check_game(game, out);
        }
        for stray in &context.workspace.strays {
            let parent = stray.parent().map(folder_name).unwrap_or_default();
            out.push(
                Diagnostic::new(&NOT_A_MOD, stray)
                    .arg("folder", folder_name(stray))
                    .arg("parent", parent),
            );
        }
    }
}

fn check_game(game: &GameInfo, out: &mut Vec<Diagnostic>) {
    if !game.has_mods_dir {
        // `Mods/` or `MODS/` is the usual reason on Linux.
        let misspelt = subfolders(&game.dir)
            .into_iter()
            .map(|dir| folder_name(&dir))
            .find(|name| name.eq_ignore_ascii_case("mods") || name.eq_ignore_ascii_case("mod"));
        out.push(
            Diagnostic::new(&MISSING_MODS_DIR, &game.dir)
                .arg("game", game.id.as_str())
                .arg("found", misspelt.unwrap_or_else(|| "none".to_owned())),
        );
    }
    let Some(conf) = &game.conf else {
        return;
    };
    // `name` is the deprecated spelling of `title`; conf_keys reports it.
    let has_title = ["title", "name"]
        .iter()
        .any(|key| conf.get(key).is_some_and(|value| !value.is_empty()));
    if !has_title {
        out.push(Diagnostic::new(&MISSING_GAME_TITLE, &conf.path).arg("game", game.id.as_str()));
    }
}
