//! `mtedu validate`: structure and metadata checks.

use super::OutputOptions;
use super::args::ValidateArgs;
use super::common::{exit_code, host, paths_or_current};
use super::verbose::{describe_checked, describe_engine};
use crate::validate::{Options, validate};

pub fn run(args: &ValidateArgs, output: &OutputOptions) -> i32 {
    let choice = super::engine_choice::choose(args.engine, args.no_installed);
    let options = Options {
        game: args.game.clone(),
        engine: choice.version,
    };
    let paths = paths_or_current(&args.paths);
    let host = host(args.no_installed);
    describe_checked(
        &paths,
        args.game.as_deref(),
        &host,
        args.no_installed,
        output,
    );
    describe_engine(&choice, output);
    let report = validate(&paths, &options, &host);
    output.print_report_with(&report, &[("engine", choice.json())]);
    exit_code(&report)
}
