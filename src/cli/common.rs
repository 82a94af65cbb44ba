//! Small pieces every command shares: default paths, the host, exit codes.

use std::path::PathBuf;

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::diag::{Diagnostic, Report};
use crate::host::Host;

/// The paths given, or the current folder.
pub fn paths_or_current(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}

/// Paths that do not exist (MT0001) and a `--game` not found (MT0003), for
/// commands that do not validate but must not run on them either.
pub fn environment_problems(paths: &[PathBuf], game: Option<&str>, host: &Host) -> Report {
    use crate::diag::input::{GAME_NOT_FOUND, PATH_NOT_FOUND};
    let mut found: Vec<Diagnostic> = paths
        .iter()
        .filter(|path| !path.exists())
        .map(|path| {
            Diagnostic::new(&PATH_NOT_FOUND, path).arg("path", path.to_string_lossy().into_owned())
        })
        .collect();
    if let Err(game) = host.game_dir(game, true) {
        found.push(Diagnostic::new(&GAME_NOT_FOUND, game.as_str()).arg("game", game.as_str()));
    }
    Report::new(found)
}

/// This PC's engine folders, or none with `--no-installed`.
pub fn host(no_installed: bool) -> Host {
    if no_installed {
        Host::empty()
    } else {
        Host::detect()
    }
}

/// The exit code of a report, the one rule for every command that reports
/// findings: 2 when a finding is about the command line or the PC rather
/// than the content (codes `MT00xx`: a path that does not exist, a `--game`
/// not found, a file mtedu cannot read…), else 1 when a finding is an
/// error, else 0.
pub fn exit_code(report: &Report) -> i32 {
    if report.diagnostics.iter().any(|d| is_environment(d.code.id)) {
        EXIT_USAGE
    } else if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `MT00xx` codes are about how mtedu was called, not about the content.
fn is_environment(code: &str) -> bool {
    code.starts_with("MT00")
}
