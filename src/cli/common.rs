//! Small pieces every command shares: default paths, the host, exit codes.

use std::path::PathBuf;

use super::{EXIT_FINDINGS, EXIT_OK};
use crate::diag::Report;
use crate::host::Host;

/// The paths given, or the current folder.
pub fn paths_or_current(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}

/// This PC's engine folders, or none with `--no-installed`.
pub fn host(no_installed: bool) -> Host {
    if no_installed {
        Host::empty()
    } else {
        Host::detect()
    }
}

/// 1 when the report has an error, else 0.
pub fn exit_code(report: &Report) -> i32 {
    if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
