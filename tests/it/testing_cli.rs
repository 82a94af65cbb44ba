//! `mtedu test` and lesson objectives through the binary: the whole run's
//! time cap (`--timeout`), and verdicts a pupil's mod cannot fake.

use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::{mtedu_command, stdout_of};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A mod whose spec files each hold a test that waits `seconds` (wall
/// clock, as the cap counts), then a quick one; the first file's tests
/// are both quick.
fn slow_mod(dir: &Path, files: usize, seconds: f64) {
    write(&dir.join("mod.conf"), "name = slow\n");
    write(&dir.join("init.lua"), "slow = {}\n");
    for file in 0..files {
        let wait = if file == 0 { 0.0 } else { seconds };
        write(
            &dir.join(format!("spec/s{file}_spec.lua")),
            &format!(
                "describe(\"file {file}\", function()\n\
                 \tit(\"busy\", function()\n\
                 \t\tlocal t = minetest.get_us_time()\n\
                 \t\twhile minetest.get_us_time() - t < {wait} * 1e6 do end\n\
                 \tend)\n\
                 \tit(\"quick\", function() assert.is_true(true) end)\n\
                 end)\n"
            ),
        );
    }
}

#[test]
fn the_whole_run_stops_at_its_timeout_and_lists_what_did_not_run() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("slow");
    slow_mod(&dir, 4, 4.0);
    let started = Instant::now();
    let output = mtedu_command(&dir)
        .args(["test", "--no-installed", "--timeout", "2"])
        .output()
        .unwrap();
    let took = started.elapsed();
    let out = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        took < Duration::from_secs(4),
        "the cap held: {took:?}\n{out}"
    );
    assert!(
        out.contains("The time for the whole run is up (--timeout 2 s)"),
        "{out}"
    );
    // Four files of two tests: the first file's (quick) tests ran, the
    // second's first test was stopped by the cap, and what did not run
    // is listed.
    assert!(out.contains("✓ ./spec/s0_spec.lua — file 0 quick"), "{out}");
    assert!(
        out.contains("– ./spec/s1_spec.lua — file 1 busy (not run)"),
        "{out}"
    );
    assert!(
        out.contains("– ./spec/s3_spec.lua — every test of this file (not run)"),
        "{out}"
    );
    let not_run = out.lines().filter(|l| l.starts_with("– ")).count();
    assert!(
        out.contains(&format!("{not_run} tests were not run")),
        "{out}"
    );

    let output = mtedu_command(&dir)
        .args(["--lang", "fr", "test", "--no-installed", "--timeout", "2"])
        .output()
        .unwrap();
    let fr = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{fr}");
    assert!(
        fr.contains("Le temps pour tous les tests est écoulé (--timeout 2 s)"),
        "{fr}"
    );
    assert!(fr.contains("(pas lancé)"), "{fr}");

    let output = mtedu_command(&dir)
        .args([
            "--format",
            "json",
            "test",
            "--no-installed",
            "--timeout",
            "2",
        ])
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(document["timed_out"], true, "{document}");
    assert!(
        document["summary"]["not_run"].as_u64() >= Some(2),
        "{document}"
    );
    assert!(
        document["tests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["status"] == "not_run" && t["file"] == "./spec/s3_spec.lua"),
        "{document}"
    );
}

#[test]
fn a_run_within_its_timeout_says_nothing_of_it() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("slow");
    slow_mod(&dir, 2, 0.01);
    let output = mtedu_command(&dir)
        .args(["test", "--no-installed"])
        .output()
        .unwrap();
    let out = stdout_of(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("4 passed"), "{out}");
    assert!(
        !out.contains("--timeout") && !out.contains("not run"),
        "{out}"
    );
    let output = mtedu_command(&dir)
        .args(["test", "--timeout", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "a cap of nothing is refused");
}

/// Ways a pupil's mod replaces what a test runner could rely on: in
/// init.lua, or from mod code the test calls (`liar.act`).
const FAKES: &[&str] = &[
    "local real = xpcall\nxpcall = function(f, h, ...) local r = {real(f, h, ...)} if r[1] then return unpack(r) end return true end",
    "local real = xpcall\nxpcall = function(f, h, ...) real(f, h, ...) return true end",
    "local real = pcall\npcall = function(f, ...) real(f, ...) return true end",
    "error = function() end",
    "tostring = function() return \"\" end",
    "local s = getmetatable(\"\").__index\ns.find = function() return 1 end\ns.match = function(t) return t end",
    "string.format = function() return \"\" end\nstring.gsub = function(s) return s, 0 end\nstring.lower = function() return \"\" end",
    "table.insert = function() end\ntable.remove = function() end",
    "dump = function() error(\"no\") end",
    "liar = {act = function() rawset(assert, \"equals\", function() end) end}",
    "liar = {act = function() _G.assert = setmetatable({}, {__index = function() return function() end end}) end}",
    "liar = {act = function() getfenv(2).assert = setmetatable({}, {__index = function() return function() end end}) end}",
    "liar = {act = function() setfenv(debug.getinfo(2, \"f\").func, setmetatable({}, {__index = function() return function() end end})) end}",
];

#[test]
fn a_mod_replacing_what_the_runner_uses_cannot_make_a_failing_test_pass() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("liar");
    write(&dir.join("mod.conf"), "name = liar\n");
    write(
        &dir.join("spec/verdicts_spec.lua"),
        r#"describe("verdicts", function()
	it("equals", function() assert.equals(1, 2) end)
	it("is_true", function() assert.is_true(false) end)
	it("error", function() error("boom") end)
	it("matches", function() assert.matches("^abc$", "xyz") end)
	it("has_error", function() assert.has_error(function() error("one") end, "two") end)
	it("same", function() assert.same({1}, {2}) end)
	it("spy", function() local s = spy.new(function() end) assert.spy(s).was.called() end)
	it("after mod code", function() liar.act() assert.equals(1, 2) end)
end)
"#,
    );
    let mut faked = Vec::new();
    for fake in FAKES {
        write(
            &dir.join("init.lua"),
            &format!("{fake}\nliar = liar or {{act = function() end}}\n"),
        );
        let output = mtedu_command(&dir)
            .args(["--format", "json", "test", "--no-installed"])
            .output()
            .unwrap();
        let text = stdout_of(&output);
        let document: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("{fake}: {text}"));
        let summary = &document["summary"];
        let passed: Vec<&str> = document["tests"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["status"] == "passed")
            .filter_map(|t| t["name"].as_str())
            .collect();
        if output.status.code() != Some(1)
            || !passed.is_empty()
            || summary["failed"].as_u64().unwrap_or(0) + summary["errors"].as_u64().unwrap_or(0)
                != 8
        {
            faked.push(format!("{fake}\n  → passed {passed:?}, {summary}"));
        }
    }
    assert!(faked.is_empty(), "verdicts faked:\n{}", faked.join("\n"));
}

#[test]
fn a_lesson_copy_is_judged_by_the_checks_mtedu_ships_not_the_pupils_copy() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let output = mtedu_command(temp.path())
        .args(["lessons", "start", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let copy = temp.path().join("first_block");
    let hidden = copy.join(".mtedu-lesson");
    // The pupil's edits: every check passes, one objective gone, and
    // xpcall replaced in init.lua.
    let checks = hidden.join("checks/objectives_spec.lua");
    let always: String = ["block", "texture", "dig", "glow"]
        .iter()
        .map(|id| format!("describe(\"{id}\", function() it(\"ok\", function() end) end)\n"))
        .collect();
    std::fs::write(&checks, always).unwrap();
    let toml = std::fs::read_to_string(hidden.join("lesson.toml")).unwrap();
    let cut = toml.rfind("[[objectives]]").unwrap();
    std::fs::write(hidden.join("lesson.toml"), &toml[..cut]).unwrap();
    let init = std::fs::read_to_string(copy.join("init.lua")).unwrap();
    std::fs::write(
        copy.join("init.lua"),
        format!("local real = xpcall\nxpcall = function(f, h, ...) real(f, h, ...) return true end\n{init}"),
    )
    .unwrap();
    let output = mtedu_command(&copy).arg("check").output().unwrap();
    let out = stdout_of(&output);
    assert!(out.contains("Objectives: 0/4"), "{out}");
    assert!(out.contains("✗ Make it glow in the dark"), "{out}");

    // A copy naming a lesson mtedu does not ship: nothing to judge it by.
    std::fs::write(
        hidden.join("lesson.toml"),
        toml.replace("id = \"01-first-block\"", "id = \"99-my-own\""),
    )
    .unwrap();
    let output = mtedu_command(&copy).arg("check").output().unwrap();
    let out = stdout_of(&output);
    assert!(
        out.contains("names the lesson \"99-my-own\", which mtedu does not ship"),
        "{out}"
    );
    assert!(!out.contains("Objectives:"), "{out}");
}
