//! Reads a zip archive's table of contents (its central directory) byte by
//! byte, trusting nothing: every offset and length is checked against the
//! file, and the entry count is checked against the limit before anything
//! is allocated for it.
//!
//! The zip library keeps only the last of two entries with the same name,
//! and decodes names it cannot read as UTF-8 with an old DOS code page, so
//! the safety checks need the raw list this module gives.

use super::reasons::{IoReason, io_reason};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// One entry as the central directory describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// The name bytes exactly as stored.
    pub name: Vec<u8>,
    pub flags: u16,
    /// 0 stored, 8 deflate; anything else is unsupported here.
    pub method: u16,
    /// High byte: the system that made the entry (3 = Unix).
    pub made_by: u16,
    pub external_attributes: u32,
    pub compressed_size: u64,
    pub size: u64,
}

impl RawEntry {
    /// The Unix file type bits (`S_IFMT`), when a Unix system made the entry.
    pub fn unix_type(&self) -> Option<u32> {
        (self.made_by >> 8 == 3).then_some((self.external_attributes >> 16) & 0o170_000)
    }
}

/// Why the directory could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// Not a zip, truncated, or inconsistent: `not-zip` (no end record)
    /// or `contents` (a broken table of contents), the keywords of MT4101.
    Damaged(&'static str),
    /// The file could not be read.
    Unreadable(IoReason),
    /// Split over several disks.
    MultiDisk,
    /// More entries than allowed (the count it announces).
    TooManyEntries(u64),
}

const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_EOCD: u32 = 0x0606_4b50;
const CENTRAL: u32 = 0x0201_4b50;

/// A broken table of contents; `detail` says where, for the code only.
fn damaged(_detail: &str) -> IndexError {
    IndexError::Damaged("contents")
}

fn unreadable(error: std::io::Error) -> IndexError {
    if error.kind() == std::io::ErrorKind::UnexpectedEof {
        return IndexError::Damaged("contents");
    }
    IndexError::Unreadable(io_reason(&error))
}

/// Little-endian reads that fail instead of panicking past the end.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u16(&self, at: usize) -> Result<u16, IndexError> {
        let b = self
            .0
            .get(at..at + 2)
            .ok_or_else(|| damaged("short record"))?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&self, at: usize) -> Result<u32, IndexError> {
        let b = self
            .0
            .get(at..at + 4)
            .ok_or_else(|| damaged("short record"))?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&self, at: usize) -> Result<u64, IndexError> {
        let lo = u64::from(self.u32(at)?);
        let hi = u64::from(self.u32(at + 4)?);
        Ok(lo | hi << 32)
    }
}

fn read_at(file: &mut File, offset: u64, len: usize) -> Result<Vec<u8>, IndexError> {
    let mut buffer = vec![0u8; len];
    file.seek(SeekFrom::Start(offset))
        .and_then(|_| file.read_exact(&mut buffer))
        .map_err(unreadable)?;
    Ok(buffer)
}

/// Where the directory starts, its size and its entry count.
///
/// The end record is the last thing in an archive, but its comment may
/// itself hold the bytes of its signature: the real record is the one whose
/// comment ends exactly at the end of the file (searched from the end), and
/// whose table of contents really starts where it says. A record followed
/// by bytes it does not account for is taken only when no record fits
/// exactly.
fn locate(file: &mut File, file_len: u64) -> Result<(u64, u64, u64), IndexError> {
    if file_len < 22 {
        return Err(IndexError::Damaged("not-zip"));
    }
    let tail_len = file_len.min(22 + 65_535 + 20);
    let tail_start = file_len - tail_len;
    let tail = read_at(file, tail_start, tail_len as usize)?;
    let candidates: Vec<usize> = (0..=tail.len() - 22)
        .rev()
        .filter(|&at| Bytes(&tail).u32(at) == Ok(EOCD))
        .collect();
    let exact = |at: &usize| {
        Bytes(&tail)
            .u16(at + 20)
            .is_ok_and(|comment| at + 22 + usize::from(comment) == tail.len())
    };
    let ordered = candidates
        .iter()
        .filter(|at| exact(at))
        .chain(candidates.iter().filter(|at| !exact(at)));
    let mut first_error = None;
    for &at in ordered {
        match end_record(file, &tail, tail_start, at) {
            Ok(found) => return Ok(found),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or(IndexError::Damaged("not-zip")))
}

/// The table of contents an end record at `at` (in `tail`, which starts at
/// `tail_start` in the file) describes, checked against the file.
fn end_record(
    file: &mut File,
    tail: &[u8],
    tail_start: u64,
    at: usize,
) -> Result<(u64, u64, u64), IndexError> {
    let eocd = Bytes(&tail[at..]);
    if eocd.u16(4)? != 0 || eocd.u16(6)? != 0 {
        return Err(IndexError::MultiDisk);
    }
    let mut count = u64::from(eocd.u16(10)?);
    let mut size = u64::from(eocd.u32(12)?);
    let mut offset = u64::from(eocd.u32(16)?);
    let eocd_pos = tail_start + at as u64;
    let needs_zip64 = count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF;
    if needs_zip64 && at >= 20 && Bytes(tail).u32(at - 20) == Ok(ZIP64_LOCATOR) {
        let locator = Bytes(&tail[at - 20..at]);
        let record_pos = locator.u64(8)?;
        if record_pos.checked_add(56).is_none_or(|end| end > eocd_pos) {
            return Err(damaged("bad zip64 record position"));
        }
        let record = read_at(file, record_pos, 56)?;
        let record = Bytes(&record);
        if record.u32(0)? != ZIP64_EOCD {
            return Err(damaged("bad zip64 record"));
        }
        if record.u32(16)? != 0 || record.u32(20)? != 0 {
            return Err(IndexError::MultiDisk);
        }
        count = record.u64(32)?;
        size = record.u64(40)?;
        offset = record.u64(48)?;
    }
    if offset.checked_add(size).is_none_or(|end| end > eocd_pos) {
        return Err(damaged("the table of contents points past the end"));
    }
    if count > 0 && Bytes(&read_at(file, offset, 4)?).u32(0)? != CENTRAL {
        return Err(damaged("broken table of contents"));
    }
    Ok((offset, size, count))
}

/// Reads every entry of the central directory; at most `max_entries`.
pub fn read_index(file: &mut File, max_entries: usize) -> Result<Vec<RawEntry>, IndexError> {
    let file_len = file.seek(SeekFrom::End(0)).map_err(unreadable)?;
    let (offset, size, count) = locate(file, file_len)?;
    if count > max_entries as u64 {
        return Err(IndexError::TooManyEntries(count));
    }
    if count.saturating_mul(46) > size {
        return Err(damaged("the table of contents is shorter than its entries"));
    }
    let directory = read_at(file, offset, size as usize)?;
    let mut entries = Vec::with_capacity(count as usize);
    let mut at = 0usize;
    for _ in 0..count {
        let header = Bytes(directory.get(at..).unwrap_or_default());
        if header.u32(0)? != CENTRAL {
            return Err(damaged("broken table of contents"));
        }
        let name_len = usize::from(header.u16(28)?);
        let extra_len = usize::from(header.u16(30)?);
        let comment_len = usize::from(header.u16(32)?);
        let name = header
            .0
            .get(46..46 + name_len)
            .ok_or_else(|| damaged("short entry name"))?
            .to_vec();
        let extra = header
            .0
            .get(46 + name_len..46 + name_len + extra_len)
            .ok_or_else(|| damaged("short extra field"))?;
        let mut entry = RawEntry {
            name,
            flags: header.u16(8)?,
            method: header.u16(10)?,
            made_by: header.u16(4)?,
            external_attributes: header.u32(38)?,
            compressed_size: u64::from(header.u32(20)?),
            size: u64::from(header.u32(24)?),
        };
        apply_zip64_extra(&mut entry, extra)?;
        entries.push(entry);
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

/// Replaces 0xFFFFFFFF sizes by the 64-bit ones of the zip64 extra field.
fn apply_zip64_extra(entry: &mut RawEntry, extra: &[u8]) -> Result<(), IndexError> {
    if entry.size != 0xFFFF_FFFF && entry.compressed_size != 0xFFFF_FFFF {
        return Ok(());
    }
    let mut at = 0;
    while at + 4 <= extra.len() {
        let field = Bytes(extra);
        let id = field.u16(at)?;
        let len = usize::from(field.u16(at + 2)?);
        let body = Bytes(extra.get(at + 4..at + 4 + len).unwrap_or_default());
        if id == 0x0001 {
            let mut pos = 0;
            if entry.size == 0xFFFF_FFFF {
                entry.size = body.u64(pos)?;
                pos += 8;
            }
            if entry.compressed_size == 0xFFFF_FFFF {
                entry.compressed_size = body.u64(pos)?;
            }
            return Ok(());
        }
        at += 4 + len;
    }
    Err(damaged("a zip64 size is missing"))
}
