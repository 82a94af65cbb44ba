//! Output piped into a reader that leaves early (`mtedu validate | head -1`)
//! ends the run quietly with exit code 0, as ripgrep does: no panic, no
//! "Broken pipe" message, whatever the command.

use crate::support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// `count` mods, each depending on a mod that does not exist: a long report.
fn many_broken_mods(root: &Path, count: usize) {
    for index in 0..count {
        let name = format!("m{index:04}");
        let dir = root.join(&name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("mod.conf"),
            format!("name = {name}\ndepends = missing_{index:04}\n"),
        )
        .unwrap();
        std::fs::write(dir.join("init.lua"), "").unwrap();
        std::fs::write(dir.join("LICENSE.txt"), "MIT\n").unwrap();
    }
}

/// Runs mtedu, reads `keep` bytes of its stdout (up to the first newline
/// when `line`), closes the pipe and returns the exit code and stderr.
fn read_then_close(command: &mut Command, keep: usize, line: bool) -> (Option<i32>, String) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtedu starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut read = Vec::new();
    let mut byte = [0u8; 1];
    while read.len() < keep && stdout.read(&mut byte).unwrap() == 1 {
        read.push(byte[0]);
        if line && byte[0] == b'\n' {
            break;
        }
    }
    assert!(!read.is_empty(), "mtedu printed something first");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs mtedu with a stdout pipe nobody reads from: its first write fails.
fn closed_before_start(command: &mut Command) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = command
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("mtedu runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn validate_into_head_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // About 130 KB of findings: more than a pipe holds, so writes go on after
    // the reader has left.
    many_broken_mods(&dir.path().join("k"), 400);
    let mut human = support::mtedu_command(dir.path());
    human.args(["validate", "--no-installed", "k"]);
    let (code, stderr) = read_then_close(&mut human, usize::MAX, true);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    let mut json = support::mtedu_command(dir.path());
    json.args(["--format", "json", "validate", "--no-installed", "k"]);
    let (code, stderr) = read_then_close(&mut json, 10, false);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}

#[test]
fn every_command_stops_quietly_when_nobody_reads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    many_broken_mods(&root.join("k"), 2);
    let good = root.join("good");
    std::fs::create_dir_all(good.join("spec")).unwrap();
    std::fs::write(good.join("mod.conf"), "name = good\n").unwrap();
    std::fs::write(
        good.join("init.lua"),
        "core.register_node(\"good:block\", {})\n",
    )
    .unwrap();
    std::fs::write(
        good.join("spec/good_spec.lua"),
        "describe(\"good\", function() it(\"works\", function() end) end)\n",
    )
    .unwrap();
    let runs: &[&[&str]] = &[
        &["validate", "--no-installed", "k"],
        &["lint", "--no-installed", "good"],
        &["check", "--no-installed", "k"],
        &["test", "--no-installed", "good"],
        &["info", "--no-installed", "good"],
        &["api", "--coverage"],
        &["lessons"],
        &["doctor"],
        &["--format", "json", "doctor"],
        &["--help"],
    ];
    for args in runs {
        let mut command = support::mtedu_command(root);
        command.args(*args);
        let (code, stderr) = closed_before_start(&mut command);
        assert_eq!(code, Some(0), "mtedu {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "mtedu {args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "mtedu {args:?}: {stderr}");
    }
}
