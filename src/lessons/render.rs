//! How a pupil sees their objectives after `mtedu check`: a count
//! ("Objectifs : 3/5 ✓"), one ✓/✗ line per objective, and the hint of the
//! next one to work on; and the same as the JSON `objectives` key.

use std::fmt::Write as _;

use super::LessonProgress;
use crate::diag::ArgValue;
use crate::i18n::{Lang, Localizer};

/// The objectives as text. `verbose` adds what the failing tests said.
pub fn render_progress(
    progress: &LessonProgress,
    localizer: &Localizer,
    lang: Lang,
    verbose: bool,
) -> String {
    let mut out = String::new();
    let title = progress.lesson.file.lesson.title.get(lang);
    let title = if progress.pupil.is_empty() {
        title.to_owned()
    } else {
        format!("{} — {title}", progress.pupil)
    };
    if progress.not_shipped {
        let _ = writeln!(
            out,
            "{title} — {}",
            localizer.text(
                "objectives-not-shipped",
                &[("id", progress.lesson.file.lesson.id.as_str().into())]
            )
        );
        return out;
    }
    if progress.objectives.is_empty() {
        let _ = writeln!(
            out,
            "{title} — {}",
            localizer.plain("objectives-unreadable")
        );
        return out;
    }
    if progress.mod_broken {
        let _ = writeln!(
            out,
            "{title} — {}",
            localizer.plain("objectives-mod-broken")
        );
        return out;
    }
    let total = progress.objectives.len();
    let summary = localizer.text(
        "objectives-summary",
        &[
            ("met", ArgValue::from(progress.met())),
            ("total", ArgValue::from(total)),
        ],
    );
    let _ = writeln!(out, "{title} — {summary}");
    for result in &progress.objectives {
        let mark = if result.met { '✓' } else { '✗' };
        let _ = writeln!(out, "  {mark} {}", result.objective.text.get(lang));
    }
    match progress.next() {
        Some(next) => {
            let _ = writeln!(
                out,
                "{}",
                localizer.text(
                    "objectives-next",
                    &[("text", next.objective.text.get(lang).into())]
                )
            );
            let _ = writeln!(
                out,
                "{}",
                localizer.text(
                    "objectives-hint",
                    &[("hint", next.objective.hint.get(lang).into())]
                )
            );
            if verbose {
                for failure in next.failure_lines(localizer) {
                    let _ = writeln!(out, "    {failure}");
                }
            }
        }
        None => {
            let _ = writeln!(out, "{}", localizer.plain("objectives-done"));
        }
    }
    out
}

/// The class at a glance, before the details: one line per pupil's copy
/// (pupil, errors, warnings, objectives met), when there are several.
pub fn render_class_table(lessons: &[LessonProgress], localizer: &Localizer) -> String {
    if lessons.len() < 2 {
        return String::new();
    }
    let header = [
        localizer.plain("class-table-pupil"),
        localizer.plain("class-table-errors"),
        localizer.plain("class-table-warnings"),
        localizer.plain("class-table-objectives"),
    ];
    let rows: Vec<[String; 4]> = lessons
        .iter()
        .map(|progress| {
            let objectives = if progress.mod_broken || progress.objectives.is_empty() {
                localizer.plain("class-table-not-checked")
            } else {
                format!("{}/{}", progress.met(), progress.objectives.len())
            };
            [
                progress.pupil.clone(),
                progress.errors.to_string(),
                progress.warnings.to_string(),
                objectives,
            ]
        })
        .collect();
    let width = |column: usize| {
        std::iter::once(&header[column])
            .chain(rows.iter().map(|row| &row[column]))
            .map(|cell| cell.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2), width(3)];
    let line = |cells: &[String; 4]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| {
                let pad = width.saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(&header);
    for row in &rows {
        out.push_str(&line(row));
    }
    out.push('\n');
    out
}

/// One lesson copy's objectives as a JSON value (texts in `lang`).
pub fn progress_json(progress: &LessonProgress, lang: Lang) -> serde_json::Value {
    let lesson = &progress.lesson.file.lesson;
    let localizer = crate::i18n::Localizer::new(lang);
    let items: Vec<serde_json::Value> = progress
        .objectives
        .iter()
        .map(|result| {
            serde_json::json!({
                "id": result.objective.id,
                "text": result.objective.text.get(lang),
                "hint": result.objective.hint.get(lang),
                "met": result.met,
                "failures": result.failure_lines(&localizer),
            })
        })
        .collect();
    serde_json::json!({
        "lesson": lesson.id,
        "title": lesson.title.get(lang),
        "dir": progress.dir.display().to_string(),
        "pupil": progress.pupil,
        "errors": progress.errors,
        "warnings": progress.warnings,
        "met": progress.met(),
        "total": progress.objectives.len(),
        "checked": !progress.objectives.is_empty() && !progress.mod_broken,
        "mod_broken": progress.mod_broken,
        "not_shipped": progress.not_shipped,
        "next": progress.next().map(|next| next.objective.id.clone()),
        "items": items,
    })
}
