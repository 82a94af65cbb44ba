//! `mtedu lint`: static analysis plus a load in the embedded engine.

use super::OutputOptions;
use super::args::LoadArgs;
use super::common::{exit_code, host, paths_or_current};
use crate::lint::lint;

pub fn run(args: &LoadArgs, output: &OutputOptions) -> i32 {
    let report = lint(
        &paths_or_current(&args.paths),
        &args.lint_options(),
        &host(args.no_installed),
    );
    output.print_report(&report);
    exit_code(&report)
}
