//! Dependencies resolved across everything visible: the given paths, the
//! chosen game and the user's mods. Missing hard dependencies stop the
//! engine from loading the mod; cycles stop every mod in them.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Dependency, ModInfo};
use crate::content::{did_you_mean, is_valid_mod_name};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const MISSING_DEPENDENCY: Code = Code {
    id: "MT1201",
    name: "missing-dependency",
    severity: Severity::Error,
    doc: "A mod in `depends` is nowhere to be found: the engine will not load this mod.",
};

pub const MISSING_OPTIONAL_DEPENDENCY: Code = Code {
    id: "MT1202",
    name: "missing-optional-dependency",
    severity: Severity::Info,
    doc: "A mod in `optional_depends` is not installed; the mod loads without it.",
};

pub const DEPENDENCY_CYCLE: Code = Code {
    id: "MT1203",
    name: "dependency-cycle",
    severity: Severity::Error,
    doc: "Mods depend on each other in a circle, so none of them can load first.",
};

pub struct Dependencies;

impl Rule for Dependencies {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &MISSING_DEPENDENCY,
            &MISSING_OPTIONAL_DEPENDENCY,
            &DEPENDENCY_CYCLE,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        let visible = context.visible_mod_names();
        for info in context.workspace.all_mods() {
            for dependency in &info.dependencies {
                if !is_valid_mod_name(&dependency.name) || context.mod_exists(&dependency.name) {
                    continue;
                }
                let code = if dependency.optional {
                    &MISSING_OPTIONAL_DEPENDENCY
                } else {
                    &MISSING_DEPENDENCY
                };
                let suggestion = did_you_mean(&dependency.name, visible.iter().copied());
                out.push(
                    at_dependency(code, dependency)
                        .arg("mod", info.name.as_str())
                        .arg("dependency", dependency.name.as_str())
                        .arg("suggestion", suggestion.unwrap_or("none")),
                );
            }
        }
        report_cycles(context, out);
    }
}

fn at_dependency(code: &'static Code, dependency: &Dependency) -> Diagnostic {
    let origin = &dependency.origin;
    Diagnostic::new(code, &origin.path).at(Span::on_line(
        origin.line,
        origin.column,
        dependency.name.chars().count(),
    ))
}

/// Finds each dependency cycle once and reports it on a mod of the
/// workspace. Mods load together only within one set — a game's own mods,
/// a world's, or the loose mods with the chosen game and the user's mods —
/// so each set is its own graph: mods of two games never form a cycle.
fn report_cycles(context: &Context, out: &mut Vec<Diagnostic>) {
    let mut reported: BTreeSet<Vec<String>> = BTreeSet::new();
    for (ours, with_surroundings) in load_sets(context) {
        let mut graph: BTreeMap<&str, &ModInfo> = BTreeMap::new();
        let around = context
            .surroundings
            .mods
            .iter()
            .filter(|_| with_surroundings);
        for info in around.chain(ours.iter().copied()) {
            graph.insert(info.name.as_str(), info);
        }
        let ours: BTreeSet<&str> = ours.iter().map(|m| m.name.as_str()).collect();
        for (cycle, owner, dependency) in cycles_in(&graph, &ours) {
            if reported.insert(cycle.iter().map(|n| (*n).to_owned()).collect()) {
                out.push(
                    at_dependency(&DEPENDENCY_CYCLE, dependency)
                        .arg("mod", owner)
                        .arg("cycle", cycle_text(&cycle, owner)),
                );
            }
        }
    }
}

/// The workspace's mods grouped by what they load with: each game's and
/// each world's own, then the rest (loose mods, modpacks, lessons); the
/// flag says whether the installed mods around join them.
fn load_sets<'a>(context: &Context<'a>) -> Vec<(Vec<&'a ModInfo>, bool)> {
    use crate::content::Container;
    let workspace = context.workspace;
    let top = |container: &Container| match container {
        Container::Modpack(index) => workspace
            .modpacks
            .get(*index)
            .map_or(Container::Loose, |(_, outer)| *outer),
        other => *other,
    };
    let mut sets: BTreeMap<(u8, usize), Vec<&ModInfo>> = BTreeMap::new();
    for (info, container) in &workspace.mods {
        let key = match top(container) {
            Container::Game(index) => (0, index),
            Container::World(index) => (1, index),
            _ => (2, 0),
        };
        sets.entry(key).or_default().push(info);
    }
    sets.into_iter()
        .map(|((kind, _), mods)| (mods, kind != 0))
        .collect()
}

/// Each cycle of `graph` through a mod of `ours`, rotated to start at its
/// smallest name, with the mod it is reported on and that mod's
/// dependency leading around the cycle.
fn cycles_in<'a>(
    graph: &BTreeMap<&'a str, &'a ModInfo>,
    ours: &BTreeSet<&str>,
) -> Vec<(Vec<&'a str>, &'a str, &'a Dependency)> {
    let mut seen_cycles: BTreeSet<Vec<&str>> = BTreeSet::new();
    let mut finished: BTreeSet<&str> = BTreeSet::new();
    for &start in graph.keys() {
        let mut path = Vec::new();
        walk(start, graph, &mut path, &mut finished, &mut seen_cycles);
    }
    let mut found = Vec::new();
    for cycle in seen_cycles {
        let Some(&owner) = cycle.iter().find(|name| ours.contains(*name)) else {
            continue;
        };
        let position = cycle.iter().position(|name| *name == owner).unwrap_or(0);
        let next = cycle[(position + 1) % cycle.len()];
        let Some(dependency) = graph[owner].dependencies.iter().find(|d| d.name == next) else {
            continue;
        };
        found.push((cycle, owner, dependency));
    }
    found
}

/// `a → b → a`, starting at `owner`.
fn cycle_text(cycle: &[&str], owner: &str) -> String {
    let position = cycle.iter().position(|name| *name == owner).unwrap_or(0);
    let mut shown: Vec<&str> = cycle[position..].to_vec();
    shown.extend(&cycle[..position]);
    shown.push(owner);
    shown.join(" → ")
}

/// Depth-first search recording every cycle, rotated to start at its smallest name.
fn walk<'a>(
    name: &'a str,
    graph: &BTreeMap<&'a str, &'a ModInfo>,
    path: &mut Vec<&'a str>,
    finished: &mut BTreeSet<&'a str>,
    cycles: &mut BTreeSet<Vec<&'a str>>,
) {
    if let Some(index) = path.iter().position(|n| *n == name) {
        let mut cycle = path[index..].to_vec();
        let smallest = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
        cycle.rotate_left(smallest);
        cycles.insert(cycle);
        return;
    }
    if finished.contains(name) {
        return;
    }
    let Some(info) = graph.get(name) else { return };
    path.push(name);
    for dependency in &info.dependencies {
        if let Some((&target, _)) = graph.get_key_value(dependency.name.as_str()) {
            walk(target, graph, path, finished, cycles);
        }
    }
    path.pop();
    finished.insert(name);
}
