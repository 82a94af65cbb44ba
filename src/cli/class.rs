//! `mtedu class new DIR --lesson N NAMES…`: a class folder, said in the
//! animator's language. The work is in `crate::class`.

use super::args::{ClassArgs, ClassCommand, ClassNewArgs};
use super::lessons::lesson_or_say;
use super::{EXIT_OK, EXIT_USAGE, OutputOptions};
use crate::class::names::{NameProblem, names_in_file};
use crate::class::{ClassError, create_class};
use crate::diag::ArgValue;
use crate::i18n::Localizer;

pub fn run(args: &ClassArgs, output: &OutputOptions) -> i32 {
    match &args.command {
        ClassCommand::New(new) => new_class(new, output),
    }
}

fn path_arg(path: &std::path::Path) -> ArgValue {
    path.display().to_string().into()
}

fn new_class(args: &ClassNewArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let Some(bundled) = lesson_or_say(&args.lesson, &localizer) else {
        return EXIT_USAGE;
    };
    let mut pupils = args.pupils.clone();
    if let Some(file) = &args.names {
        match crate::bounded_read::read_regular_capped(file, 1024 * 1024) {
            Ok(bytes) => pupils.extend(names_in_file(&String::from_utf8_lossy(&bytes))),
            Err(error) => {
                let pairs = [
                    ("path", path_arg(file)),
                    ("error", error.to_string().into()),
                ];
                errln!("{}", localizer.text("class-names-unreadable", &pairs));
                return EXIT_USAGE;
            }
        }
    }
    match create_class(&args.dir, &bundled, &pupils, &args.engine) {
        Ok(created) => {
            let dir = path_arg(&created.dir);
            let title = bundled.lesson.title.get(output.lang).to_owned();
            let count = ArgValue::Number(created.config.pupils.len() as i64);
            let pairs = [
                ("dir", dir.clone()),
                ("count", count),
                ("title", title.into()),
            ];
            outln!("{}", localizer.text("class-created", &pairs));
            if !output.quiet {
                let code = ("code", created.config.code.clone().into());
                outln!("{}", localizer.text("class-created-code", &[code]));
                outln!("{}", localizer.text("class-created-next", &[("dir", dir)]));
            }
            EXIT_OK
        }
        Err(error) => {
            for line in error_lines(&error, &localizer) {
                errln!("{line}");
            }
            EXIT_USAGE
        }
    }
}

/// What went wrong, one line each (every bad name is told at once).
fn error_lines(error: &ClassError, localizer: &Localizer) -> Vec<String> {
    match error {
        ClassError::NoPupils => vec![localizer.plain("class-no-pupils")],
        ClassError::Exists(path) => {
            vec![localizer.text("class-exists", &[("path", path_arg(path))])]
        }
        ClassError::Io(path, error) => {
            let pairs = [
                ("path", path_arg(path)),
                ("error", error.to_string().into()),
            ];
            vec![localizer.text("class-io-failed", &pairs)]
        }
        ClassError::BadNames(problems) => problems
            .iter()
            .map(|problem| name_problem(problem, localizer))
            .collect(),
    }
}

fn name_problem(problem: &NameProblem, localizer: &Localizer) -> String {
    match problem {
        NameProblem::Invalid { name, suggestion } if suggestion.is_empty() => {
            localizer.text("class-name-invalid-bare", &[("name", name.as_str().into())])
        }
        NameProblem::Invalid { name, suggestion } => localizer.text(
            "class-name-invalid",
            &[
                ("name", name.as_str().into()),
                ("suggestion", suggestion.as_str().into()),
            ],
        ),
        NameProblem::Twice { name, other } => localizer.text(
            "class-name-twice",
            &[
                ("name", name.as_str().into()),
                ("other", other.as_str().into()),
            ],
        ),
        NameProblem::Reserved { name } => {
            localizer.text("class-name-reserved", &[("name", name.as_str().into())])
        }
    }
}
