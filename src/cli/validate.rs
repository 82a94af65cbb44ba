//! `mtedu validate`: structure and metadata checks.

use super::OutputOptions;
use super::args::ValidateArgs;
use super::common::{exit_code, host, paths_or_current};
use crate::validate::{Options, validate};

pub fn run(args: &ValidateArgs, output: &OutputOptions) -> i32 {
    let options = Options {
        game: args.game.clone(),
    };
    let report = validate(
        &paths_or_current(&args.paths),
        &options,
        &host(args.no_installed),
    );
    output.print_report(&report);
    exit_code(&report)
}
