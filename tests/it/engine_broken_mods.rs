//! Differential tests on broken beginner mods: each real server (5.6.1,
//! 5.10, 5.15) and the embedded engine targeting its version must agree on whether the server starts, on the
//! file and line of the error and its message, on skipped mods and on
//! strict-globals warnings.

use crate::support;

use std::path::{Path, PathBuf};

use mtedu::content::Workspace;
use mtedu::engine::{Engine, EngineVersion, LoadRequest};
use support::real_server;

/// What a run of either engine tells about the mods.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    starts: bool,
    /// (file relative to the mods folder, line, message without location)
    error: Option<(String, usize, String)>,
    skipped: Vec<String>,
    warnings: Vec<String>,
}

fn cases() -> Vec<PathBuf> {
    mtedu::content::subfolders(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/broken"),
    )
}

/// Strips the folder the mods were in, so both engines' paths compare.
fn relative(text: &str, root: &str) -> String {
    text.replace(&format!("{root}/"), "")
}

fn real_outcome(binary: &Path, case: &Path) -> Outcome {
    let mods: Vec<PathBuf> = mtedu::content::subfolders(case);
    let run = real_server::run(binary, "bare", &mods, true);
    assert!(!run.timed_out, "the real server did not stop:\n{}", run.log);
    let root = run.world.join("worldmods").display().to_string();
    let lines: Vec<&str> = run
        .log
        .lines()
        .map(|line| line.split_once(": ").map_or(line, |x| x.1))
        .collect();
    let message_of = |line: &str| {
        line.split_once("]: ")
            .map_or(line.to_owned(), |(_, m)| m.to_owned())
    };
    let mut error = None;
    for (index, line) in lines.iter().enumerate() {
        let message = message_of(line);
        if message.starts_with("ModError: Failed to load and run script from") {
            let detail = message_of(lines.get(index + 1).unwrap_or(&""));
            let (location, text) = detail.split_once(": ").unwrap_or(("", &detail));
            let (file, line_no) = location.rsplit_once(':').unwrap_or((location, "0"));
            let mut place = (relative(file, &root), line_no.parse().unwrap_or(0));
            let mut text = text.to_owned();
            let numbered = location
                .rsplit_once(':')
                .is_some_and(|(_, n)| n.parse::<usize>().is_ok());
            if !numbered {
                // "<file>: <reason>" without a line (a file that cannot be
                // opened): the whole text is the message, the place is the
                // first mod frame.
                text = relative(&detail, &root);
                place = (String::new(), 0);
            }
            if !file.starts_with(&root) || place.1 == 0 {
                // The error is raised inside builtin: take the first mod frame.
                if let Some(frame) = lines
                    .get(index + 2..)
                    .unwrap_or_default()
                    .iter()
                    .map(|l| message_of(l))
                    .find(|m| m.trim_start().starts_with(&root))
                {
                    let frame = frame.trim_start();
                    let spot = frame.split(": ").next().unwrap_or("");
                    let (f, l) = spot.rsplit_once(':').unwrap_or((spot, "0"));
                    place = (relative(f, &root), l.parse().unwrap_or(0));
                }
            }
            error = Some((place.0, place.1, text));
            break;
        }
        if let Some(rest) = message.strip_prefix("ModError: Error loading mod \"") {
            let (name, text) = rest.split_once("\": ").unwrap_or((rest, ""));
            error = Some((name.to_owned(), 0, text.to_owned()));
            break;
        }
    }
    // 5.6.1 names each mod it leaves out; 5.10 and 5.15 list them under
    // the error that stops them ("ServerError: Some mods have unsatisfied
    // dependencies:", then " - pupil is missing: …").
    let refused = lines
        .iter()
        .any(|l| message_of(l).contains("Some mods have unsatisfied dependencies"));
    let skipped = lines
        .iter()
        .map(|l| message_of(l))
        .filter_map(|m| {
            let named = m
                .strip_prefix("mod \"")
                .and_then(|r| r.split_once('"'))
                .map(|(n, _)| n.to_owned());
            let listed = m
                .strip_prefix(" - ")
                .filter(|_| refused)
                .and_then(|r| r.split_once(" is missing"))
                .map(|(n, _)| n.to_owned());
            named.or(listed)
        })
        .collect();
    let warnings = lines
        .iter()
        .filter(|l| l.contains("WARNING["))
        .map(|l| relative(&message_of(l), &root))
        .filter(|m| m.contains("undeclared global") || m.contains("Undeclared global"))
        .collect();
    Outcome {
        starts: run.dump.is_some(),
        error,
        skipped,
        warnings,
    }
}

fn our_outcome(case: &Path, version: EngineVersion) -> Outcome {
    let workspace = Workspace::discover(&[case.to_path_buf()]);
    let mods = LoadRequest::assemble(
        Vec::new(),
        workspace.all_mods().cloned().collect(),
        Vec::new(),
    );
    let request = LoadRequest {
        mods,
        engine: version,
        ..LoadRequest::default()
    };
    let (_engine, report) = Engine::load(&request).expect("engine starts");
    let root = std::path::absolute(case).unwrap().display().to_string();
    let error = if let Some(name) = report.invalid_names.first() {
        Some((
            name.clone(),
            0,
            "Mod name does not follow naming conventions: Only characters [a-z0-9_] are allowed."
                .to_owned(),
        ))
    } else {
        report.failure.as_ref().map(|failure| {
            let failure = &failure.failure;
            let (file, line) = failure
                .traceback
                .first()
                .map(|f| (f.path.display().to_string(), f.line))
                .or_else(|| {
                    failure
                        .location
                        .as_ref()
                        .map(|(p, l)| (p.display().to_string(), *l))
                })
                .unwrap_or_default();
            (
                relative(&file, &root),
                line,
                relative(&failure.message, &root),
            )
        })
    };
    Outcome {
        starts: report.would_start(),
        error,
        skipped: report.skipped.iter().map(|s| s.name.clone()).collect(),
        warnings: report
            .log
            .iter()
            .filter(|l| l.level == "warning" && l.text.to_lowercase().contains("undeclared global"))
            .map(|l| relative(&l.text, &root))
            .collect(),
    }
}

/// On every real server this machine has, each with its own messages.
#[test]
fn broken_mods_fail_the_same_way_in_both_engines() {
    let mut differences = Vec::new();
    for real in support::engines::all() {
        for case in cases() {
            let expected = real_outcome(&real.binary, &case);
            let ours = our_outcome(&case, real.version);
            if expected != ours {
                differences.push(format!(
                    "{} {}:\n  real:  {expected:?}\n  mtedu: {ours:?}",
                    real.version,
                    case.display()
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
