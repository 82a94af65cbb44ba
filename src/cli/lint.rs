//! `mtedu lint`: static analysis plus a load in the embedded engine;
//! with `--fix`, first rewrites the mistakes whose fix is certain.

use super::args::LintArgs;
use super::common::{exit_code, host, paths_or_current};
use super::verbose::{describe_checked, describe_engine};
use super::{OutputFormat, OutputOptions};
use crate::diag::ArgValue;
use crate::fix::{FixOutcome, fix};
use crate::i18n::Localizer;
use crate::lint::lint;

pub fn run(args: &LintArgs, output: &OutputOptions) -> i32 {
    let paths = paths_or_current(&args.load.paths);
    let choice = args.load.engine_choice();
    let options = args.load.lint_options(choice.version);
    let host = host(args.load.no_installed);
    describe_checked(
        &paths,
        args.load.game.as_deref(),
        &host,
        args.load.no_installed,
        output,
    );
    describe_engine(&choice, output);
    if args.fix {
        let outcome = fix(&paths, &options, &host);
        let text = fix_text(&outcome, &Localizer::new(output.lang));
        // JSON output stays one document on stdout.
        match output.format {
            OutputFormat::Json => err!("{text}"),
            OutputFormat::Human => out!("{text}"),
        }
    }
    let report = lint(&paths, &options, &host);
    output.print_report_with(&report, &[("engine", choice.json())]);
    exit_code(&report)
}

/// One line a fix, one a skipped file, and a count.
fn fix_text(outcome: &FixOutcome, localizer: &Localizer) -> String {
    let mut text = String::new();
    for fixed in &outcome.fixed {
        let after = if fixed.after.is_empty() {
            "none".to_owned()
        } else {
            fixed.after.trim().to_owned()
        };
        let args: [(&str, ArgValue); 5] = [
            ("path", fixed.path.display().to_string().into()),
            ("line", fixed.line.into()),
            ("before", fixed.before.as_str().into()),
            ("after", after.into()),
            ("code", fixed.code.id.into()),
        ];
        text.push_str(&localizer.text("fix-applied", &args));
        text.push('\n');
    }
    for (path, reason) in &outcome.skipped {
        let args: [(&str, ArgValue); 2] = [
            ("path", path.display().to_string().into()),
            ("reason", reason.as_str().into()),
        ];
        text.push_str(&localizer.text("fix-skipped", &args));
        text.push('\n');
    }
    text.push_str(&localizer.text("fix-summary", &[("count", outcome.fixed.len().into())]));
    text.push('\n');
    text
}
