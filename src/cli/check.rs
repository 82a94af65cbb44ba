//! `mtedu check`: validate + lint, the one command pupils run.

use std::path::PathBuf;

use super::args::LintArgs;
use super::{EXIT_FINDINGS, EXIT_OK, OutputOptions};
use crate::check::check;
use crate::host::Host;
use crate::lint::LintOptions;

pub fn run(args: &LintArgs, output: &OutputOptions) -> i32 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let host = if args.no_installed {
        Host::empty()
    } else {
        Host::detect()
    };
    let options = LintOptions {
        game: args.game.clone(),
        limits: args.limits(),
    };
    let report = check(&paths, &options, &host);
    output.print_report(&report);
    if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
