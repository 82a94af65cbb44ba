//! A licence file (LICENSE, LICENCE.txt, COPYING, license.md…) in every mod,
//! modpack and game: without one nobody may legally reuse the work, and
//! ContentDB asks for one before publishing.
//!
//! A licence covers everything below it, so a mod inside a game or modpack
//! that has one is fine; when nothing in the chain has one, only the
//! outermost mod, modpack or game is reported, since one file there fixes
//! all. A world or lesson folder with a licence covers its mods too.

use std::path::Path;

use crate::content::{Container, Workspace};
use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const MISSING_LICENCE: Code = Code {
    id: "MT1801",
    name: "missing-licence",
    severity: Severity::Info,
    doc: "A mod, modpack or game without a licence file; ContentDB needs one.",
};

/// True when `dir` holds a file named like a licence, in any case, with
/// any extension or suffix (`LICENSE-MIT`, `license_media.txt`).
pub fn has_licence_file(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let base = name.split(['.', '-', '_', ' ']).next().unwrap_or_default();
        entry.file_type().is_ok_and(|t| t.is_file())
            && matches!(base, "license" | "licence" | "copying")
    })
}

/// What holds a container: its folder, whether it is reported itself, and
/// its own container.
fn parent(workspace: &Workspace, container: Container) -> Option<(&Path, bool, Container)> {
    match container {
        Container::Loose => None,
        Container::Modpack(index) => workspace
            .modpacks
            .get(index)
            .map(|(m, up)| (m.dir.as_path(), true, *up)),
        Container::Game(index) => workspace
            .games
            .get(index)
            .map(|g| (g.dir.as_path(), true, Container::Loose)),
        Container::World(index) => workspace
            .worlds
            .get(index)
            .map(|w| (w.dir.as_path(), false, Container::Loose)),
        Container::Lesson(index) => workspace
            .lessons
            .get(index)
            .map(|l| (l.dir.as_path(), false, Container::Loose)),
    }
}

/// True when the item in `dir` held by `container` should be reported.
fn needs_report(workspace: &Workspace, dir: &Path, container: Container) -> bool {
    if has_licence_file(dir) {
        return false;
    }
    let mut container = container;
    while let Some((up_dir, reported, up)) = parent(workspace, container) {
        // A licence above covers this; a reported container above speaks for it.
        if reported || has_licence_file(up_dir) {
            return false;
        }
        container = up;
    }
    true
}

/// Finds work that others could not legally reuse or publish.
pub struct Licence;

impl Rule for Licence {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MISSING_LICENCE]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        let workspace = context.workspace;
        let mut report = |dir: &Path, kind: &str, name: &str| {
            out.push(
                Diagnostic::new(&MISSING_LICENCE, dir)
                    .arg("kind", kind)
                    .arg("name", name),
            );
        };
        for game in &workspace.games {
            if !has_licence_file(&game.dir) {
                report(&game.dir, "game", &game.id);
            }
        }
        for (modpack, container) in &workspace.modpacks {
            if needs_report(workspace, &modpack.dir, *container) {
                report(&modpack.dir, "modpack", &modpack.name);
            }
        }
        for (info, container) in &workspace.mods {
            if needs_report(workspace, &info.dir, *container) {
                report(&info.dir, "mod", &info.name);
            }
        }
    }
}
