//! The beginner corpus: first mods with one mistake each, the kind pupils
//! make, checked with `mtedu check` (validation + lint + a load with
//! minetest_game). Each `tests/fixtures/beginner/<case>/` holds:
//!
//! - `input/<mod>/`: the mod (one mistake);
//! - `mistake.txt`: `<path from input/>:<line> <what is wrong>` (line 0 for
//!   a whole file, such as a badly named texture);
//! - `expected.txt`: every finding in English, for review
//!   (`MTEDU_BLESS=1 cargo test --test it beginner_mods` rewrites them);
//! - optionally `allowed.txt`: codes of other findings allowed beside the
//!   mistake's, one a line, each justified by a `#` comment line;
//! - optionally `severity.txt`: `warning` when the engine itself does not
//!   stop on the mistake (justified by a `#` line), so the mistake must be
//!   exactly one warning and there must be no error.
//!
//! Every case must give exactly one finding of its severity, at the file
//! and line of `mistake.txt`, and nothing else outside `allowed.txt`.
//! Cases in [`KNOWN_GAPS`] do not yet; the test fails when one of them
//! starts passing, so that it leaves the list.
//!
//! Needs minetest_game (the mods depend on `default`): skipped without it,
//! failed without it when `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtedu::check::check;
use mtedu::diag::{Diagnostic, Report, Severity};
use mtedu::host::Host;
use mtedu::lint::LintOptions;
use support::fixtures;

/// Cases mtedu does not yet report as one finding at the mistake's line,
/// with why. Remove a case when it is fixed (the test says so).
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// What a case expects, read from its files.
struct Expectation {
    path: PathBuf,
    line: usize,
    severity: Severity,
    allowed: Vec<String>,
}

fn read_expectation(case: &Path) -> Expectation {
    let mistake = std::fs::read_to_string(case.join("mistake.txt"))
        .unwrap_or_else(|_| panic!("{}: mistake.txt is missing", case.display()));
    let mistake = mistake.trim_end();
    // `<path>:<line> <description>`; the path may hold spaces or colons.
    let (path, line) = mistake
        .match_indices(':')
        .find_map(|(at, _)| {
            let rest = &mistake[at + 1..];
            let digits = rest.split(' ').next()?;
            let line = digits.parse().ok()?;
            Some((&mistake[..at], line))
        })
        .unwrap_or_else(|| panic!("{}: mistake.txt is not `path:line what`", case.display()));
    let lines_of = |name: &str| -> Vec<String> {
        std::fs::read_to_string(case.join(name))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    let severity = match lines_of("severity.txt").as_slice() {
        [] => Severity::Error,
        [word] if word == "warning" => Severity::Warning,
        other => panic!("{}: severity.txt holds {other:?}", case.display()),
    };
    Expectation {
        path: PathBuf::from(path),
        line,
        severity,
        allowed: lines_of("allowed.txt"),
    }
}

/// A finding's file relative to `input` (engine findings carry paths
/// relative to the working folder, static ones absolute), and its line (0
/// for a whole file).
fn place(d: &Diagnostic, input: &Path) -> (PathBuf, usize) {
    let absolute = std::path::absolute(&d.path).unwrap_or_else(|_| d.path.clone());
    let input = std::path::absolute(input).unwrap_or_else(|_| input.to_path_buf());
    let path = absolute.strip_prefix(&input).unwrap_or(&absolute);
    (path.to_path_buf(), d.span.map_or(0, |span| span.line))
}

/// One line a finding, for failure messages.
fn summary(report: &Report, input: &Path) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (path, line) = place(d, input);
            format!(
                "{} {} {}:{line}",
                d.code.id,
                d.severity.as_str(),
                path.display()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Ok` when the report is what the case expects, else what is wrong.
fn verdict(report: &Report, input: &Path, expected: &Expectation) -> Result<(), String> {
    let of_severity: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == expected.severity)
        .collect();
    let at_mistake = of_severity
        .iter()
        .filter(|d| place(d, input) == (expected.path.clone(), expected.line))
        .count();
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let mut problems = Vec::new();
    if of_severity.len() != 1 || at_mistake != 1 {
        problems.push(format!(
            "{} finding(s) of severity {}, {at_mistake} at {}:{}",
            of_severity.len(),
            expected.severity.as_str(),
            expected.path.display(),
            expected.line
        ));
    }
    if expected.severity != Severity::Error && errors > 0 {
        problems.push(format!("{errors} error(s) for a warning-level mistake"));
    }
    let others: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != expected.severity)
        .map(|d| d.code.id)
        .filter(|code| !expected.allowed.iter().any(|allowed| allowed == code))
        .collect();
    if !others.is_empty() {
        problems.push(format!("findings not in allowed.txt: {}", others.join(" ")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} [{}]",
            problems.join("; "),
            summary(report, input)
        ))
    }
}

#[test]
fn every_beginner_mistake_gives_one_finding_at_its_line() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/beginner");
    let cases = mtedu::content::subfolders(&root);
    assert!(cases.len() >= 30, "only {} beginner cases", cases.len());
    let names: Vec<String> = cases
        .iter()
        .map(|case| case.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for (gap, _) in KNOWN_GAPS {
        assert!(
            names.iter().any(|name| name == gap),
            "KNOWN_GAPS names {gap}, which is not a case"
        );
    }

    let mut rendered = BTreeMap::new();
    let mut failures = Vec::new();
    for (case, name) in cases.iter().zip(&names) {
        let input = case.join("input");
        let report = check(std::slice::from_ref(&input), &LintOptions::default(), &host);
        let expected = read_expectation(case);
        let outcome = verdict(&report, &input, &expected);
        let gap = KNOWN_GAPS.iter().find(|(gap, _)| gap == name);
        match (outcome, gap) {
            (Ok(()), None) | (Err(_), Some(_)) => {}
            (Ok(()), Some(_)) => failures.push(format!(
                "{name} now passes: remove it from KNOWN_GAPS [{}]",
                summary(&report, &input)
            )),
            (Err(problem), None) => failures.push(format!("{name}: {problem}")),
        }
        rendered.insert(case.clone(), fixtures::render(&report, case));
    }
    fixtures::check_all(&cases, |case| rendered[case].clone());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
