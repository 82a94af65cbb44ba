//! The command line: clap definitions and one thin file per command.
//! Flags become plain option structs here; nothing below `cli` sees clap.
//!
//! # Files
//!
//! Clap definitions (`args.rs`, the shape of the command line), global
//! output options (`output.rs`), one file per command. Nothing below `cli`
//! sees clap. `lang.rs` picks the language from the raw arguments before
//! parsing, so that `help_text.rs` can give clap every about and help text
//! from the catalogues (`help-*` keys) and `usage_error.rs` can retell
//! clap's errors (the wrong word, the suggestion, the help to run; exit 2).
//! `out.rs` holds the `out!`, `outln!`, `err!`, `errln!` macros every print
//! goes through: a closed pipe unwinds to `cli::run`, which exits quietly
//! with 0. `common.rs` computes the exit code of a report (MT00xx → 2,
//! errors → 1) and `verbose.rs` what `-v` prints on stderr.

#[macro_use]
mod out;

mod api;
mod args;
mod check;
mod class;
mod class_showcase;
mod common;
mod doctor;
mod engine_choice;
mod help_text;
mod info;
mod install;
mod lang;
mod lessons;
mod lint;
mod new;
mod output;
mod pack;
mod progress;
mod serve;
mod serve_chat;
mod serve_explain;
mod serve_print;
mod serve_safety;
mod serve_status;
mod test;
mod usage_error;
mod validate;
mod verbose;

use std::ffi::OsString;

use clap::FromArgMatches;

pub use args::{Cli, Command};
pub use output::{OutputFormat, OutputOptions};
pub use serve_chat::chat_lines as serve_chat_lines;

/// Exit code: everything fine.
pub const EXIT_OK: i32 = 0;
/// Exit code: findings at error level, or failed tests.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: bad usage or a broken environment.
pub const EXIT_USAGE: i32 = 2;

/// Runs mtedu with these arguments and returns the process exit code.
///
/// The language is chosen first, so that `--help` and the errors about the
/// command line are in it too.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let localizer = crate::i18n::Localizer::new(lang::lang_before_parsing(&args));
    let mut command = help_text::localized_command(&localizer);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            return out::until_output_closed(|| usage_error(&error, &command, &args, &localizer));
        }
    };
    let output = OutputOptions::from_cli(&cli);
    crate::engine::watchdog::set_language(output.lang);
    out::until_output_closed(|| dispatch(&cli, &output))
}

/// `--help` and `--version` print on stdout and succeed; a command line
/// mtedu cannot read is explained on stderr and exits with 2.
fn usage_error(
    error: &clap::Error,
    command: &clap::Command,
    args: &[OsString],
    localizer: &crate::i18n::Localizer,
) -> i32 {
    match error.kind() {
        // clap prints these itself (on stdout for help and version, in
        // colour on a terminal); a closed stdout is not worth reporting.
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
            let _ = error.print();
            EXIT_OK
        }
        clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            EXIT_USAGE
        }
        _ => {
            err!("{}", usage_error::explain(error, command, args, localizer));
            EXIT_USAGE
        }
    }
}

fn dispatch(cli: &Cli, output: &OutputOptions) -> i32 {
    if matches!(cli.command, Command::Lint(_) | Command::Check(_)) {
        crate::teardown::ends_after_this_command();
    }
    match &cli.command {
        Command::Validate(args) => validate::run(args, output),
        Command::Lint(args) => lint::run(args, output),
        Command::Check(args) => check::run(args, output),
        Command::Test(args) => test::run(args, output),
        Command::Info(args) => info::run(args, output),
        Command::Api(args) => api::run(args, output),
        Command::Doctor => doctor::run(output),
        Command::New(args) => new::run(args, output),
        Command::Pack(args) => pack::run(args, output),
        Command::Install(args) => install::run(args, output),
        Command::Serve(args) => serve::run(args, output),
        Command::Lessons(args) => lessons::run(args, output),
        Command::Class(args) => class::run(args, output),
    }
}
