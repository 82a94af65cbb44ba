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

fn damaged(archive: &Path, reason: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::new(&ARCHIVE_DAMAGED, archive).arg("reason", reason.to_string())
}

fn write_failed(path: &Path, error: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::new(&INSTALL_WRITE_FAILED, path).arg("reason", error.to_string())
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
    let file = File::open(archive).map_err(|e| damaged(archive, e))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| damaged(archive, e))?;
    if zip.len() != raw.len() {
        return Err(damaged(archive, "inconsistent table of contents"));
    }
    let mut extracted = Vec::new();
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; CHUNK];
    for entry in safe {
        let mut source = zip.by_index(entry.index).map_err(|e| damaged(archive, e))?;
        if source.name_raw() != raw[entry.index].name.as_slice() {
            return Err(damaged(archive, "inconsistent table of contents"));
        }
        // Checked already from the raw table; the library's view must agree.
        if source.is_symlink() {
            return Err(Diagnostic::new(&LINK_ENTRY, archive).arg("entry", entry.path.as_str()));
        }
        let target = into.join(&entry.path);
        if entry.is_dir {
            std::fs::create_dir_all(&target).map_err(|e| write_failed(&target, e))?;
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| write_failed(parent, e))?;
        }
        let mut out = File::create_new(&target).map_err(|e| write_failed(&target, e))?;
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
                Err(e) => return Err(damaged(archive, format!("{}: {e}", entry.path))),
            };
            size += count as u64;
            total += count as u64;
            if size > entry.size {
                let reason = format!("{}: larger than the archive says", entry.path);
                return Err(damaged(archive, reason));
            }
            if total > limits.max_total {
                return Err(Diagnostic::new(&ARCHIVE_TOO_BIG, archive)
                    .arg("entry", entry.path.as_str())
                    .arg("size", megabytes(total))
                    .arg("limit", megabytes(limits.max_total)));
            }
            hasher.update(&buffer[..count]);
            out.write_all(&buffer[..count])
                .map_err(|e| write_failed(&target, e))?;
            progress.advance(count as u64);
        }
        if size != entry.size {
            let reason = format!("{}: smaller than the archive says", entry.path);
            return Err(damaged(archive, reason));
        }
        extracted.push(Extracted {
            path: entry.path.clone(),
            size,
            crc: hasher.finalize(),
        });
    }
    Ok(extracted)
}
