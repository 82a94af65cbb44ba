//! The temporary folder an install is prepared in, beside its target:
//! which folders the install created (removed again if it fails), which
//! top folder an archive has, and copying a package folder into it.

use std::path::{Path, PathBuf};

use super::Progress;
use super::checks::SafeEntry;
use super::codes::{INSTALL_LINK_OUTSIDE, INSTALL_WRITE_FAILED, INTERRUPTED};
use super::plan::select_problem;
use super::reasons::io_reason;
use super::select::select;
use crate::diag::Diagnostic;

/// Creates `dir` and its missing parents, remembering which were new.
pub fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(path) = at.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing.push(path.to_path_buf());
        at = path.parent();
    }
    std::fs::create_dir_all(dir)?;
    created.extend(missing.into_iter().rev());
    Ok(())
}

/// The one folder every entry is in, as ContentDB archives have.
pub fn single_top_folder(safe: &[SafeEntry]) -> Option<String> {
    let first = safe.first()?.path.split('/').next()?.to_owned();
    let inside = |path: &str| {
        path.strip_prefix(&first)
            .is_some_and(|rest| rest.starts_with('/'))
    };
    safe.iter()
        .all(|e| inside(&e.path) || (e.is_dir && e.path == first))
        .then_some(first)
}

/// Copies what `pack` would pack from `from` into the new folder `to`.
pub fn copy_folder(from: &Path, to: &Path, progress: &dyn Progress) -> Result<u64, Diagnostic> {
    let items = select(from, &[]).map_err(|error| select_problem(error, &INSTALL_WRITE_FAILED))?;
    progress.start(items.iter().map(|i| i.size).sum());
    let failed = |path: &Path, e: std::io::Error| {
        io_reason(&e).on(Diagnostic::new(&INSTALL_WRITE_FAILED, path))
    };
    std::fs::create_dir_all(to).map_err(|e| failed(to, e))?;
    let mut bytes = 0;
    if let Some(link) = items.iter().find(|item| item.link_outside.is_some()) {
        // A package folder copied in must not bring files from elsewhere.
        let target = link.link_outside.clone().unwrap_or_default();
        return Err(Diagnostic::new(&INSTALL_LINK_OUTSIDE, &link.path)
            .arg("target", target.display().to_string()));
    }
    for item in items {
        if progress.stopped() {
            return Err(Diagnostic::new(&INTERRUPTED, from));
        }
        let target = to.join(&item.rel);
        if item.is_dir {
            std::fs::create_dir_all(&target).map_err(|e| failed(&target, e))?;
        } else {
            bytes += std::fs::copy(&item.path, &target).map_err(|e| failed(&item.path, e))?;
            progress.advance(item.size);
        }
    }
    Ok(bytes)
}
