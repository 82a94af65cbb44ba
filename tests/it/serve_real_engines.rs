//! `mtedu serve` on every real server: the soft reload of a chat command
//! and the hard reload of a new node of `serve_real.rs` run on Luanti 5.10
//! and 5.15, and `mtedu serve --server <program>` through the binary on
//! each server, which says the version it checks saves for (once for a
//! `--per-pupil` class).
//!
//! A missing server is skipped; with `MTEDU_REQUIRE_ENGINE=1` the test
//! fails, saying how to get it (`tests/support/engines.rs`).

use crate::serve_real::{hard_reload_case, pupil_mod, soft_reload_case};
use crate::support;

use std::io::BufRead;
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use mtedu::engine::EngineVersion;
use serde_json::Value;
use support::real_server::free_udp_port;

#[test]
fn a_soft_reload_changes_behaviour_without_a_restart_on_5_10() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_10) {
        soft_reload_case(&engine.binary);
    }
}

#[test]
fn a_soft_reload_changes_behaviour_without_a_restart_on_5_15() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_15) {
        soft_reload_case(&engine.binary);
    }
}

#[test]
fn a_new_node_makes_a_hard_reload_and_exists_afterwards_on_5_10() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_10) {
        hard_reload_case(&engine.binary);
    }
}

#[test]
fn a_new_node_makes_a_hard_reload_and_exists_afterwards_on_5_15() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_15) {
        hard_reload_case(&engine.binary);
    }
}

#[test]
fn serve_with_the_server_flag_reloads_on_5_6() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_6) {
        serve_through_the_binary(&engine.binary, EngineVersion::V5_6);
    }
}

#[test]
fn serve_with_the_server_flag_reloads_on_5_10() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_10) {
        serve_through_the_binary(&engine.binary, EngineVersion::V5_10);
    }
}

#[test]
fn serve_with_the_server_flag_reloads_on_5_15() {
    if let Some(engine) = support::engines::get(EngineVersion::V5_15) {
        serve_through_the_binary(&engine.binary, EngineVersion::V5_15);
    }
}

/// `serve --per-pupil` names the engine once for the whole class (one
/// program for every pupil), on the newest server this machine has.
#[test]
fn serve_per_pupil_names_the_engine_once() {
    let Some(engine) = support::engines::all().pop() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    for pupil in ["alice", "bob"] {
        let dir = temp.path().join(pupil).join("block");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("mod.conf"), "name = block\n").unwrap();
        std::fs::write(
            dir.join("init.lua"),
            pupil_mod("v1", "").replace("pupil:", "block:"),
        )
        .unwrap();
    }
    let mut child = support::mtedu_command(temp.path())
        .args(["serve", "--per-pupil", "--format", "json", "alice", "bob"])
        .args(["--bind", "127.0.0.1", "--server"])
        .arg(&engine.binary)
        .arg("--port")
        .arg(free_udp_port().min(65000).to_string())
        .arg("--world")
        .arg(temp.path().join("worlds"))
        .env("HOME", temp.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = sender.send(line);
        }
    });
    let mut seen = Vec::new();
    let ready = wait_for(&lines, &mut seen, "class");
    // SAFETY: a signal to the child we started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(ready && status.success(), "{status:?}\n{seen:#?}");
    let engines: Vec<&Value> = seen.iter().filter(|e| e["event"] == "engine").collect();
    assert_eq!(engines.len(), 1, "{seen:#?}");
    assert_eq!(engines[0]["version"], engine.version.short());
}

/// `mtedu serve --format json --server <binary> pupil`: the engine it
/// names, a soft reload for a new reply, a hard one for a new node, a
/// clean stop on Ctrl-C.
fn serve_through_the_binary(binary: &Path, version: EngineVersion) {
    let temp = tempfile::tempdir().unwrap();
    let pupil = temp.path().join("pupil");
    std::fs::create_dir_all(&pupil).unwrap();
    std::fs::write(pupil.join("mod.conf"), "name = pupil\ndepends = default\n").unwrap();
    std::fs::write(pupil.join("init.lua"), pupil_mod("v1", "")).unwrap();
    let mut child = support::mtedu_command(temp.path())
        .args(["serve", "--format", "json", "pupil", "--bind", "127.0.0.1"])
        .arg("--server")
        .arg(binary)
        .arg("--port")
        .arg(free_udp_port().to_string())
        .arg("--world")
        .arg(temp.path().join("world"))
        .env("HOME", temp.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = sender.send(line);
        }
    });
    let mut seen = Vec::new();
    let started = wait_for(&lines, &mut seen, "watching");
    let engine = seen
        .iter()
        .find(|event| event["event"] == "engine")
        .unwrap_or_else(|| panic!("{version}: no engine line: {seen:#?}"));
    assert_eq!(engine["version"], version.short(), "{engine}");
    assert_eq!(engine["program"], binary.display().to_string(), "{engine}");
    if started {
        std::fs::write(pupil.join("init.lua"), pupil_mod("v2", "")).unwrap();
        wait_for(&lines, &mut seen, "soft_reload");
        let node = r#"minetest.register_node("pupil:new", {description = "New"})"#;
        std::fs::write(pupil.join("init.lua"), pupil_mod("v2", node)).unwrap();
        wait_for(&lines, &mut seen, "hard_reload");
    }
    // SAFETY: a signal to the child we started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(status.success(), "{version}: {status:?}\n{seen:#?}");
    let kinds: Vec<&str> = seen.iter().filter_map(|e| e["event"].as_str()).collect();
    for kind in ["soft_reload", "hard_reload"] {
        assert!(kinds.contains(&kind), "{version}: no {kind}: {seen:#?}");
    }
    assert!(
        !kinds.contains(&"rejected") && !kinds.contains(&"crashed"),
        "{version}: {seen:#?}"
    );
}

/// Reads JSON events into `seen` until one of kind `kind` (true) or 120 s
/// (false: the caller's assertions then show what was seen).
fn wait_for(lines: &Receiver<String>, seen: &mut Vec<Value>, kind: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok(line) = lines.recv_timeout(left) else {
            return false;
        };
        let event: Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("not a JSON line: {line}"));
        let found = event["event"] == kind;
        seen.push(event);
        if found {
            return true;
        }
    }
    false
}
