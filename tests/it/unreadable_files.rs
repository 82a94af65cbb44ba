//! Files and folders the user may not read (`chmod 000`), through the
//! binary: reported once as MT0004 with their path, never as missing, and
//! the embedded engine stopping at an unreadable init.lua says so at the
//! file instead of failing on a line. As root the binary runs as `nobody`
//! (see `support/unreadable.rs`), so the kernel really refuses the reads.

use crate::support;

use std::path::{Path, PathBuf};

use support::unreadable::{make_readable, make_unreadable, mtedu_without_root, output};

/// A clean mod `pm` in a temp folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pm = dir.path().join("pm");
    std::fs::create_dir_all(pm.join("textures")).unwrap();
    std::fs::write(pm.join("mod.conf"), "name = pm\ndescription = Blocks\n").unwrap();
    std::fs::write(pm.join("init.lua"), "core.register_node(\"pm:a\", {})\n").unwrap();
    std::fs::write(pm.join("LICENSE.txt"), "MIT\n").unwrap();
    dir
}

/// Runs mtedu with `paths` (under the project) unreadable; the JSON findings.
fn run_locked(dir: &Path, locked: &[&str], args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let locked: Vec<PathBuf> = locked.iter().map(|p| dir.join(p)).collect();
    make_unreadable(dir, &locked);
    let output = output(
        mtedu_without_root(dir)
            .args(["--format", "json"])
            .args(args),
    );
    make_readable(&locked);
    let text = support::stdout_of(&output);
    let json: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{e}: {text}\n{}", String::from_utf8_lossy(&output.stderr)));
    let findings = json["diagnostics"].as_array().unwrap().clone();
    (output.status.code(), findings)
}

fn codes(findings: &[serde_json::Value]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["file"].as_str().unwrap()))
        .collect()
}

#[test]
fn an_unreadable_mod_folder_is_not_nothing_found() {
    let dir = project();
    let (_, findings) = run_locked(dir.path(), &["pm"], &["validate", "--no-installed", "pm"]);
    assert_eq!(codes(&findings), [("MT0004", "pm")], "{findings:#?}");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(message.contains("folder \"pm\""), "{message}");
    assert!(
        findings[0]["help"]
            .as_str()
            .unwrap()
            .contains("chmod -R a+rX \"pm\""),
        "{findings:#?}"
    );
}

#[test]
fn an_unreadable_mod_conf_is_not_missing() {
    let dir = project();
    let (_, findings) = run_locked(
        dir.path(),
        &["pm/mod.conf"],
        &["validate", "--no-installed", "pm"],
    );
    assert_eq!(
        codes(&findings),
        [("MT0004", "pm/mod.conf")],
        "{findings:#?}"
    );
}

#[test]
fn the_engine_reports_an_unreadable_init_lua_at_the_file() {
    let dir = project();
    let (code, findings) = run_locked(
        dir.path(),
        &["pm/init.lua"],
        &["lint", "--no-installed", "pm"],
    );
    // MT0004 is an environment finding (MT00xx): exit code 2.
    assert_eq!(code, Some(2), "{findings:#?}");
    assert_eq!(
        codes(&findings),
        [("MT0004", "pm/init.lua")],
        "{findings:#?}"
    );
    assert!(findings[0]["line"].is_null(), "{findings:#?}");
}

#[test]
fn check_reports_an_unreadable_init_lua_once() {
    let dir = project();
    let (_, findings) = run_locked(
        dir.path(),
        &["pm/init.lua"],
        &["check", "--no-installed", "pm"],
    );
    assert_eq!(
        codes(&findings),
        [("MT0004", "pm/init.lua")],
        "{findings:#?}"
    );
}

#[test]
fn lint_names_an_unreadable_lua_file_and_the_line_that_loads_it() {
    let dir = project();
    let pm = dir.path().join("pm");
    std::fs::write(
        pm.join("init.lua"),
        "dofile(core.get_modpath(\"pm\") .. \"/helper.lua\")\n",
    )
    .unwrap();
    std::fs::write(pm.join("helper.lua"), "pm = {}\n").unwrap();
    let (code, findings) = run_locked(
        dir.path(),
        &["pm/helper.lua"],
        &["lint", "--no-installed", "pm"],
    );
    // MT0004 is an environment finding (MT00xx): exit code 2.
    assert_eq!(code, Some(2), "{findings:#?}");
    let found = codes(&findings);
    assert!(
        found.contains(&("MT0004", "pm/helper.lua")),
        "{findings:#?}"
    );
    let load = findings
        .iter()
        .find(|f| f["code"] == "MT3002")
        .unwrap_or_else(|| panic!("the engine stops at dofile: {findings:#?}"));
    assert_eq!(
        (load["file"].as_str(), load["line"].as_u64()),
        (Some("pm/init.lua"), Some(1))
    );
}

#[test]
fn a_path_inside_a_closed_folder_names_that_folder() {
    let dir = project();
    std::fs::create_dir(dir.path().join("secret")).unwrap();
    std::fs::rename(dir.path().join("pm"), dir.path().join("secret/pm")).unwrap();
    let (_, findings) = run_locked(
        dir.path(),
        &["secret"],
        &["validate", "--no-installed", "secret/pm"],
    );
    assert_eq!(codes(&findings), [("MT0004", "secret")], "{findings:#?}");
}
