//! `mtedu check`: validate + lint, the one command pupils run.

use super::OutputOptions;
use super::args::LoadArgs;
use super::common::{exit_code, host, paths_or_current};
use crate::check::check;

pub fn run(args: &LoadArgs, output: &OutputOptions) -> i32 {
    let report = check(
        &paths_or_current(&args.paths),
        &args.lint_options(),
        &host(args.no_installed),
    );
    output.print_report(&report);
    exit_code(&report)
}
