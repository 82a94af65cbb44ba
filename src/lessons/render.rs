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
                for failure in &next.failures {
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

/// One lesson copy's objectives as a JSON value (texts in `lang`).
pub fn progress_json(progress: &LessonProgress, lang: Lang) -> serde_json::Value {
    let lesson = &progress.lesson.file.lesson;
    let items: Vec<serde_json::Value> = progress
        .objectives
        .iter()
        .map(|result| {
            serde_json::json!({
                "id": result.objective.id,
                "text": result.objective.text.get(lang),
                "hint": result.objective.hint.get(lang),
                "met": result.met,
                "failures": result.failures,
            })
        })
        .collect();
    serde_json::json!({
        "lesson": lesson.id,
        "title": lesson.title.get(lang),
        "dir": progress.dir.display().to_string(),
        "met": progress.met(),
        "total": progress.objectives.len(),
        "checked": !progress.objectives.is_empty() && !progress.mod_broken,
        "mod_broken": progress.mod_broken,
        "next": progress.next().map(|next| next.objective.id.clone()),
        "items": items,
    })
}
