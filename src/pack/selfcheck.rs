//! The self-check after packing: the archive just written is read back with
//! the same safety checks and extractor as `mtedu install`, every entry is
//! compared (name, order, size, CRC-32) with the bytes read from disk while
//! writing, and the extracted package is validated again. A file left out by
//! an ignore rule that the package needs shows up here, before the archive
//! is given to anyone.

use std::fs::File;
use std::path::Path;

use super::central::read_index;
use super::checks::check_entries;
use super::codes::{INTERRUPTED, SELF_CHECK_FAILED};
use super::extract::extract;
use super::leftovers::{CHECK, prefix};
use super::writer::Written;
use super::{Limits, Progress};
use crate::diag::{Diagnostic, Severity};
use crate::host::Host;
use crate::validate::{Options, validate};

/// A mismatch between the archive and what was read while writing it.
fn failed(shown: &Path, detail: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&SELF_CHECK_FAILED, shown)
        .arg("why", "mismatch")
        .arg("detail", detail.into())
}

/// Checks `archive` against `written`; `source` is the package folder,
/// `name` its top folder in the archive, `shown` the archive's final path
/// (for messages). Returns the problems found.
#[allow(clippy::too_many_arguments)]
pub fn self_check(
    archive: &Path,
    shown: &Path,
    written: &[Written],
    source: &Path,
    name: &str,
    options: &Options,
    host: &Host,
    progress: &dyn Progress,
) -> Vec<Diagnostic> {
    let limits = Limits::unlimited();
    let raw = match File::open(archive)
        .map_err(|e| e.to_string())
        .and_then(|mut file| read_index(&mut file, usize::MAX).map_err(|e| format!("{e:?}")))
    {
        Ok(raw) => raw,
        Err(reason) => return vec![failed(shown, reason)],
    };
    let mut problems = Vec::new();
    let Some(safe) = check_entries(&raw, &limits, archive, &mut problems) else {
        let reason = problems
            .iter()
            .map(|d| d.code.id)
            .collect::<Vec<_>>()
            .join(", ");
        return vec![failed(shown, reason)];
    };
    let listed: Vec<(&str, bool)> = safe.iter().map(|e| (e.path.as_str(), e.is_dir)).collect();
    let expected: Vec<(&str, bool)> = written
        .iter()
        .map(|w| (w.name.trim_end_matches('/'), w.name.ends_with('/')))
        .collect();
    if listed != expected {
        return vec![failed(shown, "the list of entries differs")];
    }
    // Beside the archive, on the same disk: a big world may not fit in /tmp.
    let beside = archive.parent().unwrap_or(Path::new("."));
    let Ok(temp) = tempfile::Builder::new()
        .prefix(&prefix(CHECK))
        .tempdir_in(beside)
    else {
        return vec![failed(shown, "no temporary folder")];
    };
    let extracted = match extract(archive, &raw, &safe, temp.path(), &limits, progress) {
        Ok(extracted) => extracted,
        Err(diagnostic) if diagnostic.code == &INTERRUPTED => return vec![diagnostic],
        Err(diagnostic) => return vec![failed(shown, format!("{:?}", diagnostic.args))],
    };
    let files = written.iter().filter(|w| !w.name.ends_with('/'));
    for (want, got) in files.zip(extracted.iter()) {
        if want.name != got.path || want.size != got.size || want.crc != got.crc {
            return vec![failed(shown, format!("{} differs", want.name))];
        }
    }
    let root = temp.path().join(name);
    let report = validate(std::slice::from_ref(&root), options, host);
    let errors: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|mut d| {
            if let Ok(rest) = d.path.strip_prefix(&root) {
                d.path = source.join(rest);
            }
            d
        })
        .collect();
    if errors.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        Diagnostic::new(&SELF_CHECK_FAILED, shown)
            .arg("why", "errors")
            .arg("detail", ""),
    ];
    out.extend(errors);
    out
}
