//! The games shipped with the engine (Debian's `minetest-data`) start fine,
//! so validating them must give no error: an error there means a rule is
//! wrong or too severe.
//!
//! Skipped when the games are not installed, unless `MTEDU_REQUIRE_ENGINE=1`
//! (set on machines that have the engine), where their absence fails.

use std::path::Path;

use mtedu::diag::Severity;
use mtedu::host::Host;
use mtedu::validate::{Options, validate};

const GAMES_DIR: &str = "/usr/share/games/minetest/games";

fn assert_no_errors(game: &str) {
    let dir = Path::new(GAMES_DIR).join(game);
    if !dir.is_dir() {
        let required = std::env::var("MTEDU_REQUIRE_ENGINE").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "MTEDU_REQUIRE_ENGINE=1 but {} is missing: install minetest-data",
            dir.display()
        );
        eprintln!("skipped: {} is not installed", dir.display());
        return;
    }
    let report = validate(
        std::slice::from_ref(&dir),
        &Options::default(),
        &Host::detect(),
    );
    let listing: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| {
            let args: Vec<String> = d.args.iter().map(|(k, v)| format!("{k}={v:?}")).collect();
            format!(
                "{} {} {} {}",
                d.code.id,
                d.severity.as_str(),
                d.path.display(),
                args.join(" ")
            )
        })
        .collect();
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    assert_eq!(
        errors,
        0,
        "{game} gives {errors} error(s); all findings:\n{}",
        listing.join("\n")
    );
}

#[test]
fn minetest_game_has_no_errors() {
    assert_no_errors("minetest_game");
}

#[test]
fn devtest_has_no_errors() {
    assert_no_errors("devtest");
}
