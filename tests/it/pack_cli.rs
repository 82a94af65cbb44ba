//! `mtedu pack` and `mtedu install` from the command line: exit codes,
//! messages in both languages, the JSON documents.

use crate::support;

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
    // No engine folder in this HOME yet: the one the game uses is made.
    let created = value["created_user_folder"].as_str().expect("made");
    assert!(created.ends_with(".minetest"), "{value}");
    assert!(value["installed"].as_str().unwrap().ends_with("mods/small"));
    assert_eq!(installed.status.code(), Some(0));
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

/// Issue 7 audit, B2: `-o` never overwrites a file that is not an archive
/// nor writes inside the package; an older archive is replaced.
#[test]
fn the_output_never_overwrites_other_files_nor_lands_in_the_package() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    small_mod(&dir.join("small"));
    std::fs::write(dir.join("notes.txt"), "my notes\n").unwrap();
    let refused = mtedu(&["pack", "--no-installed", "small", "-o", "notes.txt"], dir);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("MT4012"), "{}", stdout(&refused));
    assert!(!stdout(&refused).contains("MT4001"), "{}", stdout(&refused));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "my notes\n"
    );
    let inside = mtedu(
        &["pack", "--no-installed", "small", "-o", "small/init.lua"],
        dir,
    );
    assert!(stdout(&inside).contains("MT4011"), "{}", stdout(&inside));
    assert!(
        std::fs::read_to_string(dir.join("small/init.lua"))
            .unwrap()
            .contains("register_node")
    );
    // An older archive is replaced by the new one.
    std::fs::write(dir.join("small/extra.lua"), "-- new\n").unwrap();
    std::fs::write(dir.join("old.zip"), b"PK\x05\x06").unwrap();
    let replaced = mtedu(&["pack", "--no-installed", "small", "-o", "old.zip"], dir);
    assert_eq!(replaced.status.code(), Some(0), "{}", stdout(&replaced));
    assert!(
        support::packing::entries(&dir.join("old.zip")).contains(&"small/extra.lua".to_owned())
    );
    // Run inside the package, the default archive goes beside it.
    let here = mtedu(&["pack", "--no-installed"], &dir.join("small"));
    assert_eq!(here.status.code(), Some(0), "{}", stdout(&here));
    assert!(dir.join("small.zip").is_file());
    assert!(!dir.join("small/small.zip").exists());
}

/// Issue 7 audit: counts agree with their noun, and `--lang fr` gets no
/// English system text.
#[test]
fn one_file_is_one_file_and_french_gets_french_reasons() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    std::fs::create_dir_all(dir.join("one")).unwrap();
    std::fs::write(dir.join("one/init.lua"), "-- one file\n").unwrap();
    let packed = mtedu(&["--lang", "fr", "pack", "--no-installed", "one"], dir);
    assert_eq!(packed.status.code(), Some(0), "{}", stdout(&packed));
    assert!(
        stdout(&packed).contains("(mod « one », 1 fichier, "),
        "{}",
        stdout(&packed)
    );
    let english = mtedu(&["pack", "--no-installed", "one", "-o", "one2.zip"], dir);
    assert!(
        stdout(&english).contains("\"one\", 1 file, "),
        "{}",
        stdout(&english)
    );
    std::fs::write(dir.join("blocker"), "a file, not a folder").unwrap();
    let failed = mtedu(
        &[
            "--lang",
            "fr",
            "pack",
            "--no-installed",
            "one",
            "-o",
            "blocker/one.zip",
        ],
        dir,
    );
    let text = stdout(&failed);
    assert!(text.contains("MT4010"), "{text}");
    assert!(!text.contains("os error"), "{text}");
    assert!(!text.contains("MT4001"), "{text}");
}
