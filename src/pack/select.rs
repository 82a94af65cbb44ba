//! Which files of a package go into its archive: everything but version
//! control (`.git*`), editor backups, OS junk, mtedu's own work folders and
//! what the package's `.gitignore` / `.mteduignore` files exclude.
//!
//! Only the package's own ignore files count (not a parent repository's, not
//! the user's global ones), so that the same folder packs the same way on
//! every PC. Links are followed, as `zip -r` does: a mod linked into
//! `worldmods/` is packed as a copy. A link leading out of the package is
//! marked (pack warns, install refuses); one leading nowhere is an error
//! that names it.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use super::reasons::{IoReason, io_reason};

/// One file or folder chosen for the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selected {
    /// Path inside the package, `/`-separated, never empty.
    pub rel: String,
    /// Where it is on disk.
    pub path: PathBuf,
    pub is_dir: bool,
    /// Size in bytes when it was listed (0 for folders).
    pub size: u64,
    /// What the link says, when it is a link leading out of the package.
    pub link_outside: Option<PathBuf>,
}

/// Why a package could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    /// A file or folder name is not UTF-8, so it cannot be named in a zip.
    NotUtf8(PathBuf),
    /// A folder could not be read, or links go round in a circle.
    Unreadable(PathBuf, IoReason),
    /// A link whose target does not exist: `(link, what it points to)`.
    BrokenLink(PathBuf, PathBuf),
}

/// The name of mtedu's per-package ignore file (gitignore syntax).
pub const IGNORE_FILE: &str = ".mteduignore";

/// True for names never packed, whatever the ignore files say.
pub fn is_junk(name: &str) -> bool {
    name.starts_with(".git")
        || name == IGNORE_FILE
        || name.starts_with(".mtedu")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.starts_with(".#")
        || name == ".DS_Store"
        || name == "Thumbs.db"
}

/// Lists what to pack under `root`, sorted by path. `skip` holds files
/// and folders never to pack (the archive being written, when it lies
/// inside; what `serve` keeps in a world).
pub fn select(root: &Path, skip: &[PathBuf]) -> Result<Vec<Selected>, SelectError> {
    let skip: Vec<PathBuf> = skip.iter().filter_map(|p| p.canonicalize().ok()).collect();
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = WalkBuilder::new(root)
        .hidden(false)
        .ignore(false)
        .parents(false)
        .git_global(false)
        .git_exclude(false)
        .git_ignore(true)
        .require_git(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .follow_links(true)
        .filter_entry({
            let skip = skip.clone();
            move |entry| {
                let skipped_dir = entry.file_type().is_some_and(|t| t.is_dir())
                    && entry
                        .path()
                        .canonicalize()
                        .is_ok_and(|real| skip.contains(&real));
                !skipped_dir && !entry.file_name().to_str().is_some_and(is_junk)
            }
        })
        .build();
    let mut selected = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|error| {
            let path = walk_error_path(&error).unwrap_or_else(|| root.to_path_buf());
            broken_link(&path).unwrap_or_else(|| {
                let reason = match error.io_error() {
                    Some(io) => io_reason(io),
                    // Links going round in a circle.
                    None if is_loop(&error) => IoReason {
                        key: "loop",
                        text: error.to_string(),
                    },
                    None => IoReason::other(&error),
                };
                SelectError::Unreadable(path, reason)
            })
        })?;
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path().to_path_buf();
        let rel = path
            .strip_prefix(root)
            .ok()
            .and_then(|rel| rel.to_str())
            .map(|rel| rel.replace('\\', "/"))
            .ok_or_else(|| SelectError::NotUtf8(path.clone()))?;
        let metadata = std::fs::metadata(&path).map_err(|error| {
            broken_link(&path)
                .unwrap_or_else(|| SelectError::Unreadable(path.clone(), io_reason(&error)))
        })?;
        let link_outside = if entry.path_is_symlink() {
            path.canonicalize()
                .ok()
                .filter(|real| !real.starts_with(&real_root))
                .map(|real| std::fs::read_link(&path).unwrap_or(real))
        } else {
            None
        };
        if metadata.is_file() {
            if path.canonicalize().is_ok_and(|real| skip.contains(&real)) {
                continue;
            }
        } else if !metadata.is_dir() {
            continue; // sockets, pipes, devices: never content
        }
        selected.push(Selected {
            rel,
            is_dir: metadata.is_dir(),
            size: if metadata.is_file() {
                metadata.len()
            } else {
                0
            },
            path,
            link_outside,
        });
    }
    selected.sort_by(|a, b| a.rel.as_bytes().cmp(b.rel.as_bytes()));
    Ok(selected)
}

/// `path` as a broken link, when it is a link whose target is missing.
fn broken_link(path: &Path) -> Option<SelectError> {
    let target = std::fs::read_link(path).ok()?;
    path.canonicalize()
        .is_err()
        .then(|| SelectError::BrokenLink(path.to_path_buf(), target))
}

/// True when the walk error is links going round in a circle.
fn is_loop(error: &ignore::Error) -> bool {
    match error {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// The path an `ignore` walk error is about, when it says.
fn walk_error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_names() {
        for name in [
            ".git",
            ".gitignore",
            ".github",
            "init.lua~",
            ".init.lua.swp",
            ".#init.lua",
            ".DS_Store",
            "Thumbs.db",
            ".mtedu",
            ".mtedu-install-x",
            ".mteduignore",
        ] {
            assert!(is_junk(name), "{name}");
        }
        for name in ["init.lua", "textures", "git.lua", "mtedu.lua", "swp.lua"] {
            assert!(!is_junk(name), "{name}");
        }
    }
}
