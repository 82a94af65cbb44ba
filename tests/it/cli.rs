//! End-to-end runs of the `mtedu` binary: exit codes, output formats,
//! languages and colour choices, on small projects built in temp folders.

use crate::support;

use std::path::Path;
use std::process::{Command, Output};

fn mtedu(args: &[&str], dir: &Path) -> Output {
    support::mtedu_command(dir)
        .args(args)
        .output()
        .expect("the mtedu binary runs")
}

fn stdout(output: &Output) -> String {
    support::stdout_of(output)
}

/// A temp folder with one clean mod and one broken mod.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("mods/good");
    std::fs::create_dir_all(&good).unwrap();
    std::fs::write(
        good.join("mod.conf"),
        "name = good\ndescription = A good mod\n",
    )
    .unwrap();
    std::fs::write(good.join("init.lua"), "").unwrap();
    std::fs::write(good.join("LICENSE.txt"), "MIT\n").unwrap();
    let bad = dir.path().join("mods/bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("mod.conf"),
        "name = bad\ndepends = nowhere_to_be_found\n",
    )
    .unwrap();
    std::fs::write(bad.join("init.lua"), "").unwrap();
    std::fs::write(bad.join("LICENSE.txt"), "MIT\n").unwrap();
    dir
}

#[test]
fn clean_mod_exits_zero() {
    let dir = project();
    let output = mtedu(&["validate", "--no-installed", "mods/good"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("no problems"));
}

#[test]
fn errors_exit_one_and_point_at_the_line() {
    let dir = project();
    let output = mtedu(&["validate", "--no-installed", "mods"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[MT1201]"), "{text}");
    assert!(text.contains("mods/bad/mod.conf:2:11"), "{text}");
    assert!(
        text.contains("depends = nowhere_to_be_found"),
        "the source line is shown: {text}"
    );
    assert!(text.contains('^'), "a caret marks the place: {text}");
}

#[test]
fn usage_errors_exit_two() {
    let dir = project();
    assert_eq!(
        mtedu(&["validate", "--no-such-flag"], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        mtedu(&["no-such-command"], dir.path()).status.code(),
        Some(2)
    );
    assert_eq!(
        mtedu(&["--lang", "de", "validate"], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(mtedu(&["--help"], dir.path()).status.code(), Some(0));
}

#[test]
fn json_output_is_one_document_with_the_documented_schema() {
    let dir = project();
    let output = mtedu(
        &["validate", "--no-installed", "--format", "json", "mods"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(value["version"], 1);
    let diagnostics = value["diagnostics"].as_array().unwrap();
    let first = &diagnostics[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "code", "column", "file", "help", "line", "message", "severity"
        ]
    );
    assert_eq!(first["code"], "MT1201");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "mods/bad/mod.conf");
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], 11);
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("nowhere_to_be_found")
    );
    let summary = value["summary"].as_object().unwrap();
    assert_eq!(summary["errors"], 1);
    assert!(summary.contains_key("warnings") && summary.contains_key("infos"));
}

#[test]
fn folder_level_findings_have_null_line_and_column() {
    let dir = project();
    std::fs::remove_file(dir.path().join("mods/good/init.lua")).unwrap();
    let output = mtedu(
        &[
            "validate",
            "--no-installed",
            "--format",
            "json",
            "mods/good",
        ],
        dir.path(),
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let finding = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "MT1024")
        .expect("missing init.lua is reported");
    assert!(finding["line"].is_null() && finding["column"].is_null());
    assert_eq!(finding["file"], "mods/good");
}

#[test]
fn french_from_flag_and_from_lang() {
    let dir = project();
    let flag = stdout(&mtedu(
        &["--lang", "fr", "validate", "--no-installed", "mods"],
        dir.path(),
    ));
    assert!(flag.contains("est introuvable"), "{flag}");
    assert!(flag.contains("pour réparer"), "{flag}");
    let env = Command::new(env!("CARGO_BIN_EXE_mtedu"))
        .args(["validate", "--no-installed", "mods"])
        .current_dir(dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&env).contains("est introuvable"));
    let english = stdout(&mtedu(
        &["--lang", "en", "validate", "--no-installed", "mods"],
        dir.path(),
    ));
    assert!(english.contains("cannot be found"));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = project();
    let always = stdout(&mtedu(
        &["--color", "always", "validate", "--no-installed", "mods"],
        dir.path(),
    ));
    assert!(
        always.contains('\u{1b}'),
        "escape codes with --color always"
    );
    let never = stdout(&mtedu(
        &["--color", "never", "validate", "--no-installed", "mods"],
        dir.path(),
    ));
    assert!(!never.contains('\u{1b}'));
    // Not a terminal: auto means no colour; NO_COLOR must not turn it on either.
    let auto = Command::new(env!("CARGO_BIN_EXE_mtedu"))
        .args(["validate", "--no-installed", "mods"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&auto).contains('\u{1b}'));
}

#[test]
fn quiet_keeps_only_errors() {
    let dir = project();
    std::fs::write(
        dir.path().join("mods/bad/mod.conf"),
        "name = bad\ndepends = nowhere_to_be_found\ndescriptions = typo\n",
    )
    .unwrap();
    let loud = stdout(&mtedu(&["validate", "--no-installed", "mods"], dir.path()));
    assert!(loud.contains("MT1010"));
    let quiet = stdout(&mtedu(
        &["-q", "validate", "--no-installed", "mods"],
        dir.path(),
    ));
    assert!(
        quiet.contains("MT1201") && !quiet.contains("MT1010"),
        "{quiet}"
    );
}

#[test]
fn default_path_is_the_current_folder() {
    let dir = project();
    let output = mtedu(
        &["validate", "--no-installed"],
        &dir.path().join("mods/good"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// A one-shot `lint` or `check` leaves its Lua state to the exit, never
/// its temporary world: nothing `mtedu-world-*` is left in the temporary
/// folder after it.
#[test]
fn lint_and_check_leave_no_temporary_world_behind() {
    let project = tempfile::tempdir().unwrap();
    support::serving::write_mod(
        project.path(),
        "tidy",
        "",
        "minetest.register_node(\"tidy:block\", {description = \"Block\"})\n",
    );
    let temp = tempfile::tempdir().unwrap();
    for command in ["lint", "check"] {
        let output = support::mtedu_command(project.path())
            .env("TMPDIR", temp.path())
            .args([command, "--no-installed", "tidy"])
            .output()
            .expect("the mtedu binary runs");
        assert!(output.status.code().is_some(), "{command}: {output:?}");
        let left: Vec<String> = std::fs::read_dir(temp.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("mtedu-world-"))
            .collect();
        assert!(left.is_empty(), "{command} left {left:?}");
    }
}
