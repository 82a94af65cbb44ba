//! `mtedu pack` and `mtedu install` from the command line: exit codes,
//! messages in both languages, the JSON documents.

mod support;

use std::path::Path;
use std::process::Output;

use support::packing::small_mod;

fn mtedu(args: &[&str], dir: &Path) -> Output {
    support::mtedu_command(dir)
        .args(args)
        .env("HOME", dir)
        .env_remove("MINETEST_USER_PATH")
        .output()
        .expect("the mtedu binary runs")
}

fn stdout(output: &Output) -> String {
    support::stdout_of(output)
}

#[test]
fn pack_then_install_then_refuse_then_force() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    small_mod(&dir.join("small"));
    let packed = mtedu(
        &["pack", "--no-installed", "small", "-o", "dist/small.zip"],
        dir,
    );
    assert_eq!(packed.status.code(), Some(0), "{}", stdout(&packed));
    assert!(stdout(&packed).contains("Archive ready: dist/small.zip (mod \"small\", 5 files"));
    let installed = mtedu(&["install", "dist/small.zip", "--to", "user"], dir);
    assert_eq!(installed.status.code(), Some(0), "{}", stdout(&installed));
    assert!(stdout(&installed).contains("is now in user/mods/small"));
    let again = mtedu(
        &["--lang", "fr", "install", "dist/small.zip", "--to", "user"],
        dir,
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stdout(&again).contains("erreur[MT4111]: « small » est déjà installé ici."),
        "{}",
        stdout(&again)
    );
    let forced = mtedu(
        &["install", "dist/small.zip", "--to", "user", "--force"],
        dir,
    );
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        stdout(&forced).contains("info[MT4116]"),
        "{}",
        stdout(&forced)
    );
}

#[test]
fn json_documents_say_what_was_done() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    small_mod(&dir.join("small"));
    let packed = mtedu(
        &["--format", "json", "pack", "--no-installed", "small"],
        dir,
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&packed)).expect("valid JSON");
    assert_eq!(value["archive"], "small.zip");
    assert_eq!(value["kind"], "mod");
    assert_eq!(value["files"], 5);
    assert!(
        value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "MT4006")
    );
    let installed = mtedu(&["--format", "json", "install", "small.zip"], dir);
    let value: serde_json::Value = serde_json::from_str(&stdout(&installed)).expect("valid JSON");
    assert!(
        value["installed"].is_null(),
        "no engine folder in this HOME"
    );
    assert_eq!(value["diagnostics"][0]["code"], "MT4112");
    assert_eq!(installed.status.code(), Some(1));
}

#[test]
fn a_broken_package_is_not_packed() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    small_mod(&dir.join("small"));
    std::fs::write(
        dir.join("small/mod.conf"),
        "name = small\ndepends = nowhere\n",
    )
    .unwrap();
    let output = mtedu(&["-q", "pack", "--no-installed", "small"], dir);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("MT1201") && text.contains("MT4001"), "{text}");
    assert!(!dir.join("small.zip").exists());
}
