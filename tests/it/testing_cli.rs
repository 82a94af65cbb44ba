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
