//! `mtedu lessons`: list the bundled lessons (human or JSON),
//! `mtedu lessons start ID [DIR…]`: a pupil's copy of one in each folder,
//! and `mtedu lessons show ID`: its handout, in the terminal or as the
//! printable page.

use std::path::{Path, PathBuf};

use super::args::{LessonsArgs, LessonsCommand, LessonsShowArgs, LessonsStartArgs};
use super::{EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::lessons::{
    BundledLesson, bundled_lessons, default_folder, find_lesson, handout_section, lesson_file,
    start_lesson,
};
use crate::scaffold::ScaffoldError;

pub fn run(args: &LessonsArgs, output: &OutputOptions) -> i32 {
    match &args.command {
        None => list(output),
        Some(LessonsCommand::Start(start)) => start_all(start, output),
        Some(LessonsCommand::Show(show)) => show_one(show, output),
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
    let id_width = lessons.iter().map(|b| b.id.chars().count()).max();
    let title_width = lessons
        .iter()
        .map(|b| b.lesson.title.get(output.lang).chars().count())
        .max();
    for bundled in &lessons {
        let lesson = &bundled.lesson;
        let id = padded(&bundled.id, id_width.unwrap_or(0));
        let title = padded(lesson.title.get(output.lang), title_width.unwrap_or(0));
        outln!(
            "{}",
            text(
                &localizer,
                "lessons-line",
                &[
                    ("id", id.into()),
                    ("title", title.into()),
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

/// `text` followed by spaces up to `width` characters, for columns.
fn padded(text: &str, width: usize) -> String {
    let count = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(count)))
}

/// The bundled lesson `id` names, or the message listing the real ones.
pub(super) fn lesson_or_say(id: &str, localizer: &Localizer) -> Option<BundledLesson> {
    let found = find_lesson(id);
    if found.is_none() {
        let all: Vec<String> = bundled_lessons().into_iter().map(|b| b.id).collect();
        errln!(
            "{}",
            text(
                localizer,
                "lessons-unknown",
                &[("id", id.to_owned().into()), ("all", all.join(", ").into())]
            )
        );
    }
    found
}

fn start_all(args: &LessonsStartArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let Some(bundled) = lesson_or_say(&args.id, &localizer) else {
        return EXIT_USAGE;
    };
    let folders = if args.dirs.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.dirs.clone()
    };
    let mut code = EXIT_OK;
    for folder in &folders {
        let target = copy_target(folder, &default_folder(&bundled));
        code = code.max(start_one(&bundled, &target, output, &localizer));
    }
    code
}

/// Where a copy given `folder` goes: inside it, under the mod's own name,
/// so the folder name always matches mod.conf; a folder already named
/// after the mod is the copy itself.
fn copy_target(folder: &Path, mod_name: &str) -> PathBuf {
    if folder.file_name().is_some_and(|name| name == mod_name) {
        return folder.to_path_buf();
    }
    if folder == Path::new(".") {
        return PathBuf::from(mod_name);
    }
    folder.join(mod_name)
}

fn start_one(
    bundled: &BundledLesson,
    target: &Path,
    output: &OutputOptions,
    localizer: &Localizer,
) -> i32 {
    match start_lesson(bundled, target) {
        Ok(started) => {
            if !output.quiet {
                let dir = started.dir.display().to_string();
                outln!(
                    "{}",
                    text(
                        localizer,
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
                        localizer,
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
                    localizer,
                    "lessons-exists",
                    &[("path", path.display().to_string().into())]
                )
            );
            EXIT_USAGE
        }
        Err(error) => {
            let (path, reason) = match error {
                ScaffoldError::Io { path, error } => (path, error.to_string()),
                other => (target.to_path_buf(), format!("{other:?}")),
            };
            errln!(
                "{}",
                text(
                    localizer,
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

fn show_one(args: &LessonsShowArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let Some(bundled) = lesson_or_say(&args.id, &localizer) else {
        return EXIT_USAGE;
    };
    let markdown = lesson_file(&bundled.id, "handout.md")
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let title = bundled.lesson.title.get(output.lang).to_owned();
    if args.html.is_none() && !args.open {
        out!("{}", handout_section(&markdown, output.lang));
        if !output.quiet {
            outln!();
            let id = ("id", bundled.id.clone().into());
            outln!("{}", localizer.text("lessons-show-more", &[id]));
        }
        return EXIT_OK;
    }
    let page = crate::pack::handout::handout_html(&markdown, output.lang.code());
    let path = match &args.html {
        Some(path) => path.clone(),
        None => std::env::temp_dir().join(format!("mtedu-{}.html", bundled.id)),
    };
    if let Err(error) = crate::serve::world::write_atomically(&path, page.as_bytes()) {
        let pairs = [
            ("path", path.display().to_string().into()),
            ("error", error.to_string().into()),
        ];
        errln!("{}", localizer.text("lessons-io-failed", &pairs));
        return EXIT_USAGE;
    }
    let shown = ("path", path.display().to_string().into());
    if !args.open {
        let pairs = [("title", title.into()), shown];
        outln!("{}", localizer.text("lessons-show-written", &pairs));
        return EXIT_OK;
    }
    outln!(
        "{}",
        localizer.text("lessons-show-opening", std::slice::from_ref(&shown))
    );
    if open_in_browser(&path) {
        EXIT_OK
    } else {
        errln!("{}", localizer.text("lessons-show-no-browser", &[shown]));
        EXIT_USAGE
    }
}

/// Hands the page to the desktop's opener; true when one accepted it.
fn open_in_browser(path: &Path) -> bool {
    ["xdg-open", "sensible-browser"].iter().any(|program| {
        std::process::Command::new(program)
            .arg(path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    })
}
