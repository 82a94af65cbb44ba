//! `mtedu doctor` as users run it: French output, colours, the JSON shape,
//! and a message for everything that can be missing. Uses a fake empty
//! home so the user-folder part is the same on every machine.

use std::process::{Command, Output};

use mtedu::host::doctor::MissingKind;
use mtedu::i18n::{Lang, Localizer};
use serde_json::Value;

fn doctor(args: &[&str], home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtedu"))
        .args(args)
        .env("HOME", home)
        .env_remove("MINETEST_USER_PATH")
        .env_remove("NO_COLOR")
        .output()
        .expect("mtedu runs")
}

#[test]
fn speaks_french_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let output = doctor(&["--lang", "fr", "doctor", "--color", "never"], home.path());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Ce que ce PC a pour Minetest / Luanti"),
        "{text}"
    );
    assert!(
        text.contains("Tes dossiers pour les mods et les mondes"),
        "{text}"
    );
    assert!(
        text.contains("Pour réparer, tape : mkdir -p ~/.minetest/mods"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "colour despite --color never: {text}"
    );
    assert!(matches!(output.status.code(), Some(0 | 1)));
}

#[test]
fn colours_only_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let coloured = doctor(&["doctor", "--color", "always"], home.path());
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\x1b[32m"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtedu"));
    let plain = command
        .args(["doctor", "--color", "auto"])
        .env("HOME", home.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
}

#[test]
fn json_has_stable_fields_and_matches_the_exit_code() {
    let home = tempfile::tempdir().unwrap();
    let output = doctor(&["--lang", "fr", "doctor", "--format", "json"], home.path());
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    for list in ["engines", "games", "user_dirs", "missing"] {
        assert!(report[list].is_array(), "{list} missing: {report}");
    }
    let user_dir = &report["user_dirs"][0];
    assert_eq!(
        user_dir["path"],
        home.path().join(".minetest").to_string_lossy().as_ref()
    );
    assert_eq!(user_dir["exists"], false);
    let missing = report["missing"].as_array().unwrap();
    let folder = missing
        .iter()
        .find(|item| item["what"] == "user_dir")
        .expect("the empty home has no user folder");
    assert_eq!(folder["fix"], "mkdir -p ~/.minetest/mods");
    assert!(folder["message"].as_str().unwrap().contains("dossier"));
    let ready = report["ready"].as_bool().unwrap();
    assert_eq!(output.status.code(), Some(if ready { 0 } else { 1 }));
}

#[test]
fn every_missing_thing_has_a_message() {
    let localizer = Localizer::new(Lang::En);
    for kind in MissingKind::ALL {
        assert!(
            localizer.has(&kind.message_key()),
            "no message {}",
            kind.message_key()
        );
    }
}
