//! Real code that real servers load, written the ways popular mods write
//! it (globals behind guards, feature tests, a dependency's dependency,
//! developer files the game never runs, a local made after the global of
//! the same name was read, a mod's own preprocessor, newer `paramtype2`
//! values): on every server this machine has, the server loads them all,
//! and `mtedu check --engine <that version>` gives no error-level finding.
//! Each mod is a minimal reproduction of a false verdict once seen on a
//! public mod (`tests/fixtures/engine/real_verdicts/README.md`).

use std::path::{Path, PathBuf};

use crate::support;

/// The reproductions the real server must load (`rv_*`, except the ones
/// `real_content.rs` judges on their own).
fn loading_reproductions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/real_verdicts");
    let mut mods: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("init.lua").is_file())
        .filter(|path| !path.ends_with("rv_nil_position") && !path.ends_with("rv_perlin_noise"))
        .collect();
    mods.sort();
    mods
}

/// `mtedu check` of one mod on `engine`, with the game of that server.
fn check(dir: &Path, engine: &str, game: &Path) -> Vec<serde_json::Value> {
    let game = game.display().to_string();
    support::check_findings(dir, &["--engine", engine, "--game", &game])
}

#[test]
fn code_real_servers_load_gets_no_error_from_check() {
    let mods = loading_reproductions();
    assert!(mods.len() >= 6, "the reproductions are there: {mods:?}");
    let mut problems = Vec::new();
    let engines = support::engines::all();
    for real in &engines {
        let run = support::real_server::run(&real.binary, "minetest_game", &mods, true);
        assert_eq!(
            run.exit_code,
            Some(0),
            "{} loads the reproductions:\n{}",
            real.version,
            run.log
        );
        for dir in &mods {
            let name = dir.file_name().unwrap().to_string_lossy();
            for finding in check(dir, real.version.short(), &real.game("minetest_game")) {
                if finding["severity"] == "error" {
                    problems.push(format!(
                        "{} {name}: {} {}:{} {}",
                        real.version,
                        finding["code"],
                        finding["file"],
                        finding["line"],
                        finding["message"]
                    ));
                }
            }
        }
    }
    assert!(!engines.is_empty(), "no real server on this machine");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `paramtype2 = "4dir"`: nothing to say on 5.10 and 5.15, which know it;
/// on 5.6.1, which ignores it, a warning that names the version.
#[test]
fn a_newer_paramtype2_is_judged_for_the_target_engine() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/real_verdicts/rv_4dir");
    let game = Path::new(support::real_server::DEBIAN_GAMES).join("minetest_game");
    let codes = |engine: &str| -> Vec<String> {
        check(&dir, engine, &game)
            .iter()
            .filter(|f| f["severity"] != "info")
            .map(|f| format!("{} {}", f["code"], f["severity"]))
            .collect()
    };
    for newer in ["5.10", "5.15"] {
        assert_eq!(codes(newer), Vec::<String>::new(), "--engine {newer}");
    }
    assert_eq!(
        codes("5.6"),
        vec!["\"MT2307\" \"warning\""; 2],
        "--engine 5.6"
    );
}
