//! Keys of conf files: unknown ones (with a suggestion), repeated ones, the
//! ContentDB-only `release`, and game.conf's deprecated `name`.

use std::collections::HashMap;

use crate::content::did_you_mean;
use crate::content::{ConfDoc, ConfKind};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const UNKNOWN_KEY: Code = Code {
    id: "MT1010",
    name: "unknown-key",
    severity: Severity::Warning,
    doc: "A conf key the engine and ContentDB do not know; often a typo.",
};

pub const DUPLICATE_KEY: Code = Code {
    id: "MT1011",
    name: "duplicate-key",
    severity: Severity::Warning,
    doc: "A key appears twice; the engine silently keeps only the last one.",
};

pub const RELEASE_KEY: Code = Code {
    id: "MT1012",
    name: "release-key",
    severity: Severity::Info,
    doc: "`release` is written by ContentDB and should not be in your sources.",
};

pub const GAME_NAME_KEY: Code = Code {
    id: "MT1013",
    name: "game-name-key",
    severity: Severity::Info,
    doc: "`name` in game.conf is deprecated; the engine wants `title`.",
};

/// Keys every packaged conf may carry for ContentDB.
const CONTENTDB_KEYS: &[&str] = &[
    "title",
    "description",
    "author",
    "release",
    "min_minetest_version",
    "max_minetest_version",
    "supported_games",
    "unsupported_games",
];

const MOD_KEYS: &[&str] = &["name", "depends", "optional_depends", "textdomain"];
const MODPACK_KEYS: &[&str] = &["name"];
const GAME_KEYS: &[&str] = &[
    "name",
    "allowed_mapgens",
    "disallowed_mapgens",
    "disallowed_mapgen_settings",
    "disabled_settings",
    "textdomain",
    "first_mod",
    "last_mod",
    "map_persistent",
];
const TEXTURE_PACK_KEYS: &[&str] = &["name"];
const WORLD_KEYS: &[&str] = &[
    "gameid",
    "world_name",
    "backend",
    "player_backend",
    "auth_backend",
    "mod_storage_backend",
    "readonly_backend",
    "enable_damage",
    "creative_mode",
    "server_announce",
    "pgsql_connection",
    "pgsql_player_connection",
    "pgsql_auth_connection",
    "pgsql_mod_storage_connection",
    "redis_address",
    "redis_port",
    "redis_hash",
    "redis_password",
];

/// The keys a conf file of this kind may hold.
fn known_keys(kind: ConfKind) -> Vec<&'static str> {
    let specific = match kind {
        ConfKind::Mod => MOD_KEYS,
        ConfKind::Modpack => MODPACK_KEYS,
        ConfKind::Game => GAME_KEYS,
        ConfKind::TexturePack => TEXTURE_PACK_KEYS,
        ConfKind::World => return WORLD_KEYS.to_vec(),
    };
    specific.iter().chain(CONTENTDB_KEYS).copied().collect()
}

pub struct ConfKeys;

impl Rule for ConfKeys {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNKNOWN_KEY, &DUPLICATE_KEY, &RELEASE_KEY, &GAME_NAME_KEY]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for (doc, kind) in context.workspace.conf_docs() {
            check_doc(doc, kind, out);
        }
    }
}

fn check_doc(doc: &ConfDoc, kind: ConfKind, out: &mut Vec<Diagnostic>) {
    let known = known_keys(kind);
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    for entry in &doc.conf.entries {
        let key = entry.key.as_str();
        let span = Span::on_line(entry.line, entry.key_column, key.chars().count());
        if let Some(first) = first_line.get(key) {
            out.push(
                Diagnostic::new(&DUPLICATE_KEY, &doc.path)
                    .at(span)
                    .arg("key", key)
                    .arg("first", *first),
            );
        } else {
            first_line.insert(key, entry.line);
        }
        if known.contains(&key) {
            if key == "release" && kind != ConfKind::World {
                out.push(Diagnostic::new(&RELEASE_KEY, &doc.path).at(span));
            }
            if key == "name" && kind == ConfKind::Game {
                out.push(Diagnostic::new(&GAME_NAME_KEY, &doc.path).at(span));
            }
            continue;
        }
        // world.mt also stores any mod's `load_mod_*` switch and rarely-used
        // backend settings: only report likely typos there.
        if kind == ConfKind::World && key.starts_with("load_mod_") {
            continue;
        }
        let suggestion = did_you_mean(key, known.iter().copied());
        if kind == ConfKind::World && suggestion.is_none() {
            continue;
        }
        out.push(
            Diagnostic::new(&UNKNOWN_KEY, &doc.path)
                .at(span)
                .arg("key", key)
                .arg("file", crate::content::folder_name(&doc.path))
                .arg("suggestion", suggestion.unwrap_or("none")),
        );
    }
}
