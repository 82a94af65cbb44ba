//! `mtedu lint`: static analysis plus a load in the embedded engine.

use super::OutputOptions;
use super::args::LintArgs;
use super::common::{exit_code, host, paths_or_current};
use crate::lint::lint;

pub fn run(args: &LintArgs, output: &OutputOptions) -> i32 {
    let report = lint(
        &paths_or_current(&args.paths),
        &args.options(),
        &host(args.no_installed),
    );
    output.print_report(&report);
    exit_code(&report)
}
