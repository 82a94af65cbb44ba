//! Files and folders that exist but cannot be read (no permission, a disk
//! error). They are told apart from missing ones, so that a mod.conf the
//! pupil may not read is reported as such, never as "there is no mod.conf".
//!
//! [`Workspace::discover`](super::Workspace::discover) records every such
//! path once in an [`Unreadable`] list; rules skip what it holds.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diag::input::UNREADABLE;
use crate::diag::{Diagnostic, shown_path};

/// Why a path could not be read, in the words a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadReason {
    /// The permissions of the path (or of a folder above it) forbid it.
    PermissionDenied,
    /// Anything else, with the system's own words.
    Other(String),
}

/// One path that exists but could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFailure {
    pub path: PathBuf,
    /// A folder (which could not be listed) rather than a file.
    pub is_dir: bool,
    pub reason: ReadReason,
}

impl ReadFailure {
    /// The failure behind `error`, or `None` when the path simply does not
    /// exist (missing is not unreadable).
    pub fn from_io(path: &Path, is_dir: bool, error: &std::io::Error) -> Option<ReadFailure> {
        let reason = match error.kind() {
            ErrorKind::NotFound | ErrorKind::NotADirectory => return None,
            ErrorKind::PermissionDenied => ReadReason::PermissionDenied,
            _ => ReadReason::Other(error.to_string()),
        };
        Some(ReadFailure {
            path: path.to_path_buf(),
            is_dir,
            reason,
        })
    }
}

/// Every unreadable path met while discovering content, each once.
#[derive(Debug, Clone, Default)]
pub struct Unreadable {
    failures: BTreeMap<PathBuf, ReadFailure>,
}

impl Unreadable {
    /// Records `failure`; a path already recorded keeps its first reason.
    pub fn add(&mut self, failure: ReadFailure) {
        self.failures.entry(failure.path.clone()).or_insert(failure);
    }

    /// Records `error` met on `path` unless it only says the path is missing.
    pub fn add_io(&mut self, path: &Path, is_dir: bool, error: &std::io::Error) {
        if let Some(failure) = ReadFailure::from_io(path, is_dir, error) {
            self.add(failure);
        }
    }

    /// True when `path` itself could not be read.
    pub fn contains(&self, path: &Path) -> bool {
        self.failures.contains_key(path)
    }

    /// True when `path` or a folder above it could not be read.
    pub fn covers(&self, path: &Path) -> bool {
        path.ancestors().any(|up| self.failures.contains_key(up))
    }

    /// How many paths are recorded.
    pub fn len(&self) -> usize {
        self.failures.len()
    }

    /// True when everything could be read.
    pub fn is_empty(&self) -> bool {
        self.failures.is_empty()
    }

    /// The failures, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = &ReadFailure> {
        self.failures.values()
    }
}

/// Lists `dir`; a folder that exists but cannot be listed is recorded in
/// `unreadable` and gives no entries, like a missing one.
pub fn list_dir(dir: &Path, unreadable: &mut Unreadable) -> Vec<std::fs::DirEntry> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).collect(),
        Err(error) => {
            unreadable.add_io(dir, true, &error);
            Vec::new()
        }
    }
}

/// Looks at every file under `root` and lists every folder, recording what
/// cannot be read and, when `sizes` is given, the size of what can (rules
/// that weigh files use it instead of walking again). Like the engine and
/// `pack`, folders whose name starts with `.` (`.git`) are skipped, and
/// links are not followed.
pub fn probe_tree(
    root: &Path,
    unreadable: &mut Unreadable,
    mut sizes: Option<&mut BTreeMap<PathBuf, u64>>,
) {
    for entry in list_dir(root, unreadable) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                probe_tree(&path, unreadable, sizes.as_deref_mut());
            }
        } else if kind.is_file() {
            match may_read(&path) {
                Ok(()) => {
                    if let Some(sizes) = sizes.as_deref_mut() {
                        sizes.insert(path, entry.metadata().map_or(0, |m| m.len()));
                    }
                }
                Err(error) => unreadable.add_io(&path, false, &error),
            }
        }
    }
}

/// Whether `path` may be opened for reading, asked without opening it:
/// one system call per file, where opening, reading the size and closing
/// took three for every texture and sound of a game. The effective user's
/// rights are checked, as `open` checks them.
#[cfg(unix)]
fn may_read(path: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: `name` is a NUL-terminated string that outlives the call,
    // which only reads it.
    let answer =
        unsafe { libc::faccessat(libc::AT_FDCWD, name.as_ptr(), libc::R_OK, libc::AT_EACCESS) };
    if answer == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn may_read(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path).map(drop)
}

/// Opens `path` to see whether it can be read, giving its size if so; a
/// missing file is fine.
pub fn probe_file(path: &Path, unreadable: &mut Unreadable) -> Option<u64> {
    match std::fs::File::open(path) {
        Ok(file) => Some(file.metadata().map_or(0, |m| m.len())),
        Err(error) => {
            unreadable.add_io(path, false, &error);
            None
        }
    }
}

/// The MT0004 finding for `failure`, the same from every pass: validate
/// reports what discovery could not read, lint and the embedded engine an
/// init.lua they cannot open.
pub fn unreadable_finding(failure: &ReadFailure) -> Diagnostic {
    let (reason, detail) = match &failure.reason {
        ReadReason::PermissionDenied => ("denied", String::new()),
        ReadReason::Other(detail) => ("other", detail.clone()),
    };
    Diagnostic::new(&UNREADABLE, &failure.path)
        .arg("path", shown_path(&failure.path, None))
        .arg("kind", if failure.is_dir { "folder" } else { "file" })
        .arg("reason", reason)
        .arg("detail", detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_not_unreadable() {
        let error = std::io::Error::from(ErrorKind::NotFound);
        assert_eq!(ReadFailure::from_io(Path::new("x"), false, &error), None);
        let error = std::io::Error::from(ErrorKind::PermissionDenied);
        let failure = ReadFailure::from_io(Path::new("x"), false, &error).unwrap();
        assert_eq!(failure.reason, ReadReason::PermissionDenied);
    }

    #[test]
    fn a_folder_covers_what_it_holds() {
        let mut unreadable = Unreadable::default();
        let error = std::io::Error::from(ErrorKind::PermissionDenied);
        unreadable.add_io(Path::new("m/textures"), true, &error);
        unreadable.add_io(Path::new("m/textures"), true, &error);
        assert_eq!(unreadable.len(), 1);
        assert!(unreadable.covers(Path::new("m/textures/a.png")));
        assert!(!unreadable.covers(Path::new("m/init.lua")));
        assert!(!unreadable.contains(Path::new("m/textures/a.png")));
    }
}
