//! `mtedu doctor` against the real engine: Debian's minetest-server 5.6.1
//! in /usr/games must be found with its version, and minetest_game listed.
//! Skipped when the engine is not installed, unless `MTEDU_REQUIRE_ENGINE=1`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const SERVER: &str = "/usr/games/minetestserver";

/// True when the real server is here; fails instead of skipping when asked to.
fn engine_installed() -> bool {
    if Path::new(SERVER).exists() {
        return true;
    }
    assert!(
        std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
        "MTEDU_REQUIRE_ENGINE=1 but {SERVER} is missing: install it with `sudo apt install minetest-server`"
    );
    eprintln!("skipped: {SERVER} is not installed");
    false
}

#[test]
fn doctor_finds_the_debian_server_and_minetest_game() {
    if !engine_installed() {
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_mtedu"))
        .args(["--lang", "en", "doctor", "--format", "json"])
        .env_remove("MINETEST_USER_PATH")
        .output()
        .expect("mtedu runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {stdout}"));
    let engines = report["engines"].as_array().expect("engines is a list");
    let server = engines
        .iter()
        .find(|engine| engine["path"] == SERVER)
        .unwrap_or_else(|| panic!("{SERVER} not among {engines:?}"));
    assert_eq!(server["kind"], "server");
    assert_eq!(server["name"], "Minetest");
    let version = server["version"].as_str().expect("a version was read");
    assert!(version.starts_with("5."), "version {version}");
    let games = report["games"].as_array().expect("games is a list");
    assert!(
        games.iter().any(|game| game["id"] == "minetest_game"),
        "minetest_game not among {games:?}"
    );
    assert_eq!(report["ready"], true);
    assert_eq!(output.status.code(), Some(0));
}
