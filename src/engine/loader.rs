//! The engine's mod order: a mod loads after everything it depends on
//! (optional dependencies too, when present). Mods whose hard
//! dependencies cannot be met are skipped, with those that need them.

use std::collections::{BTreeSet, HashSet};

use crate::content::ModInfo;

/// A mod left out because a dependency is missing (or itself left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedMod {
    pub name: String,
    /// Dependencies that were never satisfied, sorted.
    pub unsatisfied: Vec<String>,
}

/// Puts `mods` (already free of duplicate names) in load order, the way
/// the engine does: mods whose dependencies are met go on a stack, the
/// last one pushed loads next.
pub fn load_order(mods: &[ModInfo]) -> (Vec<&ModInfo>, Vec<SkippedMod>) {
    let names: HashSet<&str> = mods.iter().map(|m| m.name.as_str()).collect();
    let mut satisfied: Vec<&ModInfo> = Vec::new();
    let mut waiting: Vec<(&ModInfo, BTreeSet<String>)> = Vec::new();
    for info in mods {
        let needs: BTreeSet<String> = info
            .dependencies
            .iter()
            .filter(|d| !d.optional || names.contains(d.name.as_str()))
            .map(|d| d.name.clone())
            .collect();
        if needs.is_empty() {
            satisfied.push(info);
        } else {
            waiting.push((info, needs));
        }
    }
    let mut sorted = Vec::new();
    while let Some(info) = satisfied.pop() {
        sorted.push(info);
        let mut still_waiting = Vec::new();
        for (other, mut needs) in waiting {
            needs.remove(&info.name);
            if needs.is_empty() {
                satisfied.push(other);
            } else {
                still_waiting.push((other, needs));
            }
        }
        waiting = still_waiting;
    }
    let skipped = waiting
        .into_iter()
        .map(|(info, needs)| SkippedMod {
            name: info.name.clone(),
            unsatisfied: needs.into_iter().collect(),
        })
        .collect();
    (sorted, skipped)
}

/// Keeps the first mod of each name (earlier sources override later ones,
/// as worldmods override game mods).
pub fn first_of_each_name(mods: Vec<ModInfo>) -> Vec<ModInfo> {
    let mut seen = HashSet::new();
    mods.into_iter()
        .filter(|m| seen.insert(m.name.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{DepOrigin, Dependency};

    fn info(name: &str, deps: &[(&str, bool)]) -> ModInfo {
        ModInfo {
            dir: name.into(),
            name: name.into(),
            conf: None,
            dependencies: deps
                .iter()
                .map(|(d, optional)| Dependency {
                    name: (*d).into(),
                    optional: *optional,
                    origin: DepOrigin {
                        path: "mod.conf".into(),
                        line: 1,
                        column: 1,
                    },
                })
                .collect(),
            uses_depends_txt: false,
            has_init_lua: true,
        }
    }

    #[test]
    fn dependencies_load_first_and_missing_ones_skip() {
        let mods = vec![
            info("a", &[("b", false)]),
            info("b", &[]),
            info("c", &[("a", false), ("ghost", true)]),
            info("d", &[("nowhere", false)]),
            info("e", &[("d", false)]),
        ];
        let (order, skipped) = load_order(&mods);
        let names: Vec<&str> = order.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert_eq!(skipped.len(), 2);
        assert_eq!(skipped[0].unsatisfied, ["nowhere"]);
        assert_eq!(skipped[1].unsatisfied, ["d"]);
    }
}
