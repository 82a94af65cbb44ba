//! Test reports: human (with ✓ and ✗, in the user's language), JSON, and
//! JUnit XML for teachers' CI.

use std::fmt::Write as _;

use serde_json::json;

use super::clock::WHOLE_FILE;
use super::words::strip_escapes;
use super::{Status, TestResult, TestRun, Words, shown_name};
use crate::i18n::Localizer;

fn shown(path: &std::path::Path) -> String {
    crate::diag::relative_to_cwd(path).display().to_string()
}

/// A result's texts in the reader's language.
#[derive(Debug, Default)]
pub struct Shown {
    /// The test's name, or its stage.
    pub name: String,
    /// What went wrong: the spec's words, mtedu's, or the explained error.
    pub message: Option<String>,
    /// What to change (an explained Lua error).
    pub fix: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// Lua's own words for an error (JSON `detail`, `-v`).
    pub detail: Option<String>,
    pub location: Option<String>,
}

/// The texts of `result` in the localizer's language.
pub fn shown_result(result: &TestResult, localizer: &Localizer) -> Shown {
    let render = |words: &Option<Words>| {
        words
            .as_ref()
            .map(|w| strip_escapes(&w.render(localizer)).into_owned())
    };
    let mut shown = Shown {
        name: shown_name(&result.name, localizer),
        message: render(&result.message),
        expected: render(&result.expected),
        actual: render(&result.actual),
        location: result.location.as_ref().map(|place| shown_place(place)),
        ..Shown::default()
    };
    if let Some(failure) = &result.failure {
        shown.detail = Some(failure.message.clone());
        match &result.explained {
            // The runner's own error (an unknown mineunit module…): its
            // words say what to change.
            _ if result.message.is_some() => {}
            Some(explained) => {
                shown.message = Some(explained.what(localizer));
                shown.fix = Some(explained.fix(localizer));
            }
            None => shown.message = Some(failure.message.clone()),
        }
    }
    shown
}

/// `path:line` with the path as the user typed it.
fn shown_place(place: &str) -> String {
    match place.rsplit_once(':') {
        Some((path, line)) if line.parse::<usize>().is_ok() => {
            format!("{}:{line}", shown(std::path::Path::new(path)))
        }
        _ => place.to_owned(),
    }
}

/// The human report; `quiet` lists only failures, `verbose` adds Lua's
/// own words under an explained error.
pub fn render_human(run: &TestRun, localizer: &Localizer, quiet: bool, verbose: bool) -> String {
    let mut text = String::new();
    for result in &run.results {
        let mark = match result.status {
            Status::Passed => "✓",
            Status::Failed | Status::Errored => "✗",
            Status::Pending => "…",
            Status::NotRun => "–",
        };
        if quiet && matches!(result.status, Status::Passed | Status::Pending) {
            continue;
        }
        if result.status == Status::NotRun {
            let name = if result.name == WHOLE_FILE {
                localizer.plain("test-not-run-file")
            } else {
                shown_name(&result.name, localizer)
            };
            let label = localizer.plain("test-not-run");
            let _ = writeln!(text, "{mark} {} — {name} ({label})", shown(&result.file));
            continue;
        }
        let words = shown_result(result, localizer);
        let _ = writeln!(text, "{mark} {} — {}", shown(&result.file), words.name);
        if matches!(result.status, Status::Failed | Status::Errored) {
            let labelled = |key: &str, value: &str| {
                localizer.text(
                    "test-labelled",
                    &[
                        ("label", localizer.plain(key).into()),
                        ("text", value.replace('\n', "\n      ").into()),
                    ],
                )
            };
            if let Some(location) = &words.location {
                let _ = writeln!(text, "    {}", labelled("test-at", location));
            }
            if let Some(message) = &words.message {
                let _ = writeln!(text, "    {}", message.replace('\n', "\n    "));
            }
            if let Some(fix) = &words.fix {
                let _ = writeln!(text, "    {}", labelled("test-fix", fix));
            }
            if verbose
                && result.explained.is_some()
                && let Some(detail) = &words.detail
            {
                let _ = writeln!(text, "    {}", labelled("test-lua-says", detail));
            }
            for (key, value) in [
                ("test-expected", &words.expected),
                ("test-actual", &words.actual),
            ] {
                if let Some(value) = value {
                    let _ = writeln!(text, "    {}", labelled(key, value));
                }
            }
            if result.escapes_hidden {
                let _ = writeln!(text, "    {}", localizer.plain("test-escapes-hidden"));
            }
        }
    }
    if run.results.is_empty() {
        text.push_str(&localizer.plain("test-none"));
        text.push('\n');
        return text;
    }
    if !run.succeeded() {
        text.push_str(&localizer.text("test-seed", &[("seed", (run.seed as usize).into())]));
        text.push('\n');
    }
    text.push_str(&localizer.text(
        "test-summary",
        &[
            ("passed", run.count(Status::Passed).into()),
            ("failed", run.count(Status::Failed).into()),
            ("errors", run.count(Status::Errored).into()),
            ("pending", run.count(Status::Pending).into()),
        ],
    ));
    text.push('\n');
    if let Some(cap) = run.timed_out {
        text.push_str(&localizer.text(
            "test-run-timeout",
            &[
                ("seconds", seconds(cap).into()),
                ("count", run.count(Status::NotRun).into()),
            ],
        ));
        text.push('\n');
    }
    // Test names and messages come from pupils' specs: shown, not obeyed.
    crate::diag::visible_source(&text).into_owned()
}

/// `120`, `2.5`: a time cap as the user typed it.
fn seconds(cap: std::time::Duration) -> String {
    let value = cap.as_secs_f64();
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// One JSON document: every test and the counts (texts in the
/// localizer's language; an error's raw Lua text as `detail`).
pub fn render_json(run: &TestRun, localizer: &Localizer) -> String {
    let tests: Vec<_> = run
        .results
        .iter()
        .map(|r| {
            let words = shown_result(r, localizer);
            json!({
                "file": shown(&r.file),
                "name": words.name,
                "status": r.status.as_str(),
                "message": words.message,
                "fix": words.fix,
                "detail": words.detail,
                "expected": words.expected,
                "actual": words.actual,
                "escapes_hidden": r.escapes_hidden,
                "location": words.location,
                "duration_ms": r.duration.as_secs_f64() * 1000.0,
            })
        })
        .collect();
    json!({
        "version": 1,
        "seed": run.seed,
        "timed_out": run.timed_out.is_some(),
        "timeout_s": run.timed_out.map(|cap| cap.as_secs_f64()),
        "tests": tests,
        "summary": {
            "passed": run.count(Status::Passed),
            "failed": run.count(Status::Failed),
            "errors": run.count(Status::Errored),
            "pending": run.count(Status::Pending),
            "not_run": run.count(Status::NotRun),
        },
    })
    .to_string()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// JUnit XML, one test suite per spec file (texts in the localizer's language).
pub fn render_junit(run: &TestRun, localizer: &Localizer) -> String {
    let mut files: Vec<String> = run.results.iter().map(|r| shown(&r.file)).collect();
    files.dedup();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for file in files {
        let results: Vec<_> = run
            .results
            .iter()
            .filter(|r| shown(&r.file) == file)
            .collect();
        let count = |status: Status| results.iter().filter(|r| r.status == status).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
            xml(&file),
            results.len(),
            count(Status::Failed),
            count(Status::Errored),
            count(Status::Pending) + count(Status::NotRun)
        );
        for r in results {
            let words = shown_result(r, localizer);
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.4}\"",
                xml(&file),
                xml(&words.name),
                r.duration.as_secs_f64()
            );
            let mut detail = words.location.clone().unwrap_or_default();
            for (key, value) in [
                ("test-fix", &words.fix),
                ("test-lua-says", &words.detail),
                ("test-expected", &words.expected),
                ("test-actual", &words.actual),
            ] {
                if let Some(value) = value {
                    let _ = write!(detail, "\n{}: {value}", localizer.plain(key));
                }
            }
            let message = words.message.as_deref().unwrap_or("");
            match r.status {
                Status::Passed => out.push_str("/>\n"),
                Status::Pending => out.push_str("><skipped/></testcase>\n"),
                Status::NotRun => {
                    let _ = writeln!(
                        out,
                        "><skipped message=\"{}\"/></testcase>",
                        xml(&localizer.plain("test-not-run"))
                    );
                }
                Status::Failed => {
                    let _ = writeln!(
                        out,
                        "><failure message=\"{}\">{}</failure></testcase>",
                        xml(message),
                        xml(&detail)
                    );
                }
                Status::Errored => {
                    let _ = writeln!(
                        out,
                        "><error message=\"{}\">{}</error></testcase>",
                        xml(message),
                        xml(&detail)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
