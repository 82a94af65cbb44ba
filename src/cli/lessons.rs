//! `mtedu lessons`: list the bundled lessons (human or JSON), and
//! `mtedu lessons start ID [DIR]`: a pupil's copy of one.

use std::path::PathBuf;

use super::args::{LessonsArgs, LessonsCommand, LessonsStartArgs};
use super::{EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::lessons::{bundled_lessons, default_folder, find_lesson, start_lesson};
use crate::scaffold::ScaffoldError;

pub fn run(args: &LessonsArgs, output: &OutputOptions) -> i32 {
    match &args.command {
        None => list(output),
        Some(LessonsCommand::Start(start)) => start_one(start, output),
    }
}

fn text(localizer: &Localizer, key: &str, pairs: &[(&str, ArgValue)]) -> String {
    localizer.text(key, pairs)
}

fn list(output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let lessons = bundled_lessons();
    if output.format == OutputFormat::Json {
        let items: Vec<serde_json::Value> = lessons
            .iter()
            .map(|bundled| {
                let lesson = &bundled.lesson;
                serde_json::json!({
                    "id": bundled.id,
                    "title": lesson.title.get(output.lang),
                    "summary": lesson.summary.get(output.lang),
                    "ages": [lesson.ages.0, lesson.ages.1],
                    "duration": lesson.duration,
                    "game": lesson.game,
                    "objectives": lesson.objectives.len(),
                })
            })
            .collect();
        outln!("{}", serde_json::json!({ "version": 1, "lessons": items }));
        return EXIT_OK;
    }
    for bundled in &lessons {
        let lesson = &bundled.lesson;
        outln!(
            "{}",
            text(
                &localizer,
                "lessons-line",
                &[
                    ("id", bundled.id.clone().into()),
                    ("title", lesson.title.get(output.lang).into()),
                    ("low", (lesson.ages.0 as usize).into()),
                    ("high", (lesson.ages.1 as usize).into()),
                    ("minutes", (lesson.duration as usize).into()),
                ],
            )
        );
    }
    if !output.quiet {
        outln!("{}", localizer.plain("lessons-next"));
    }
    EXIT_OK
}

fn start_one(args: &LessonsStartArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let Some(bundled) = find_lesson(&args.id) else {
        let all: Vec<String> = bundled_lessons().into_iter().map(|b| b.id).collect();
        errln!(
            "{}",
            text(
                &localizer,
                "lessons-unknown",
                &[
                    ("id", args.id.clone().into()),
                    ("all", all.join(", ").into())
                ]
            )
        );
        return EXIT_USAGE;
    };
    let target = args
        .dir
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_folder(&bundled)));
    match start_lesson(&bundled, &target) {
        Ok(started) => {
            if !output.quiet {
                let dir = started.dir.display().to_string();
                outln!(
                    "{}",
                    text(
                        &localizer,
                        "lessons-started",
                        &[
                            ("title", bundled.lesson.title.get(output.lang).into()),
                            ("dir", dir.clone().into()),
                        ]
                    )
                );
                outln!(
                    "{}",
                    text(
                        &localizer,
                        "lessons-started-next",
                        &[
                            ("handout", started.handout.display().to_string().into()),
                            ("dir", dir.into()),
                        ]
                    )
                );
            }
            EXIT_OK
        }
        Err(ScaffoldError::Exists { path }) => {
            errln!(
                "{}",
                text(
                    &localizer,
                    "lessons-exists",
                    &[("path", path.display().to_string().into())]
                )
            );
            EXIT_USAGE
        }
        Err(error) => {
            let (path, reason) = match error {
                ScaffoldError::Io { path, error } => (path, error.to_string()),
                other => (target.clone(), format!("{other:?}")),
            };
            errln!(
                "{}",
                text(
                    &localizer,
                    "lessons-io-failed",
                    &[
                        ("path", path.display().to_string().into()),
                        ("error", reason.into())
                    ]
                )
            );
            EXIT_USAGE
        }
    }
}
