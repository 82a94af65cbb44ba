//! Files over 16 MB in a mod, modpack or game. Media is sent to every
//! player who joins, so a huge file makes joining slow for everyone, and
//! such files make the package heavy to download (ContentDB may refuse
//! it). Folders starting with `.` (`.git`) are not shipped, so not looked at.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const LARGE_FILE: Code = Code {
    id: "MT1304",
    name: "large-file",
    severity: Severity::Warning,
    doc: "A file over 16 MB: slow to send to every player, too heavy to publish.",
};

/// The size above which a file is reported, in bytes.
pub const LARGE_FILE_LIMIT: u64 = 16 * 1024 * 1024;

const MEGABYTE: u64 = 1024 * 1024;

/// Finds files too big to send to players or to publish comfortably.
pub struct LargeFiles;

impl Rule for LargeFiles {
    fn codes(&self) -> &'static [&'static Code] {
        &[&LARGE_FILE]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        let workspace = context.workspace;
        let mut roots: Vec<&Path> = workspace.games.iter().map(|g| g.dir.as_path()).collect();
        roots.extend(workspace.modpacks.iter().map(|(m, _)| m.dir.as_path()));
        roots.extend(workspace.all_mods().map(|m| m.dir.as_path()));
        // Mods inside a game or modpack are walked with it: walk each file once.
        roots.sort();
        let mut walked: Vec<&Path> = Vec::new();
        let mut large: BTreeSet<(PathBuf, u64)> = BTreeSet::new();
        for root in roots {
            if !walked.iter().any(|done| root.starts_with(done)) {
                collect_large(root, &mut large);
                walked.push(root);
            }
        }
        for (path, size) in large {
            out.push(
                Diagnostic::new(&LARGE_FILE, path)
                    .arg(
                        "size",
                        usize::try_from(size.div_ceil(MEGABYTE)).unwrap_or(usize::MAX),
                    )
                    .arg(
                        "limit",
                        usize::try_from(LARGE_FILE_LIMIT / MEGABYTE).unwrap_or(16),
                    ),
            );
        }
    }
}

/// Adds every file over the limit under `dir`, without following links.
fn collect_large(dir: &Path, large: &mut BTreeSet<(PathBuf, u64)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                collect_large(&entry.path(), large);
            }
        } else if kind.is_file() {
            let size = entry.metadata().map_or(0, |m| m.len());
            if size > LARGE_FILE_LIMIT {
                large.insert((entry.path(), size));
            }
        }
    }
}
