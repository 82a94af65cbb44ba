//! `mtedu test`: run specs offline, report human / JSON / JUnit.

use super::args::TestArgs;
use super::common::{host, paths_or_current};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::i18n::Localizer;
use crate::testing::{TestOptions, render_human, render_json, render_junit, run_tests};

pub fn run(args: &TestArgs, output: &OutputOptions) -> i32 {
    let options = TestOptions {
        filter: args.filter.clone(),
        fail_fast: args.fail_fast,
        game: args.load.game.clone(),
        limits: args.load.limits(),
        seed: args.seed,
    };
    let run = run_tests(
        &paths_or_current(&args.load.paths),
        &options,
        &host(args.load.no_installed),
    );
    let localizer = Localizer::new(output.lang);
    match output.format {
        OutputFormat::Json => println!("{}", render_json(&run)),
        OutputFormat::Human => print!("{}", render_human(&run, &localizer, output.quiet)),
    }
    if let Some(path) = &args.junit {
        let temp = path.with_extension("xml.tmp");
        let written =
            std::fs::write(&temp, render_junit(&run)).and_then(|()| std::fs::rename(&temp, path));
        if let Err(error) = written {
            eprintln!(
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
