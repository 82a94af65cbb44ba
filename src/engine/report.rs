//! What a load produced: the registrations, the log, and what went wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use mlua::{Table, Value};

use super::failure::LuaFailure;
use super::host::LogLine;
use super::loader::SkippedMod;

/// Names registered by the loaded mods (and the engine itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registrations {
    pub nodes: BTreeSet<String>,
    pub craftitems: BTreeSet<String>,
    pub tools: BTreeSet<String>,
    pub entities: BTreeSet<String>,
    pub chatcommands: BTreeSet<String>,
    pub privileges: BTreeSet<String>,
    /// Alias → target.
    pub aliases: BTreeMap<String, String>,
    pub crafts: usize,
    pub abms: usize,
    pub lbms: usize,
}

impl Registrations {
    /// Reads the registration tables of `core` (and the craft list kept aside).
    pub fn read(core: &Table, private: &Table) -> mlua::Result<Registrations> {
        let keys = |name: &str| -> mlua::Result<BTreeSet<String>> {
            let table: Table = core.get(name)?;
            table
                .pairs::<Value, Value>()
                .filter_map(|pair| match pair {
                    Ok((Value::String(key), _)) => Some(Ok(key.to_string_lossy())),
                    Ok(_) => None,
                    Err(error) => Some(Err(error)),
                })
                .collect()
        };
        let aliases_table: Table = core.get("registered_aliases")?;
        let mut aliases = BTreeMap::new();
        for pair in aliases_table.pairs::<String, String>() {
            let (alias, target) = pair?;
            aliases.insert(alias, target);
        }
        let length = |table: &Table, name: &str| -> mlua::Result<usize> {
            Ok(table.get::<Table>(name)?.raw_len())
        };
        Ok(Registrations {
            nodes: keys("registered_nodes")?,
            craftitems: keys("registered_craftitems")?,
            tools: keys("registered_tools")?,
            entities: keys("registered_entities")?,
            chatcommands: keys("registered_chatcommands")?,
            privileges: keys("registered_privileges")?,
            aliases,
            crafts: length(private, "crafts")?,
            abms: length(core, "registered_abms")?,
            lbms: length(core, "registered_lbms")?,
        })
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
    /// The first failure; the engine refuses to start after it.
    pub failure: Option<ModFailure>,
    /// Mods with a name the engine refuses (`Only characters [a-z0-9_] are allowed`).
    pub invalid_names: Vec<String>,
    /// Wall-clock time of the load.
    pub duration: Duration,
}

impl LoadReport {
    /// True when the real server would have started with these mods.
    pub fn would_start(&self) -> bool {
        self.failure.is_none() && self.invalid_names.is_empty()
    }
}
