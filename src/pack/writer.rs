//! The deterministic zip writer: entries in the order given (callers sort
//! them), every timestamp 1980-01-01 00:00, permissions 644 for files and
//! 755 for folders, deflate level 6, no extra fields. Packing the same files
//! twice gives the same bytes.
//!
//! While copying, each file's CRC-32 and size are computed from the bytes
//! actually read, so that the self-check can compare the archive with what
//! was on disk rather than with what the zip library says it wrote.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, Write};
use std::path::PathBuf;

use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Progress;
use super::reasons::{IoReason, io_reason, zip_reason};

/// What an entry's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A folder entry (its name ends with `/`).
    Dir,
    /// A file copied as it is.
    File(PathBuf),
    /// Bytes made by mtedu (a rewritten world.mt, a lesson's world.mt).
    Bytes(Vec<u8>),
}

/// One entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The name inside the archive, `/`-separated; folders end with `/`.
    pub name: String,
    pub source: Source,
    /// The expected size (for zip64 and the progress bar).
    pub size: u64,
}

impl Planned {
    /// A folder entry named `name/`.
    pub fn dir(name: &str) -> Planned {
        Planned {
            name: format!("{}/", name.trim_end_matches('/')),
            source: Source::Dir,
            size: 0,
        }
    }
}

/// What was written for one entry: the bytes actually read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub name: String,
    pub size: u64,
    pub crc: u32,
}

/// Why writing stopped.
#[derive(Debug)]
pub struct WriteError {
    /// The file being read, when reading it failed.
    pub path: Option<PathBuf>,
    pub reason: IoReason,
}

impl WriteError {
    fn io(path: Option<&PathBuf>, error: &std::io::Error) -> WriteError {
        WriteError {
            path: path.cloned(),
            reason: io_reason(error),
        }
    }

    fn zip(error: &ZipError) -> WriteError {
        WriteError {
            path: None,
            reason: zip_reason(error),
        }
    }
}

/// The date written for every entry: the earliest a zip can hold.
const FIXED_TIME: DateTime = DateTime::DEFAULT;
/// Compression level, the same as `zip -6` and zlib's default.
const LEVEL: i64 = 6;
const CHUNK: usize = 256 * 1024;

/// Writes `plan` as a zip into `out`, in order.
pub fn write_zip(
    plan: &[Planned],
    out: File,
    progress: &dyn Progress,
) -> Result<Vec<Written>, WriteError> {
    let mut zip = ZipWriter::new(BufWriter::with_capacity(CHUNK, out));
    let mut written = Vec::with_capacity(plan.len());
    let mut buffer = vec![0u8; CHUNK];
    for entry in plan {
        if progress.stopped() {
            return Err(WriteError::io(
                None,
                &std::io::ErrorKind::Interrupted.into(),
            ));
        }
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(LEVEL))
            .last_modified_time(FIXED_TIME)
            .large_file(entry.size >= u64::from(u32::MAX));
        match &entry.source {
            Source::Dir => {
                zip.add_directory(entry.name.as_str(), options.unix_permissions(0o755))
                    .map_err(|e| WriteError::zip(&e))?;
                written.push(Written {
                    name: entry.name.clone(),
                    size: 0,
                    crc: 0,
                });
            }
            Source::File(path) => {
                zip.start_file(entry.name.as_str(), options.unix_permissions(0o644))
                    .map_err(|e| WriteError::zip(&e))?;
                let mut file = File::open(path).map_err(|e| WriteError::io(Some(path), &e))?;
                let (size, crc) = copy(&mut file, &mut zip, &mut buffer, progress)
                    .map_err(|e| WriteError::io(Some(path), &e))?;
                written.push(Written {
                    name: entry.name.clone(),
                    size,
                    crc,
                });
            }
            Source::Bytes(bytes) => {
                zip.start_file(entry.name.as_str(), options.unix_permissions(0o644))
                    .map_err(|e| WriteError::zip(&e))?;
                let (size, crc) = copy(&mut bytes.as_slice(), &mut zip, &mut buffer, progress)
                    .map_err(|e| WriteError::io(None, &e))?;
                written.push(Written {
                    name: entry.name.clone(),
                    size,
                    crc,
                });
            }
        }
    }
    let mut inner = zip.finish().map_err(|e| WriteError::zip(&e))?;
    inner.flush().map_err(|e| WriteError::io(None, &e))?;
    let file = inner
        .into_inner()
        .map_err(|e| WriteError::io(None, e.error()))?;
    file.sync_all().map_err(|e| WriteError::io(None, &e))?;
    Ok(written)
}

/// Copies `from` into the current entry; returns the size and CRC-32 read.
fn copy<W: Write + Seek>(
    from: &mut impl Read,
    zip: &mut ZipWriter<W>,
    buffer: &mut [u8],
    progress: &dyn Progress,
) -> std::io::Result<(u64, u32)> {
    let mut hasher = crc32fast::Hasher::new();
    let mut size = 0u64;
    loop {
        if progress.stopped() {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let count = match from.read(buffer) {
            Ok(0) => break,
            Ok(count) => count,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        hasher.update(&buffer[..count]);
        zip.write_all(&buffer[..count])?;
        size += count as u64;
        progress.advance(count as u64);
    }
    Ok((size, hasher.finalize()))
}
