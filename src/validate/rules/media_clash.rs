//! Two mods loaded together that ship a media file of the same name: the
//! engine sends players only one of them, so one mod shows the other's
//! picture or plays the other's sound.
//!
//! Mods are "loaded together" when they are in the same game, or in the same
//! world (with the installed mods), or given loose (with the installed
//! mods: the chosen game and the user's mods). Not reported: mods of the
//! same name (two copies of one mod), and a mod that depends on the other
//! one, directly or not, since lua_api.txt lets a mod replace the media of
//! a mod it depends on on purpose.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::content::media::{MediaFile, is_loaded, media_files};
use crate::content::{Container, ModInfo, Workspace};
use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const MEDIA_NAME_CLASH: Code = Code {
    id: "MT1303",
    name: "media-name-clash",
    severity: Severity::Warning,
    doc: "Two mods loaded together have a media file of the same name: players only get one of them.",
};

/// Mods that run together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// Loose and lesson mods, with the installed ones.
    Around,
    Game(usize),
    /// A world's `worldmods`, with the installed ones.
    World(usize),
}

fn group_of(workspace: &Workspace, mut container: Container) -> Group {
    loop {
        match container {
            Container::Modpack(index) => match workspace.modpacks.get(index) {
                Some((_, parent)) => container = *parent,
                None => return Group::Around,
            },
            Container::Game(index) => return Group::Game(index),
            Container::World(index) => return Group::World(index),
            Container::Loose | Container::Lesson(_) => return Group::Around,
        }
    }
}

/// A mod with the media files the engine would send for it, one per name.
struct Owner<'a> {
    info: &'a ModInfo,
    files: Vec<MediaFile>,
    ours: bool,
}

impl<'a> Owner<'a> {
    fn new(info: &'a ModInfo, ours: bool) -> Owner<'a> {
        let mut by_name: BTreeMap<String, MediaFile> = BTreeMap::new();
        for file in media_files(&info.dir) {
            if !is_loaded(&file.name) {
                continue;
            }
            // Within one mod the file nearest the media folder wins.
            let depth = file.path.components().count();
            let keep = by_name
                .get(&file.name)
                .is_none_or(|kept| kept.path.components().count() > depth);
            if keep {
                by_name.insert(file.name.clone(), file);
            }
        }
        Owner {
            info,
            files: by_name.into_values().collect(),
            ours,
        }
    }
}

/// Finds media names shared by mods that run together, where one file hides the other.
pub struct MediaClash;

impl Rule for MediaClash {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MEDIA_NAME_CLASH]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        let workspace = context.workspace;
        let mut groups: BTreeMap<Group, Vec<Owner>> = BTreeMap::new();
        for (info, container) in &workspace.mods {
            groups
                .entry(group_of(workspace, *container))
                .or_default()
                .push(Owner::new(info, true));
        }
        let needs_installed = groups.keys().any(|g| !matches!(g, Group::Game(_)));
        let installed: Vec<Owner> = if needs_installed {
            // An installed mod that is also being validated counts once, as ours.
            let ours: BTreeSet<PathBuf> = workspace.all_mods().map(|m| real_path(&m.dir)).collect();
            let infos = context.surroundings.mods.iter();
            infos
                .filter(|info| !ours.contains(&real_path(&info.dir)))
                .map(|info| Owner::new(info, false))
                .collect()
        } else {
            Vec::new()
        };
        let graph = DependencyGraph::new(context);
        for (group, ours) in &groups {
            let mut owners: Vec<&Owner> = Vec::new();
            if !matches!(group, Group::Game(_)) {
                owners.extend(installed.iter());
            }
            owners.extend(ours.iter());
            report_clashes(&owners, &graph, out);
        }
    }
}

/// The path with links and `..` resolved, to recognise one folder reached two ways.
fn real_path(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// Reports each of our files whose name an earlier owner also uses.
fn report_clashes(owners: &[&Owner], graph: &DependencyGraph, out: &mut Vec<Diagnostic>) {
    let mut by_name: BTreeMap<&str, Vec<(usize, &Path)>> = BTreeMap::new();
    for (index, owner) in owners.iter().enumerate() {
        for file in &owner.files {
            by_name
                .entry(file.name.as_str())
                .or_default()
                .push((index, file.path.as_path()));
        }
    }
    for (name, holders) in by_name {
        for (position, &(index, path)) in holders.iter().enumerate() {
            let owner = owners[index];
            if !owner.ours {
                continue;
            }
            let mod_name = owner.info.name.as_str();
            let other = holders[..position].iter().find(|(other, _)| {
                let other_name = owners[*other].info.name.as_str();
                other_name != mod_name && !graph.related(mod_name, other_name)
            });
            let Some(&(other, other_path)) = other else {
                continue;
            };
            let prefixed = name.starts_with(&format!("{mod_name}_"));
            let suggestion = if prefixed {
                "none".to_owned()
            } else {
                format!("{mod_name}_{name}")
            };
            out.push(
                Diagnostic::new(&MEDIA_NAME_CLASH, path)
                    .arg("file", name)
                    .arg("mod", mod_name)
                    .arg("other", owners[other].info.name.as_str())
                    .arg("other_path", crate::diag::shown_path(other_path, None))
                    .arg("suggestion", suggestion),
            );
        }
    }
}

/// Who depends on whom, among every mod visible.
struct DependencyGraph<'a> {
    edges: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

impl<'a> DependencyGraph<'a> {
    fn new(context: &'a Context) -> DependencyGraph<'a> {
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let infos = context.workspace.all_mods();
        for info in infos.chain(context.surroundings.mods.iter()) {
            let targets = edges.entry(info.name.as_str()).or_default();
            targets.extend(info.dependencies.iter().map(|d| d.name.as_str()));
        }
        DependencyGraph { edges }
    }

    /// True when one mod depends on the other, directly or through others.
    fn related(&self, a: &str, b: &str) -> bool {
        self.reaches(a, b) || self.reaches(b, a)
    }

    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut stack: Vec<&str> = vec![from];
        while let Some(name) = stack.pop() {
            let Some(targets) = self.edges.get(name) else {
                continue;
            };
            for &target in targets {
                if target == to {
                    return true;
                }
                if seen.insert(target) {
                    stack.push(target);
                }
            }
        }
        false
    }
}
