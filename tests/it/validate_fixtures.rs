//! Fixture tests for validation rules: `tests/fixtures/validate/<rule>/<case>/`
//! holds an `input/` and its `expected.txt` (see `support/fixtures.rs`). A
//! case may hold a `game/` folder, passed as `--game`, or a `game.txt`
//! naming a game. Installed games are never used.
//!
//! Huge files are not committed: a case may hold a `sparse.txt` with lines
//! `<path under input> <size in bytes>`. The case is then copied to a
//! temporary folder, those files are created there as sparse files (they
//! take no disk space) and the copy is validated; paths in `expected.txt`
//! still read `input/...`.
//!
//! Unreadable files are not committed either: an `unreadable.txt` lists
//! paths under `input` that are made `chmod 000` in such a copy; the case
//! then runs without root's right to read everything (see
//! `support/unreadable.rs`).

use crate::support;

use std::path::Path;

use mtedu::diag::Report;
use mtedu::host::Host;
use mtedu::validate::{Options, validate};
use support::{fixtures, unreadable};

fn run_case(case: &Path) -> String {
    let sparse = std::fs::read_to_string(case.join("sparse.txt"));
    let unreadable = std::fs::read_to_string(case.join("unreadable.txt"));
    if sparse.is_err() && unreadable.is_err() {
        return run_case_in(case);
    }
    let copy = tempfile::tempdir().unwrap();
    support::copy_dir(case, copy.path());
    for line in sparse
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim().is_empty())
    {
        let (path, size) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("{}: bad sparse.txt line {line:?}", case.display()));
        let path = copy.path().join("input").join(path.trim());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(size.trim().parse().unwrap()).unwrap();
    }
    let locked: Vec<_> = unreadable
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| copy.path().join("input").join(line.trim()))
        .collect();
    let Some(first) = locked.first() else {
        return run_case_in(copy.path());
    };
    unreadable::make_unreadable(copy.path(), &locked);
    let report = unreadable::without_root(first, || validate_case(copy.path()));
    unreadable::make_readable(&locked);
    fixtures::render(&report, copy.path())
}

fn run_case_in(case: &Path) -> String {
    fixtures::render(&validate_case(case), case)
}

fn validate_case(case: &Path) -> Report {
    let game_dir = case.join("game");
    let game = if game_dir.is_dir() {
        Some(game_dir.to_string_lossy().into_owned())
    } else {
        std::fs::read_to_string(case.join("game.txt"))
            .ok()
            .map(|name| name.trim().to_owned())
    };
    let engine = std::fs::read_to_string(case.join("engine.txt"))
        .map(|text| mtedu::engine::EngineVersion::parse(text.trim()).expect("a known version"))
        .unwrap_or_default();
    validate(
        &[case.join("input")],
        &Options { game, engine },
        &Host::empty(),
    )
}

#[test]
fn every_validate_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().0, run_case);
}
