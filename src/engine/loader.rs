//! The engine's mod order: a mod loads after everything it depends on
//! (optional dependencies too, when present), the game's `first_mod` and
//! `last_mod` at the ends (Luanti 5.10 on). Mods whose hard dependencies
//! cannot be met are skipped, with those that need them.

use std::collections::{BTreeSet, HashSet};

use crate::content::ModInfo;

/// A mod left out because a dependency is missing (or itself left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedMod {
    pub name: String,
    /// Dependencies that were never satisfied, sorted.
    pub unsatisfied: Vec<String>,
}

/// The mods a game's game.conf puts at the ends of the load order
/// (`first_mod`, `last_mod`: read from Luanti 5.10 on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ends {
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Puts `mods` (already free of duplicate names) in load order, the way
/// the engine does: mods whose dependencies are met go on a stack, the
/// last one pushed loads next.
pub fn load_order(mods: &[ModInfo]) -> (Vec<&ModInfo>, Vec<SkippedMod>) {
    load_order_with(mods, &Ends::default())
}

/// [`load_order`] with the game's first mod before everything (any
/// dependency on it is met at once) and its last mod after everything
/// else (measured on Luanti 5.10 and 5.15).
pub fn load_order_with<'a>(
    mods: &'a [ModInfo],
    ends: &Ends,
) -> (Vec<&'a ModInfo>, Vec<SkippedMod>) {
    let is = |info: &ModInfo, end: &Option<String>| end.as_deref() == Some(info.name.as_str());
    let first = mods.iter().find(|m| is(m, &ends.first));
    let last = mods.iter().find(|m| is(m, &ends.last));
    // Optional dependencies on the two ends are not waited for.
    let names: HashSet<&str> = mods
        .iter()
        .filter(|m| !is(m, &ends.first) && !is(m, &ends.last))
        .map(|m| m.name.as_str())
        .collect();
    let needs_of = |info: &ModInfo| -> BTreeSet<String> {
        info.dependencies
            .iter()
            .filter(|d| !d.optional || names.contains(d.name.as_str()))
            .filter(|d| first.is_none() || ends.first.as_deref() != Some(d.name.as_str()))
            .map(|d| d.name.clone())
            .collect()
    };
    let mut sorted: Vec<&ModInfo> = first.into_iter().collect();
    let mut satisfied: Vec<&ModInfo> = Vec::new();
    let mut waiting: Vec<(&ModInfo, BTreeSet<String>)> = Vec::new();
    for info in mods {
        if is(info, &ends.first) || is(info, &ends.last) {
            continue;
        }
        let needs = needs_of(info);
        if needs.is_empty() {
            satisfied.push(info);
        } else {
            waiting.push((info, needs));
        }
    }
    let mut last_needs = last.map(|info| {
        let mut needs: BTreeSet<String> = info
            .dependencies
            .iter()
            .filter(|d| !d.optional)
            .map(|d| d.name.clone())
            .collect();
        if first.is_some()
            && let Some(first) = &ends.first
        {
            needs.remove(first);
        }
        needs
    });
    while let Some(info) = satisfied.pop() {
        sorted.push(info);
        if let Some(needs) = last_needs.as_mut() {
            needs.remove(&info.name);
        }
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
    if let (Some(info), Some(needs)) = (last, last_needs) {
        if needs.is_empty() {
            sorted.push(info);
        } else {
            waiting.push((info, needs));
        }
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

    #[test]
    fn the_games_first_and_last_mods_load_at_the_ends() {
        let mods = vec![
            info("last", &[]),
            info("b", &[("first", false)]),
            info("a", &[("last", true)]),
            info("first", &[]),
        ];
        let ends = Ends {
            first: Some("first".into()),
            last: Some("last".into()),
        };
        let (order, skipped) = load_order_with(&mods, &ends);
        let names: Vec<&str> = order.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["first", "a", "b", "last"]);
        assert!(skipped.is_empty());
        let (order, _) = load_order(&mods);
        let names: Vec<&str> = order.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["first", "b", "last", "a"]);
    }
}
