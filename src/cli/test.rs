//! `mtedu test`: run specs offline, report human / JSON / JUnit.

use super::args::TestArgs;
use super::common::{environment_problems, exit_code, host, paths_or_current};
use super::verbose::describe_engine;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::i18n::Localizer;
use crate::testing::{TestOptions, render_human, render_json, render_junit, run_tests};

pub fn run(args: &TestArgs, output: &OutputOptions) -> i32 {
    let choice = args.load.engine_choice();
    describe_engine(&choice, output);
    let options = TestOptions {
        filter: args.filter.clone(),
        fail_fast: args.fail_fast,
        game: args.load.game.clone(),
        limits: args.load.limits(),
        timeout: Some(std::time::Duration::from_secs_f64(args.timeout)),
        seed: args.seed,
        engine: choice.version,
    };
    let paths = paths_or_current(&args.load.paths);
    let host = host(args.load.no_installed);
    let problems = environment_problems(&paths, args.load.game.as_deref(), &host);
    if !problems.diagnostics.is_empty() {
        output.print_report(&problems);
        return exit_code(&problems);
    }
    let run = run_tests(&paths, &options, &host);
    let localizer = Localizer::new(output.lang);
    match output.format {
        OutputFormat::Json => outln!("{}", render_json(&run, &localizer)),
        OutputFormat::Human => out!(
            "{}",
            render_human(&run, &localizer, output.quiet, output.verbose > 0)
        ),
    }
    if let Some(path) = &args.junit {
        let temp = path.with_extension("xml.tmp");
        let written = std::fs::write(&temp, render_junit(&run, &localizer))
            .and_then(|()| std::fs::rename(&temp, path));
        if let Err(error) = written {
            errln!(
                "{}: {}: {error}",
                localizer.plain("test-junit-failed"),
                path.display()
            );
            return EXIT_USAGE;
        }
    }
    if run.succeeded() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}
