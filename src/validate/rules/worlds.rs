//! world.mt: the game the world needs, the storage backends, and the mods
//! it switches on.
//!
//! Measured on Minetest 5.6.1: an unknown `gameid` stops the server
//! ("Game [] could not be found"); the engine also finds `<id>_game` for
//! `<id>`, which is why `gameid = minetest` means minetest_game. Without
//! `player_backend`, `auth_backend` or `mod_storage_backend` it uses the
//! old file backends and warns that they are deprecated (`backend` itself
//! defaults to sqlite3). A `load_mod_X` whose value is anything but
//! `false` or `nil` asks for X; when X is nowhere the log says "The
//! following mods could not be found". A world with its own `game/` folder
//! ignores `gameid` and installed mods, so only its backends are checked.

use crate::content::WorldInfo;
use crate::content::{did_you_mean, is_valid_mod_name, suggest_mod_name};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::rules::list_entries::INVALID_LIST_ENTRY;
use crate::validate::{Context, Rule};

pub const UNKNOWN_GAMEID: Code = Code {
    id: "MT1701",
    name: "unknown-gameid",
    severity: Severity::Error,
    doc: "world.mt names a game that is neither installed nor given: the world cannot start.",
};

pub const MISSING_BACKENDS: Code = Code {
    id: "MT1702",
    name: "missing-backends",
    severity: Severity::Warning,
    doc: "world.mt lacks backend keys, so the engine stores players, passwords and mod data in old, deprecated files.",
};

pub const MISSING_WORLD_MOD: Code = Code {
    id: "MT1703",
    name: "missing-world-mod",
    severity: Severity::Warning,
    doc: "world.mt switches on a mod that cannot be found.",
};

/// The backend keys a world.mt written by the engine has.
const BACKEND_KEYS: &[&str] = &[
    "backend",
    "player_backend",
    "auth_backend",
    "mod_storage_backend",
];

/// Files and folders the old file backends leave in a world that was played.
const OLD_BACKEND_FILES: &[&str] = &["players", "auth.txt", "mod_storage"];

/// Checks that a world can find its game and mods and uses current storage.
pub struct Worlds;

impl Rule for Worlds {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNKNOWN_GAMEID, &MISSING_BACKENDS, &MISSING_WORLD_MOD]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for world in &context.workspace.worlds {
            check_backends(world, out);
            if world.own_game_dir().is_none() {
                check_gameid(world, context, out);
                check_load_mods(world, context, out);
            }
        }
    }
}

fn check_gameid(world: &WorldInfo, context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(conf) = &world.conf else { return };
    let Some(entry) = conf.conf.get("gameid") else {
        return;
    };
    let ids = &context.surroundings.game_ids;
    let id = entry.value.as_str();
    if ids.contains(id) || ids.contains(&format!("{id}_game")) {
        return;
    }
    let suggestion = did_you_mean(id, ids.iter().map(String::as_str));
    out.push(
        Diagnostic::new(&UNKNOWN_GAMEID, &conf.path)
            .at(Span::on_line(
                entry.line,
                entry.value_column,
                id.chars().count(),
            ))
            .arg("game", id)
            .arg("suggestion", suggestion.unwrap_or("none")),
    );
}

fn check_backends(world: &WorldInfo, out: &mut Vec<Diagnostic>) {
    let Some(conf) = &world.conf else { return };
    let missing: Vec<&str> = BACKEND_KEYS
        .iter()
        .copied()
        .filter(|key| conf.get(key).is_none_or(str::is_empty))
        .collect();
    // A missing `backend` alone is harmless: the map defaults to sqlite3.
    if missing.iter().all(|key| *key == "backend") {
        return;
    }
    let played = OLD_BACKEND_FILES
        .iter()
        .any(|name| world.dir.join(name).exists());
    let lines: Vec<String> = missing
        .iter()
        .map(|key| format!("{key} = sqlite3"))
        .collect();
    out.push(
        Diagnostic::new(&MISSING_BACKENDS, &conf.path)
            .arg("keys", missing.join(", "))
            .arg("lines", lines.join(" / "))
            .arg("played", if played { "yes" } else { "no" }),
    );
}

fn check_load_mods(world: &WorldInfo, context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(conf) = &world.conf else { return };
    let visible = context.visible_mod_names();
    let served = served_mods(&world.dir);
    for entry in &conf.conf.entries {
        let Some(name) = entry.key.strip_prefix("load_mod_") else {
            continue;
        };
        // The engine keeps the last of repeated keys; conf_keys reports repeats.
        let is_last = conf
            .conf
            .get(&entry.key)
            .is_some_and(|last| last.line == entry.line);
        let enabled = !matches!(entry.value.as_str(), "false" | "nil");
        if !name.is_empty() && is_last && enabled && !is_valid_mod_name(name) {
            // `load_mod_Bad-Name`: no mod can have that name, so say why
            // with the wording of a bad name in a list (MT1105).
            let prefix = "load_mod_".chars().count();
            out.push(
                Diagnostic::new(&INVALID_LIST_ENTRY, &conf.path)
                    .at(Span::on_line(
                        entry.line,
                        entry.key_column + prefix,
                        name.chars().count(),
                    ))
                    .arg("entry", name)
                    .arg("suggestion", suggest_mod_name(name)),
            );
            continue;
        }
        if name.is_empty()
            || !is_last
            || !enabled
            || context.mod_exists(name)
            || served.iter().any(|served| served == name)
        {
            continue;
        }
        let suggestion = did_you_mean(name, visible.iter().copied());
        out.push(
            Diagnostic::new(&MISSING_WORLD_MOD, &conf.path)
                .at(Span::on_line(
                    entry.line,
                    entry.key_column,
                    entry.key.chars().count(),
                ))
                .arg("mod", name)
                .arg("suggestion", suggestion.unwrap_or("none")),
        );
    }
}

/// The mods `mtedu serve` gives the server when it runs this world: its
/// companion and the mods it links (they are not in any mods folder).
fn served_mods(world: &std::path::Path) -> Vec<String> {
    let Some(state) = crate::content::served::served_state(world) else {
        return Vec::new();
    };
    let mut names = vec![crate::content::served::COMPANION_NAME.to_owned()];
    for entry in std::fs::read_dir(state.join("mods"))
        .into_iter()
        .flatten()
        .flatten()
    {
        names.extend(entry.file_name().to_str().map(str::to_owned));
    }
    names
}
