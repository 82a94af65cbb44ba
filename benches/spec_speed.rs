//! Benchmark: every spec of the example mods in `examples/` (at least 200,
//! `tests/it/examples_check.rs` makes sure) in one run of `mtedu test` with
//! minetest_game, release build; prints specs per second and the ratio to
//! mineunit's published rate (technic: 227 tests in 2.93 s). Issue 16's goal:
//! at least 1,500 specs per second.
//! Run with `cargo bench --bench spec_speed`.

use std::path::Path;
use std::time::{Duration, Instant};

use mtedu::host::Host;
use mtedu::testing::{Status, TestOptions, run_tests};

const MINEUNIT_RATE: f64 = 227.0 / 2.93;
const RUNS: usize = 5;
/// Issue 16's goal, in specs per second.
const GOAL_RATE: f64 = 1500.0;

fn main() {
    let host = Host::detect();
    assert!(
        host.find_game("minetest_game").is_some(),
        "the examples need minetest_game: apt-get install minetest-server"
    );
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut times = Vec::new();
    let mut passed = 0;
    let mut in_tests = Duration::ZERO;
    for _ in 0..RUNS {
        let started = Instant::now();
        let run = run_tests(
            std::slice::from_ref(&examples),
            &TestOptions::default(),
            &host,
        );
        times.push(started.elapsed());
        in_tests = run.results.iter().map(|r| r.duration).sum();
        passed = run.count(Status::Passed);
        assert_eq!(passed, run.results.len(), "every example spec passes");
    }
    times.sort();
    let median = times[RUNS / 2];
    let rate = passed as f64 / median.as_secs_f64();
    let files = mtedu::testing::spec_files(std::slice::from_ref(&examples))
        .iter()
        .map(|(_, specs)| specs.len())
        .sum::<usize>();
    println!(
        "{passed} specs in {files} files (examples/, minetest_game loaded once per mod): median {:.1} ms of {RUNS} runs (fastest {:.1} ms): {rate:.0} specs/s; {:.1}× mineunit's published rate ({MINEUNIT_RATE:.0} specs/s); goal ≥ {GOAL_RATE:.0} specs/s: {}",
        ms(median),
        ms(times[0]),
        rate / MINEUNIT_RATE,
        if rate >= GOAL_RATE { "met" } else { "NOT met" }
    );
    println!(
        "of the last run, {:.1} ms inside the tests, the rest loading the mods and the game",
        ms(in_tests)
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
