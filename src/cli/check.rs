//! `mtedu check`: validate + lint, the one command pupils run; in a
//! pupil's copy of a lesson, also which objectives are met.

use super::args::CheckArgs;
use super::common::{exit_code, host, paths_or_current};
use super::verbose::{describe_checked, describe_engine};
use super::{OutputFormat, OutputOptions};
use crate::check::check_with_lessons;
use crate::diag::render_json_with;
use crate::i18n::Localizer;
use crate::lessons::{progress_json, render_class_table, render_progress};

/// Unmet objectives do not change the exit code: they are the pupil's
/// work in progress, not mistakes.
pub fn run(check_args: &CheckArgs, output: &OutputOptions) -> i32 {
    let args = &check_args.load;
    let paths = paths_or_current(&args.paths);
    let host = host(args.no_installed);
    describe_checked(
        &paths,
        args.game.as_deref(),
        &host,
        args.no_installed,
        output,
    );
    let choice = args.engine_choice();
    describe_engine(&choice, output);
    let outcome = check_with_lessons(
        &paths,
        &crate::lint::LintOptions {
            play: !check_args.no_play,
            ..args.lint_options(choice.version)
        },
        &host,
    );
    let localizer = Localizer::new(output.lang);
    match output.format {
        OutputFormat::Json if !outcome.lessons.is_empty() => {
            let objectives: Vec<serde_json::Value> = outcome
                .lessons
                .iter()
                .map(|progress| progress_json(progress, output.lang))
                .collect();
            outln!(
                "{}",
                render_json_with(
                    &outcome.report,
                    &localizer,
                    &[
                        ("objectives", serde_json::Value::Array(objectives)),
                        ("engine", choice.json()),
                    ]
                )
            );
        }
        _ => {
            if !output.quiet {
                out!("{}", render_class_table(&outcome.lessons, &localizer));
            }
            output.print_report_with(&outcome.report, &[("engine", choice.json())]);
            for progress in &outcome.lessons {
                out!(
                    "{}",
                    render_progress(progress, &localizer, output.lang, output.verbose > 0)
                );
            }
        }
    }
    exit_code(&outcome.report)
}
