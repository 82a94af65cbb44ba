//! Exit codes as the README promises: 0 clean, 1 findings at error level,
//! 2 for a usage or environment problem (codes MT00xx: a path that does not
//! exist, a `--game` not found), the finding still printed.

use crate::support;

use std::path::Path;
use std::process::Output;

fn mtedu(args: &[&str], dir: &Path) -> Output {
    support::mtedu_command(dir)
        .args(args)
        .output()
        .expect("the mtedu binary runs")
}

fn one_mod(root: &Path) {
    let dir = root.join("good");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.conf"), "name = good\n").unwrap();
    std::fs::write(dir.join("init.lua"), "").unwrap();
    std::fs::write(dir.join("LICENSE.txt"), "MIT\n").unwrap();
}

#[test]
fn a_path_that_does_not_exist_exits_two_with_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    one_mod(dir.path());
    for command in ["validate", "lint", "check", "info", "test"] {
        let output = mtedu(&[command, "--no-installed", "good", "nowhere"], dir.path());
        let stdout = support::stdout_of(&output);
        assert_eq!(output.status.code(), Some(2), "mtedu {command}: {stdout}");
        assert!(stdout.contains("MT0001"), "mtedu {command}: {stdout}");
    }
}

#[test]
fn a_game_not_found_exits_two_with_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    one_mod(dir.path());
    for command in ["validate", "check", "test"] {
        let output = mtedu(
            &[command, "--no-installed", "--game", "no_such_game", "good"],
            dir.path(),
        );
        let stdout = support::stdout_of(&output);
        assert_eq!(output.status.code(), Some(2), "mtedu {command}: {stdout}");
        assert!(stdout.contains("MT0003"), "mtedu {command}: {stdout}");
    }
}

#[test]
fn json_output_keeps_its_document_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let output = mtedu(
        &["--format", "json", "validate", "--no-installed", "nowhere"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let value: serde_json::Value =
        serde_json::from_str(&support::stdout_of(&output)).expect("one JSON document");
    assert_eq!(value["diagnostics"][0]["code"], "MT0001");
}

#[test]
fn content_errors_still_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    one_mod(dir.path());
    std::fs::write(
        dir.path().join("good/mod.conf"),
        "name = good\ndepends = not_there\n",
    )
    .unwrap();
    let output = mtedu(&["validate", "--no-installed", "good"], dir.path());
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn limits_that_make_no_sense_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    one_mod(dir.path());
    for limit in [
        ["--time-limit", "nan"],
        ["--time-limit", "inf"],
        ["--time-limit", "0"],
        ["--memory-limit", "0"],
        ["--memory-limit", "17592186044416"],
    ] {
        let output = mtedu(
            &[
                "--lang",
                "en",
                "info",
                "--no-installed",
                "good",
                limit[0],
                limit[1],
            ],
            dir.path(),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{limit:?}: {stderr}");
        assert!(stderr.contains(limit[0]), "{limit:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{limit:?}: {stderr}");
    }
}
