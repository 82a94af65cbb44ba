//! Fixture tests for what the embedded engine reports while loading mods:
//! `tests/fixtures/engine/findings/<case>/` holds an `input/` of mods and its
//! `expected.txt`; an optional `limits.txt` sets `time SECONDS` and
//! `memory MIB`, an optional `engine.txt` the target version (`5.10`;
//! 5.6 otherwise). No game and nothing installed is loaded.

use crate::support;

use std::path::Path;
use std::time::Duration;

use mtedu::engine::Limits;
use mtedu::engine::inspect::{InspectOptions, inspect};
use mtedu::host::Host;
use support::fixtures;

fn limits_of(case: &Path) -> Limits {
    let mut limits = Limits {
        time: Duration::from_secs(5),
        ..Limits::default()
    };
    for line in std::fs::read_to_string(case.join("limits.txt"))
        .unwrap_or_default()
        .lines()
    {
        match line.split_once(' ') {
            Some(("time", value)) => {
                limits.time = Duration::from_secs_f64(value.trim().parse().unwrap())
            }
            Some(("memory", value)) => {
                limits.memory = value.trim().parse::<usize>().unwrap() * 1024 * 1024
            }
            _ => {}
        }
    }
    limits
}

fn run_case(case: &Path) -> String {
    let engine = std::fs::read_to_string(case.join("engine.txt"))
        .map(|text| mtedu::engine::EngineVersion::parse(text.trim()).expect("a known version"))
        .unwrap_or_default();
    let options = InspectOptions {
        limits: limits_of(case),
        engine,
        ..InspectOptions::default()
    };
    let inspection =
        inspect(&[case.join("input")], &options, &Host::empty()).expect("engine starts");
    fixtures::render(&inspection.report, case)
}

#[test]
fn every_engine_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().1, run_case);
}

#[test]
fn every_code_has_a_fixture_that_triggers_it() {
    let (validate, engine, lint, pack, install) = fixtures::all_cases();
    // The play-time corpus (tests/it/playtime_corpus.rs) triggers MT35xx.
    let playtime = fixtures::playtime_cases();
    let expectations: String = validate
        .iter()
        .chain(engine.iter())
        .chain(lint.iter())
        .chain(pack.iter())
        .chain(install.iter())
        .chain(playtime.iter())
        .map(|case| std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default())
        .collect();
    let untested: Vec<&str> = mtedu::all_codes()
        .iter()
        .map(|code| code.id)
        .filter(|id| {
            !expectations
                .lines()
                .any(|line| line.starts_with(&format!("{id} ")))
        })
        .collect();
    assert!(
        untested.is_empty(),
        "codes without a triggering fixture: {untested:?}"
    );
}
