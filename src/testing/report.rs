//! Test reports: human (with ✓ and ✗, in the user's language), JSON, and
//! JUnit XML for teachers' CI.

use std::fmt::Write as _;

use serde_json::json;

use super::clock::WHOLE_FILE;
use super::{Status, TestRun};
use crate::i18n::Localizer;

fn shown(path: &std::path::Path) -> String {
    crate::diag::relative_to_cwd(path).display().to_string()
}

/// The human report; `quiet` lists only failures.
pub fn render_human(run: &TestRun, localizer: &Localizer, quiet: bool) -> String {
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
                result.name.clone()
            };
            let label = localizer.plain("test-not-run");
            let _ = writeln!(text, "{mark} {} — {name} ({label})", shown(&result.file));
            continue;
        }
        let _ = writeln!(text, "{mark} {} — {}", shown(&result.file), result.name);
        if matches!(result.status, Status::Failed | Status::Errored) {
            if let Some(location) = &result.location {
                let _ = writeln!(text, "    {}: {}", localizer.plain("test-at"), location);
            }
            if let Some(message) = &result.message {
                let _ = writeln!(text, "    {message}");
            }
            if let Some(expected) = &result.expected {
                let _ = writeln!(
                    text,
                    "    {}: {}",
                    localizer.plain("test-expected"),
                    expected.replace('\n', "\n      ")
                );
            }
            if let Some(actual) = &result.actual {
                let _ = writeln!(
                    text,
                    "    {}: {}",
                    localizer.plain("test-actual"),
                    actual.replace('\n', "\n      ")
                );
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

/// One JSON document: every test and the counts.
pub fn render_json(run: &TestRun) -> String {
    let tests: Vec<_> = run
        .results
        .iter()
        .map(|r| {
            json!({
                "file": shown(&r.file),
                "name": r.name,
                "status": r.status.as_str(),
                "message": r.message,
                "expected": r.expected,
                "actual": r.actual,
                "location": r.location,
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

/// JUnit XML, one test suite per spec file.
pub fn render_junit(run: &TestRun) -> String {
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
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.4}\"",
                xml(&file),
                xml(&r.name),
                r.duration.as_secs_f64()
            );
            let detail = format!(
                "{}\nexpected: {}\nactual: {}",
                r.location.as_deref().unwrap_or(""),
                r.expected.as_deref().unwrap_or(""),
                r.actual.as_deref().unwrap_or("")
            );
            let message = r.message.as_deref().unwrap_or("");
            match r.status {
                Status::Passed => out.push_str("/>\n"),
                Status::Pending => out.push_str("><skipped/></testcase>\n"),
                Status::NotRun => out.push_str(
                    "><skipped message=\"not run: the time for the whole run was up\"/></testcase>\n",
                ),
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
