//! What a load produced: the registrations, the log, and what went wrong.

use std::collections::{BTreeMap, BTreeSet};

use std::time::Duration;

use mlua::{Table, Value};

use super::failure::LuaFailure;
use super::loader::SkippedMod;
use super::lua_bridge::LogLine;

/// Names registered by the loaded mods (and the engine itself), each with
/// the mod that registered it (`*builtin*` for the engine).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registrations {
    pub nodes: BTreeMap<String, String>,
    pub craftitems: BTreeMap<String, String>,
    pub tools: BTreeMap<String, String>,
    pub entities: BTreeMap<String, String>,
    pub chatcommands: BTreeMap<String, String>,
    pub privileges: BTreeMap<String, String>,
    /// Alias → target.
    pub aliases: BTreeMap<String, String>,
    /// Alias → the mod that registered it.
    pub alias_origins: BTreeMap<String, String>,
    /// The mod of each craft recipe, ABM and LBM, in registration order.
    pub crafts: Vec<String>,
    pub abms: Vec<String>,
    pub lbms: Vec<String>,
}

fn origin_of(value: &Value) -> String {
    match value {
        Value::Table(table) => table
            .raw_get::<Option<String>>("mod_origin")
            .ok()
            .flatten()
            .unwrap_or_default(),
        _ => String::new(),
    }
}

impl Registrations {
    /// Reads the registration tables of `core` (and the craft list kept
    /// aside) without metamethods: a definition's `__index` is the mod's
    /// code, which must not run outside the budget.
    pub fn read(core: &Table, private: &Table) -> mlua::Result<Registrations> {
        let named = |name: &str| -> mlua::Result<BTreeMap<String, String>> {
            let table: Table = core.raw_get(name)?;
            let mut out = BTreeMap::new();
            for pair in table.pairs::<Value, Value>() {
                if let (Value::String(key), value) = pair? {
                    out.insert(key.to_string_lossy(), origin_of(&value));
                }
            }
            Ok(out)
        };
        let listed = |table: &Table, name: &str, field: &str| -> mlua::Result<Vec<String>> {
            let list: Table = table.raw_get(name)?;
            list.sequence_values::<Table>()
                .map(|entry| Ok(entry?.raw_get::<Option<String>>(field)?.unwrap_or_default()))
                .collect()
        };
        let aliases_table: Table = core.raw_get("registered_aliases")?;
        let mut aliases = BTreeMap::new();
        for pair in aliases_table.pairs::<String, String>() {
            let (alias, target) = pair?;
            aliases.insert(alias, target);
        }
        let origins_table: Table = private.raw_get("alias_origins")?;
        let alias_origins = origins_table
            .pairs::<String, String>()
            .collect::<mlua::Result<BTreeMap<String, String>>>()?;
        Ok(Registrations {
            nodes: named("registered_nodes")?,
            craftitems: named("registered_craftitems")?,
            tools: named("registered_tools")?,
            entities: named("registered_entities")?,
            chatcommands: named("registered_chatcommands")?,
            privileges: named("registered_privileges")?,
            aliases,
            alias_origins,
            crafts: listed(private, "crafts", "mod")?,
            abms: listed(core, "registered_abms", "mod_origin")?,
            lbms: listed(core, "registered_lbms", "mod_origin")?,
        })
    }

    /// Only what the given mods registered.
    pub fn only_from(&self, mods: &BTreeSet<String>) -> Registrations {
        let keep = |map: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            map.iter()
                .filter(|(_, origin)| mods.contains(*origin))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let keep_list = |list: &[String]| -> Vec<String> {
            list.iter().filter(|m| mods.contains(*m)).cloned().collect()
        };
        let alias_origins = keep(&self.alias_origins);
        Registrations {
            nodes: keep(&self.nodes),
            craftitems: keep(&self.craftitems),
            tools: keep(&self.tools),
            entities: keep(&self.entities),
            chatcommands: keep(&self.chatcommands),
            privileges: keep(&self.privileges),
            aliases: self
                .aliases
                .iter()
                .filter(|(k, _)| alias_origins.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            alias_origins,
            crafts: keep_list(&self.crafts),
            abms: keep_list(&self.abms),
            lbms: keep_list(&self.lbms),
        }
    }
}

/// A mod whose files failed while loading; the engine stops there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModFailure {
    pub modname: String,
    pub failure: LuaFailure,
}

/// Everything a load tells us.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub registrations: Registrations,
    pub log: Vec<LogLine>,
    /// Mods that ran completely, in load order.
    pub loaded: Vec<String>,
    /// Mods left out for missing dependencies.
    pub skipped: Vec<SkippedMod>,
    /// The target refuses to start for those (see
    /// [`super::EngineVersion::missing_dependency_stops_start`]): no mod ran.
    pub start_refused: bool,
    /// The first failure; the engine refuses to start after it.
    pub failure: Option<ModFailure>,
    /// Mods with a name the engine refuses (`Only characters [a-z0-9_] are allowed`).
    pub invalid_names: Vec<String>,
    /// Wall-clock time of the load.
    pub duration: Duration,
    /// How long each mod's files took to run, in load order.
    pub mod_durations: Vec<(String, Duration)>,
    /// The mods' Lua files the load compiled, resolved.
    pub ran_files: std::collections::BTreeSet<std::path::PathBuf>,
}

impl LoadReport {
    /// True when the real server would have started with these mods.
    pub fn would_start(&self) -> bool {
        self.failure.is_none() && self.invalid_names.is_empty() && !self.start_refused
    }
}
