//! The two halves of a pupil's push in `mtedu class`: [`zip_mod`] packs a
//! mod folder as `pack` would pick its files (junk and `.mtedu*` left
//! out, deterministic zip), without refusing a mod that has mistakes —
//! the class PC shows them; [`unpack_checked`] runs the archive through
//! every check `install` makes (names, links, sizes, ratio, count) and
//! extracts it into a new folder only when all pass.

use std::fs::File;
use std::path::Path;

use super::Limits;
use super::central::read_index;
use super::checks::check_entries;
use super::extract::extract;
use super::installer::index_problem;
use super::plan::{add_tree, select_problem};
use super::writer::{Planned, write_zip};
use super::{NoProgress, codes::PACK_WRITE_FAILED};
use crate::diag::Diagnostic;

/// The zip of the mod folder `dir` under the top folder `name`.
pub fn zip_mod(dir: &Path, name: &str) -> Result<Vec<u8>, Diagnostic> {
    let mut warnings = Vec::new();
    let mut plan = vec![Planned::dir(name)];
    add_tree(&mut plan, name, dir, &[], &mut warnings)
        .map_err(|error| select_problem(error, &PACK_WRITE_FAILED))?;
    plan.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    let unreadable = |error: std::io::Error| {
        super::reasons::io_reason(&error).on(Diagnostic::new(&PACK_WRITE_FAILED, dir))
    };
    let mut temp = tempfile::tempfile().map_err(unreadable)?;
    write_zip(&plan, temp.try_clone().map_err(unreadable)?, &NoProgress)
        .map_err(|error| error.reason.on(Diagnostic::new(&PACK_WRITE_FAILED, dir)))?;
    use std::io::{Read, Seek};
    temp.rewind().map_err(unreadable)?;
    let mut bytes = Vec::new();
    temp.read_to_end(&mut bytes).map_err(unreadable)?;
    Ok(bytes)
}

/// Checks `archive` whole, then extracts it into `into` (a new, empty
/// folder); the paths of the files extracted.
pub fn unpack_checked(
    archive: &Path,
    into: &Path,
    limits: &Limits,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut file = File::open(archive).map_err(|e| {
        vec![super::reasons::io_reason(&e).on(Diagnostic::new(&PACK_WRITE_FAILED, archive))]
    })?;
    let raw = read_index(&mut file, limits.max_entries)
        .map_err(|error| vec![index_problem(archive, error, limits)])?;
    let mut found = Vec::new();
    let Some(safe) = check_entries(&raw, limits, archive, &mut found) else {
        return Err(found);
    };
    let files = extract(archive, &raw, &safe, into, limits, &NoProgress).map_err(|d| vec![d])?;
    Ok(files.into_iter().map(|f| f.path).collect())
}
