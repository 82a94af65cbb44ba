//! Fixture tests for lint: `tests/fixtures/lint/<rule>/<case>/` holds an `input/`
//! of mods and its `expected.txt` (see `support/fixtures.rs`). No game and
//! nothing installed is loaded.

use crate::support;

use std::path::Path;
use std::time::Duration;

use mtedu::engine::Limits;
use mtedu::host::Host;
use mtedu::lint::{LintOptions, lint};
use support::fixtures;

fn run_case(case: &Path) -> String {
    let options = LintOptions {
        game: None,
        limits: Limits {
            time: Duration::from_secs(5),
            ..Limits::default()
        },
        play: false,
        // The fixtures' expectations are Minetest 5.6.1's.
        engine: mtedu::engine::EngineVersion::V5_6,
    };
    fixtures::render(&lint(&[case.join("input")], &options, &Host::empty()), case)
}

#[test]
fn every_lint_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().2, run_case);
}
