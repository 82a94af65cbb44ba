//! Engine facts as data: what each real server gives mods, measured by the
//! probe mod `data/engine/probe/` (see `data/engine/README.md`) and embedded
//! here, one folder per version. The simulation, lint and the catalogue all
//! read these instead of assuming one engine.

use std::collections::{BTreeMap, BTreeSet};

use super::version::{EngineVersion, PerVersion};

/// The files of one version's folder, as text.
struct Sources {
    core: &'static str,
    globals: &'static str,
    libraries: &'static str,
    methods: &'static str,
    settings: &'static str,
    after_load: &'static str,
}

macro_rules! sources {
    ($folder:literal) => {
        Sources {
            core: include_str!(concat!("../../data/engine/", $folder, "/core.txt")),
            globals: include_str!(concat!("../../data/engine/", $folder, "/globals.txt")),
            libraries: include_str!(concat!("../../data/engine/", $folder, "/libraries.txt")),
            methods: include_str!(concat!("../../data/engine/", $folder, "/methods.txt")),
            settings: include_str!(concat!("../../data/engine/", $folder, "/settings.tsv")),
            after_load: include_str!(concat!("../../data/engine/", $folder, "/after-load.txt")),
        }
    };
}

fn sources(version: EngineVersion) -> Sources {
    match version {
        EngineVersion::V5_6 => sources!("5.6.1"),
        EngineVersion::V5_10 => sources!("5.10.0"),
        EngineVersion::V5_15 => sources!("5.15.2"),
    }
}

/// One entry of the real `core` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreEntry {
    pub name: String,
    /// `function`, `table`, `number`, `string`, `boolean` or `userdata`.
    pub kind: String,
    /// For functions: `c` (written in C++) or `lua/N` (`N` parameters,
    /// `+` when it also takes more).
    pub arity: Option<String>,
}

/// What one registration does when called after load time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterLoad {
    Allowed,
    /// Works, with this warning in the server's log.
    Warns(String),
    /// Raises this error.
    Refused(String),
}

/// Everything measured on one real server.
#[derive(Debug)]
pub struct Facts {
    pub version: EngineVersion,
    pub core: Vec<CoreEntry>,
    /// `_G` names with their Lua type.
    pub globals: BTreeMap<String, String>,
    /// `lib -> name -> type` for vector, table, string, math, os, io…
    pub libraries: BTreeMap<String, BTreeMap<String, String>>,
    /// `class -> method names` (ObjectRef, ItemStack, InvRef…).
    pub methods: BTreeMap<String, BTreeSet<String>>,
    /// Setting defaults (`name -> value`).
    pub settings: BTreeMap<String, String>,
    /// `call -> what it does` after load time.
    pub after_load: BTreeMap<String, AfterLoad>,
}

impl Facts {
    /// The facts of `version` (parsed once).
    pub fn of(version: EngineVersion) -> &'static Facts {
        static ALL: PerVersion<Facts> = PerVersion::new();
        ALL.get(version, || Facts::parse(version))
    }

    fn parse(version: EngineVersion) -> Facts {
        let sources = sources(version);
        Facts {
            version,
            core: parse_core(sources.core),
            globals: pairs(sources.globals, ' '),
            libraries: parse_libraries(sources.libraries),
            methods: parse_methods(sources.methods),
            settings: pairs(sources.settings, '\t')
                .into_iter()
                .map(|(name, value)| (name, value.replace("\\n", "\n")))
                .collect(),
            after_load: parse_after_load(sources.after_load),
        }
    }

    /// True when the real `core` table has `name`.
    pub fn has_core(&self, name: &str) -> bool {
        self.core_entry(name).is_some()
    }

    pub fn core_entry(&self, name: &str) -> Option<&CoreEntry> {
        self.core
            .binary_search_by(|entry| entry.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.core[i])
    }

    /// True when `class` objects have the method `name`.
    pub fn has_method(&self, class: &str, name: &str) -> bool {
        self.methods.get(class).is_some_and(|m| m.contains(name))
    }

    /// True when the library table `lib` (vector, table, string…) has `name`.
    pub fn has_library_entry(&self, lib: &str, name: &str) -> bool {
        self.libraries
            .get(lib)
            .is_some_and(|l| l.contains_key(name))
    }
}

/// The oldest version newer than `target` whose `core` has `name`, when
/// the target lacks it: where a function missing from the target appears.
pub fn core_appears_in(name: &str, target: EngineVersion) -> Option<EngineVersion> {
    if Facts::of(target).has_core(name) {
        return None;
    }
    EngineVersion::ALL
        .into_iter()
        .filter(|v| *v > target)
        .find(|v| Facts::of(*v).has_core(name))
}

/// Data lines: not empty, not comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn pairs(text: &str, separator: char) -> BTreeMap<String, String> {
    lines(text)
        .map(|line| {
            let (name, value) = line.split_once(separator).unwrap_or((line, ""));
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn parse_core(text: &str) -> Vec<CoreEntry> {
    let mut entries: Vec<CoreEntry> = lines(text)
        .map(|line| {
            let mut words = line.split(' ');
            CoreEntry {
                name: words.next().unwrap_or_default().to_owned(),
                kind: words.next().unwrap_or_default().to_owned(),
                arity: words.next().map(str::to_owned),
            }
        })
        .collect();
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries
}

fn parse_libraries(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut libraries: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for line in lines(text) {
        let (qualified, kind) = line.split_once(' ').unwrap_or((line, ""));
        if let Some((lib, name)) = qualified.split_once('.') {
            libraries
                .entry(lib.to_owned())
                .or_default()
                .insert(name.to_owned(), kind.to_owned());
        }
    }
    libraries
}

fn parse_methods(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut methods: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in lines(text) {
        if let Some((class, name)) = line.split_once(':') {
            methods
                .entry(class.to_owned())
                .or_default()
                .insert(name.to_owned());
        }
    }
    methods
}

fn parse_after_load(text: &str) -> BTreeMap<String, AfterLoad> {
    lines(text)
        .filter_map(|line| {
            let (call, outcome) = line.split_once('\t')?;
            let outcome = if let Some(message) = outcome.strip_prefix("refused: ") {
                AfterLoad::Refused(message.to_owned())
            } else if let Some(message) = outcome.strip_prefix("warns: ") {
                AfterLoad::Warns(message.to_owned())
            } else {
                AfterLoad::Allowed
            };
            Some((call.to_owned(), outcome))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_its_core_table_and_methods() {
        for version in EngineVersion::ALL {
            let facts = Facts::of(version);
            assert!(facts.core.len() > 380, "{version}");
            assert!(facts.has_core("register_node"), "{version}");
            assert!(facts.has_method("ObjectRef", "getpos"), "{version}");
            assert!(facts.has_library_entry("vector", "new"), "{version}");
            assert!(facts.settings.contains_key("mg_name"), "{version}");
        }
    }

    #[test]
    fn a_newer_function_is_placed_in_the_first_version_having_it() {
        assert_eq!(
            core_appears_in("sha256", EngineVersion::V5_6),
            Some(EngineVersion::V5_10)
        );
        assert_eq!(
            core_appears_in("get_node_raw", EngineVersion::V5_6),
            Some(EngineVersion::V5_15)
        );
        assert_eq!(core_appears_in("register_node", EngineVersion::V5_6), None);
    }
}
