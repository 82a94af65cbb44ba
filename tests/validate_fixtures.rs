//! Fixture tests for validation rules: `tests/fixtures/validate/<rule>/<case>/`
//! holds an `input/` and its `expected.txt` (see `support/fixtures.rs`). A
//! case may hold a `game/` folder, passed as `--game`, or a `game.txt`
//! naming a game. Installed games are never used.

mod support;

use std::path::Path;

use mtedu::host::Host;
use mtedu::validate::{Options, validate};
use support::fixtures;

fn run_case(case: &Path) -> String {
    let game_dir = case.join("game");
    let game = if game_dir.is_dir() {
        Some(game_dir.to_string_lossy().into_owned())
    } else {
        std::fs::read_to_string(case.join("game.txt"))
            .ok()
            .map(|name| name.trim().to_owned())
    };
    let report = validate(&[case.join("input")], &Options { game }, &Host::empty());
    fixtures::render(&report, case)
}

#[test]
fn every_validate_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().0, run_case);
}
