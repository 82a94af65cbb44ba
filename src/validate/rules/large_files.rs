//! Files over 16 MB in a mod, modpack or game. Media is sent to every
//! player who joins, so a huge file makes joining slow for everyone, and
//! such files make the package heavy to download (ContentDB may refuse
//! it). Folders starting with `.` (`.git`) are not shipped, so not looked at.

use std::path::Path;

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
        // The sizes come from the workspace's one walk of the user's files.
        let large = workspace.file_sizes.iter().filter(|(path, size)| {
            **size > LARGE_FILE_LIMIT && roots.iter().any(|root| path.starts_with(root))
        });
        for (path, size) in large {
            out.push(
                Diagnostic::new(&LARGE_FILE, path.clone())
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
