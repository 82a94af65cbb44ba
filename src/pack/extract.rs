//! Safe extraction of entries that passed [`super::checks`] into a fresh
//! folder: only plain files and folders are created, never over something
//! that exists, and each entry's real size is counted as it is inflated, so
//! an archive that lies about its sizes stops at the limit instead of
//! filling the disk. The zip library checks every entry's CRC-32.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;

use zip::ZipArchive;

use super::central::RawEntry;
use super::checks::{SafeEntry, megabytes};
use super::codes::{
    ARCHIVE_DAMAGED, ARCHIVE_TOO_BIG, INSTALL_WRITE_FAILED, INTERRUPTED, LINK_ENTRY,
};
use super::reasons::{IoReason, io_reason, zip_reason};
use super::{Limits, Progress};
use crate::diag::Diagnostic;

/// One extracted file, as inflated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub path: String,
    pub size: u64,
    pub crc: u32,
}

const CHUNK: usize = 256 * 1024;

/// MT4101 with its `why` keyword (see the catalogue) about `entry`.
fn damaged(archive: &Path, why: &'static str, entry: &str) -> Diagnostic {
    Diagnostic::new(&ARCHIVE_DAMAGED, archive)
        .arg("why", why)
        .arg("entry", entry)
}

/// The data of `entry` could not be read back: damaged, or the disk failed.
fn unreadable(archive: &Path, entry: &str, reason: IoReason) -> Diagnostic {
    let why = if reason.key == "other" {
        "data"
    } else {
        "read"
    };
    reason.on(damaged(archive, why, entry))
}

fn write_failed(path: &Path, error: &std::io::Error) -> Diagnostic {
    io_reason(error).on(Diagnostic::new(&INSTALL_WRITE_FAILED, path))
}

/// Extracts `safe` (from `raw`, the archive's directory) into `into`, which
/// must be a new, empty folder. Returns what each file held.
pub fn extract(
    archive: &Path,
    raw: &[RawEntry],
    safe: &[SafeEntry],
    into: &Path,
    limits: &Limits,
    progress: &dyn Progress,
) -> Result<Vec<Extracted>, Diagnostic> {
    let file = File::open(archive).map_err(|e| unreadable(archive, "", io_reason(&e)))?;
    let mut zip = ZipArchive::new(BufReader::new(file))
        .map_err(|e| unreadable(archive, "", zip_reason(&e)))?;
    if zip.len() != raw.len() {
        return Err(damaged(archive, "contents", ""));
    }
    let mut extracted = Vec::new();
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; CHUNK];
    for entry in safe {
        let mut source = zip
            .by_index(entry.index)
            .map_err(|e| unreadable(archive, &entry.path, zip_reason(&e)))?;
        if source.name_raw() != raw[entry.index].name.as_slice() {
            return Err(damaged(archive, "contents", &entry.path));
        }
        // Checked already from the raw table; the library's view must agree.
        if source.is_symlink() {
            return Err(Diagnostic::new(&LINK_ENTRY, archive).arg("entry", entry.path.as_str()));
        }
        let target = into.join(&entry.path);
        if entry.is_dir {
            std::fs::create_dir_all(&target).map_err(|e| write_failed(&target, &e))?;
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| write_failed(parent, &e))?;
        }
        let mut out = File::create_new(&target).map_err(|e| write_failed(&target, &e))?;
        let mut limited = (&mut source).take(entry.size.saturating_add(1));
        let mut hasher = crc32fast::Hasher::new();
        let mut size = 0u64;
        loop {
            if progress.stopped() {
                return Err(Diagnostic::new(&INTERRUPTED, archive));
            }
            let count = match limited.read(&mut buffer) {
                Ok(0) => break,
                Ok(count) => count,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // The zip library reports bad data (a wrong CRC-32, broken
                // deflate) as IO errors of kind InvalidData / Other.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::InvalidData | std::io::ErrorKind::Other
                    ) =>
                {
                    return Err(damaged(archive, "data", &entry.path));
                }
                Err(e) => return Err(unreadable(archive, &entry.path, io_reason(&e))),
            };
            size += count as u64;
            total += count as u64;
            if size > entry.size {
                return Err(damaged(archive, "larger", &entry.path));
            }
            if total > limits.max_total {
                return Err(Diagnostic::new(&ARCHIVE_TOO_BIG, archive)
                    .arg("entry", entry.path.as_str())
                    .arg("size", megabytes(total))
                    .arg("limit", megabytes(limits.max_total)));
            }
            hasher.update(&buffer[..count]);
            out.write_all(&buffer[..count])
                .map_err(|e| write_failed(&target, &e))?;
            progress.advance(count as u64);
        }
        if size != entry.size {
            return Err(damaged(archive, "smaller", &entry.path));
        }
        extracted.push(Extracted {
            path: entry.path.clone(),
            size,
            crc: hasher.finalize(),
        });
    }
    Ok(extracted)
}
