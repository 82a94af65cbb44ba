//! `mtedu validate`: structure and metadata checks.

use std::path::PathBuf;

use super::args::ValidateArgs;
use super::{EXIT_FINDINGS, EXIT_OK, OutputOptions};
use crate::host::Host;
use crate::validate::{Options, validate};

pub fn run(args: &ValidateArgs, output: &OutputOptions) -> i32 {
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
    let options = Options {
        game: args.game.clone(),
    };
    let report = validate(&paths, &options, &host);
    output.print_report(&report);
    if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
