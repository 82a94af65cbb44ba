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

use std::path::Path;
use std::time::Duration;

use mtedu::engine::EngineVersion;
use serde_json::Value;
use support::real_server::free_udp_port;
use support::serving::{Serving, serve_command, write_mod};

/// How long each step of serve through the binary may take.
const WAIT: Duration = Duration::from_secs(120);

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
        write_mod(
            &temp.path().join(pupil),
            "block",
            "",
            &pupil_mod("v1", "").replace("pupil:", "block:"),
        );
    }
    let worlds = temp.path().join("worlds");
    let mut serving = Serving::start(
        serve_command(temp.path(), &[], free_udp_port().min(65000), &worlds)
            .args(["--per-pupil", "--format", "json", "alice", "bob"])
            .arg("--server")
            .arg(&engine.binary),
        &worlds,
    );
    let ready = serving.wait_event("class", WAIT).is_some();
    let status = serving.interrupt();
    let seen = serving.events();
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
    let pupil = write_mod(
        temp.path(),
        "pupil",
        "depends = default\n",
        &pupil_mod("v1", ""),
    );
    let world = temp.path().join("world");
    let mut serving = Serving::start(
        serve_command(temp.path(), &[], free_udp_port(), &world)
            .args(["--format", "json", "pupil", "--server"])
            .arg(binary),
        &world,
    );
    let started = serving.wait_event("watching", WAIT).is_some();
    let seen = serving.events();
    let engine = seen
        .iter()
        .find(|event| event["event"] == "engine")
        .unwrap_or_else(|| panic!("{version}: no engine line: {seen:#?}"));
    assert_eq!(engine["version"], version.short(), "{engine}");
    assert_eq!(engine["program"], binary.display().to_string(), "{engine}");
    if started {
        std::fs::write(pupil.join("init.lua"), pupil_mod("v2", "")).unwrap();
        serving.wait_event("soft_reload", WAIT);
        let node = r#"minetest.register_node("pupil:new", {description = "New"})"#;
        std::fs::write(pupil.join("init.lua"), pupil_mod("v2", node)).unwrap();
        serving.wait_event("hard_reload", WAIT);
    }
    let status = serving.interrupt();
    let seen = serving.events();
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
