//! The assertions are luassert's: every assertion under every modifier
//! chain (`is_not`, `not_`, `no`, `are_not`, `has_no`, `was_not`…), spies,
//! stubs and matchers, on one table of cases whose names say busted's
//! outcome. mtedu must give each outcome, and real busted, when installed,
//! gives the same ones (so the table itself is checked).

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtedu::host::Host;
use mtedu::testing::{Status, TestOptions, run_tests};
use support::busted::{busted_outcomes, real_busted};

fn table() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/testing/luassert_table")
}

/// The outcome a test's name announces: `[pass]`, `[fail]`, `[error]`, `[pending]`.
fn announced(name: &str) -> &'static str {
    let tag = name
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(tag, _)| tag)
        .unwrap_or_else(|| panic!("{name}: no [outcome] in the name"));
    match tag {
        "pass" => "passed",
        "fail" => "failed",
        "error" => "error",
        "pending" => "pending",
        other => panic!("{name}: unknown outcome {other}"),
    }
}

fn mtedu_outcomes() -> BTreeMap<String, &'static str> {
    let run = run_tests(&[table()], &TestOptions::default(), &Host::empty());
    run.results
        .iter()
        .map(|r| (r.name.clone(), r.status.as_str()))
        .collect()
}

#[test]
fn every_assertion_and_modifier_gives_busteds_outcome() {
    let outcomes = mtedu_outcomes();
    assert!(outcomes.len() > 1300, "{} tests", outcomes.len());
    let wrong: Vec<String> = outcomes
        .iter()
        .filter(|(name, status)| announced(name) != **status)
        .map(|(name, status)| format!("{name}: {status}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // The bug this table guards against: negations that pass.
    for name in [
        "every assertion under every modifier [fail] assert.is_not.truthy (case 5) on values it holds for",
        "every assertion under every modifier [fail] assert.is_not.true (case 7) on values it holds for",
        "every assertion under every modifier [fail] assert.is_not.falsy (case 6) on values it holds for",
    ] {
        assert_eq!(outcomes.get(name), Some(&Status::Failed.as_str()), "{name}");
    }
}

#[test]
fn real_busted_gives_the_same_outcomes() {
    let Some(busted) = real_busted() else {
        return;
    };
    let theirs = busted_outcomes(&busted, &table(), &["spec"], None);
    let ours = mtedu_outcomes();
    let mut differences = Vec::new();
    for outcome in &theirs {
        if announced(&outcome.name) != outcome.status {
            differences.push(format!("busted: {} {}", outcome.status, outcome.name));
        }
        if ours.get(&outcome.name).copied() != Some(outcome.status.as_str()) {
            differences.push(format!(
                "mtedu {:?} / busted {}: {}",
                ours.get(&outcome.name),
                outcome.status,
                outcome.name
            ));
        }
    }
    assert_eq!(
        theirs.len(),
        ours.len(),
        "the two runs have different tests"
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
