//! Keys of conf files: unknown ones (with a suggestion), repeated ones, the
//! ContentDB-only `release`, game.conf's deprecated `name`, and keys only a
//! newer engine version than the target reads.

use std::collections::HashMap;

use crate::content::did_you_mean;
use crate::content::{ConfDoc, ConfKind};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::EngineVersion;
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

pub const NEWER_KEY: Code = Code {
    id: "MT1014",
    name: "newer-key",
    severity: Severity::Warning,
    doc: "A game.conf or mod.conf key that only a newer engine version than the target (`--engine`) reads: the target ignores the line.",
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

const MOD_KEYS: &[&str] = &["name", "depends", "optional_depends"];
const MODPACK_KEYS: &[&str] = &["name"];
const GAME_KEYS: &[&str] = &[
    "name",
    "allowed_mapgens",
    "disallowed_mapgens",
    "disallowed_mapgen_settings",
    "disabled_settings",
];

/// Keys a later version added, with the first version mtedu knows that
/// reads them, as each version's `doc/lua_api.md` lists them (the 5.6.1,
/// 5.10.0 and 5.15.2 tags); `first_mod` and `last_mod` are measured too
/// (`tests/it/engine_versions.rs`).
const NEWER_MOD_KEYS: &[(&str, EngineVersion)] = &[("textdomain", EngineVersion::V5_10)];
const NEWER_GAME_KEYS: &[(&str, EngineVersion)] = &[
    ("first_mod", EngineVersion::V5_10),
    ("last_mod", EngineVersion::V5_10),
    ("map_persistent", EngineVersion::V5_10),
    ("textdomain", EngineVersion::V5_10),
    ("default_mapgen", EngineVersion::V5_15),
];

/// The version that added `key` to conf files of `kind`, if a later one did.
fn added_in(kind: ConfKind, key: &str) -> Option<EngineVersion> {
    let newer = match kind {
        ConfKind::Mod => NEWER_MOD_KEYS,
        ConfKind::Game => NEWER_GAME_KEYS,
        _ => return None,
    };
    newer.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}
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

/// The keys a conf file of this kind may hold, on any version.
fn known_keys(kind: ConfKind) -> Vec<&'static str> {
    let specific = match kind {
        ConfKind::Mod => MOD_KEYS,
        ConfKind::Modpack => MODPACK_KEYS,
        ConfKind::Game => GAME_KEYS,
        ConfKind::TexturePack => TEXTURE_PACK_KEYS,
        ConfKind::World => return WORLD_KEYS.to_vec(),
    };
    let newer = match kind {
        ConfKind::Mod => NEWER_MOD_KEYS,
        ConfKind::Game => NEWER_GAME_KEYS,
        _ => &[],
    };
    specific
        .iter()
        .chain(CONTENTDB_KEYS)
        .copied()
        .chain(newer.iter().map(|(key, _)| *key))
        .collect()
}

pub struct ConfKeys;

impl Rule for ConfKeys {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &UNKNOWN_KEY,
            &DUPLICATE_KEY,
            &RELEASE_KEY,
            &GAME_NAME_KEY,
            &NEWER_KEY,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for (doc, kind) in context.workspace.conf_docs() {
            check_doc(doc, kind, context.options.engine, out);
        }
    }
}

fn check_doc(doc: &ConfDoc, kind: ConfKind, target: EngineVersion, out: &mut Vec<Diagnostic>) {
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
            if let Some(since) = added_in(kind, key).filter(|since| *since > target) {
                out.push(
                    Diagnostic::new(&NEWER_KEY, &doc.path)
                        .at(span)
                        .arg("key", key)
                        .arg("file", crate::content::folder_name(&doc.path))
                        .arg("since", format!("{} {}", since.product(), since.short()))
                        .arg("target", target.to_string())
                        .arg("flag", since.short()),
                );
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
