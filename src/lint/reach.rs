//! Which of a mod's Lua files the game runs: init.lua, then every file it
//! reaches through `dofile`/`loadfile` with a path built from the mod's
//! folder (see [`super::includes`]), each with what the conditions around
//! the call established (`if core.get_modpath("m") then dofile(…) end`
//! guards the whole file). Files nothing reaches (specs, tests, tools,
//! files a mod reads and compiles itself) are not mod code. When a path is
//! dynamic, the engine's load tells which files ran.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use super::guards::Facts;
use super::includes::{Include, ModRef};

/// The files reached from init.lua, with the facts that hold in each.
#[derive(Debug, Default)]
pub struct Reach {
    pub files: BTreeMap<PathBuf, Facts>,
    /// Some `dofile` path could not be read statically.
    pub dynamic: bool,
}

/// Follows the includes of `files` (path → its includes) from the mod's
/// init.lua. Paths are compared after [`normalize`].
pub fn reach(mod_dir: &Path, mod_name: &str, files: &BTreeMap<PathBuf, &[Include]>) -> Reach {
    let mut result = Reach::default();
    let init = normalize(&mod_dir.join("init.lua"));
    let mut todo = vec![(init, Facts::default())];
    while let Some((file, facts)) = todo.pop() {
        if let Some(known) = result.files.get_mut(&file) {
            // Reached again under other conditions: only what both say holds.
            let common = known.intersection(&facts);
            if common == *known {
                continue;
            }
            *known = common;
        } else {
            result.files.insert(file.clone(), facts.clone());
        }
        let facts = result.files[&file].clone();
        let Some(includes) = files.get(&file) else {
            continue;
        };
        for include in includes.iter() {
            if include.targets.is_empty() {
                result.dynamic = true;
            }
            for (module, rest) in &include.targets {
                let own = match module {
                    ModRef::Current => true,
                    ModRef::Named(name) => name == mod_name,
                };
                if !own {
                    continue;
                }
                let target = normalize(&mod_dir.join(rest.trim_start_matches(['/', '\\'])));
                todo.push((target, facts.clone().union(&include.facts)));
            }
        }
    }
    result
}

/// The path with `.` and `..` resolved by hand (the files need not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Marks the uses of a file reached under `facts` as guarded by them.
pub fn apply_facts(analysis: &mut super::scope::Analysis, facts: &Facts) {
    if facts.is_empty() {
        return;
    }
    for global in &mut analysis.globals {
        global.tested |= facts.names.contains(&global.name);
        if let Some((field, ..)) = &global.field {
            global.field_tested |= facts.names.contains(&format!("{}.{field}", global.name));
        }
        global.guard_mods.extend(facts.mods.iter().cloned());
        global.guard_mods.sort();
        global.guard_mods.dedup();
    }
}
