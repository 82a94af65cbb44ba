//! The safety checks every archive passes before a single byte is
//! extracted: names (`..`, absolute, not UTF-8, duplicates, case clashes),
//! entry types (links, devices), sizes (total, compression ratio), count,
//! and methods (deflate or stored only, no encryption).
//!
//! Every problem is reported, at most a few per kind so that a hostile
//! archive with thousands of bad names still gives a short report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::Limits;
use super::central::RawEntry;
use super::codes::*;
use crate::diag::{Code, Diagnostic};

/// An entry that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeEntry {
    /// Its position in the archive.
    pub index: usize,
    /// Normalized relative path: `/`-separated, no `.`, `..` or empty parts.
    pub path: String,
    pub is_dir: bool,
    pub size: u64,
}

/// How many findings of one code are shown.
const SHOWN_PER_CODE: usize = 5;
/// Files this small may compress any amount (a blank text file does).
const RATIO_FLOOR: u64 = 1024 * 1024;

const S_IFDIR: u32 = 0o040_000;
const S_IFREG: u32 = 0o100_000;

/// Checks every entry; returns the safe list, or `None` when any check failed
/// (the reasons are pushed to `out`).
pub fn check_entries(
    entries: &[RawEntry],
    limits: &Limits,
    archive: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<SafeEntry>> {
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut report = |code: &'static Code, name: &str| {
        found.push(Diagnostic::new(code, archive).arg("entry", name));
    };
    let mut safe = Vec::with_capacity(entries.len());
    let mut total: u64 = 0;
    for (index, entry) in entries.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(&entry.name) else {
            report(&NAME_NOT_UTF8, &String::from_utf8_lossy(&entry.name));
            continue;
        };
        if entry.flags & 1 != 0 || (entry.method != 0 && entry.method != 8) {
            report(&UNSUPPORTED, name);
            continue;
        }
        let unix_type = entry.unix_type();
        let is_dir = name.ends_with('/') || name.ends_with('\\') || unix_type == Some(S_IFDIR);
        match unix_type {
            None | Some(0) | Some(S_IFREG) | Some(S_IFDIR) => {}
            Some(_) => {
                report(&LINK_ENTRY, name);
                continue;
            }
        }
        let Some(path) = normalize(name) else {
            report(&UNSAFE_PATH, name);
            continue;
        };
        if !is_dir
            && entry.size > RATIO_FLOOR
            && entry.size / entry.compressed_size.max(1) > limits.max_ratio
        {
            report(&ZIP_BOMB, name);
            continue;
        }
        total = total.saturating_add(entry.size);
        if !path.is_empty() {
            safe.push(SafeEntry {
                index,
                path,
                is_dir,
                size: if is_dir { 0 } else { entry.size },
            });
        }
    }
    if total > limits.max_total {
        let archive_name = archive.display().to_string();
        found.push(
            Diagnostic::new(&ARCHIVE_TOO_BIG, archive)
                .arg("entry", archive_name)
                .arg("size", megabytes(total))
                .arg("limit", megabytes(limits.max_total)),
        );
    }
    check_clashes(&safe, archive, &mut found);
    if found.is_empty() {
        return Some(safe);
    }
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    for diagnostic in found {
        let count = shown.entry(diagnostic.code.id).or_default();
        *count += 1;
        if *count <= SHOWN_PER_CODE {
            out.push(diagnostic);
        }
    }
    None
}

/// Size in whole megabytes (rounded up), for messages.
pub fn megabytes(bytes: u64) -> usize {
    usize::try_from(bytes.div_ceil(1024 * 1024)).unwrap_or(usize::MAX)
}

/// The relative path an entry name stands for, `\` read as `/`; `None` when
/// it is absolute, has a drive letter, a NUL, or climbs up with `..`.
pub fn normalize(name: &str) -> Option<String> {
    let name = name.replace('\\', "/");
    let has_drive = name.as_bytes().get(1) == Some(&b':');
    if name.starts_with('/') || has_drive || name.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Same path twice, a file also used as a folder, or names equal but for case.
fn check_clashes(safe: &[SafeEntry], archive: &Path, found: &mut Vec<Diagnostic>) {
    let mut files: BTreeSet<&str> = BTreeSet::new();
    let mut dirs: BTreeSet<&str> = BTreeSet::new();
    for entry in safe {
        let seen = if entry.is_dir {
            files.contains(entry.path.as_str()) || !dirs.insert(&entry.path)
        } else {
            dirs.contains(entry.path.as_str()) || !files.insert(&entry.path)
        };
        if seen {
            found.push(Diagnostic::new(&DUPLICATE_NAME, archive).arg("entry", entry.path.as_str()));
        }
    }
    // An entry's parent folders must not be files.
    for path in files.iter().chain(dirs.iter()) {
        let mut parent = *path;
        while let Some((up, _)) = parent.rsplit_once('/') {
            if files.contains(up) {
                found.push(Diagnostic::new(&DUPLICATE_NAME, archive).arg("entry", up));
            }
            parent = up;
        }
    }
    let mut lower: BTreeMap<String, &str> = BTreeMap::new();
    for path in files.iter().chain(dirs.iter()) {
        if let Some(other) = lower.insert(path.to_lowercase(), path)
            && other != *path
        {
            found.push(
                Diagnostic::new(&CASE_CLASH, archive)
                    .arg("entry", *path)
                    .arg("other", other),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_refuses_escapes() {
        assert_eq!(normalize("mod/init.lua").as_deref(), Some("mod/init.lua"));
        assert_eq!(normalize("./mod//a\\b.png").as_deref(), Some("mod/a/b.png"));
        for bad in ["../x", "a/../../x", "..\\x", "/etc/passwd", "C:\\x", "a\0b"] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }
}
