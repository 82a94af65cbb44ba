//! The command line: clap definitions and one thin file per command.
//! Flags become plain option structs here; nothing below `cli` sees clap.

mod api;
mod args;
mod check;
mod common;
mod doctor;
mod info;
mod install;
mod lessons;
mod lint;
mod new;
mod output;
mod pack;
mod progress;
mod serve;
mod serve_status;
mod test;
mod validate;

use std::ffi::OsString;

use clap::Parser;

pub use args::{Cli, Command};
pub use output::{OutputFormat, OutputOptions};

/// Exit code: everything fine.
pub const EXIT_OK: i32 = 0;
/// Exit code: findings at error level, or failed tests.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: bad usage or a broken environment.
pub const EXIT_USAGE: i32 = 2;

/// Runs mtedu with these arguments and returns the process exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return code;
        }
    };
    let output = OutputOptions::from_cli(&cli);
    match &cli.command {
        Command::Validate(args) => validate::run(args, &output),
        Command::Lint(args) => lint::run(args, &output),
        Command::Check(args) => check::run(args, &output),
        Command::Test(args) => test::run(args, &output),
        Command::Info(args) => info::run(args, &output),
        Command::Api(args) => api::run(args, &output),
        Command::Doctor => doctor::run(&output),
        Command::New(args) => new::run(args, &output),
        Command::Pack(args) => pack::run(args, &output),
        Command::Install(args) => install::run(args, &output),
        Command::Serve(args) => serve::run(args, &output),
        Command::Lessons(args) => lessons::run(args, &output),
    }
}
