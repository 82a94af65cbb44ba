//! Benchmark: one mineunit suite (`tests/fixtures/testing/mineunit_suite`,
//! three spec files) under `mtedu test` and under real mineunit, in one run,
//! median of 5 each, as a ratio. Real mineunit needs busted and LuaJIT
//! (Debian's `lua-busted`, `luajit`) and a mineunit checkout named by
//! `MTEDU_MINEUNIT` (a folder called `mineunit`; its parent goes on
//! LUA_PATH, busted runs with `--lua=luajit`): without it the bench prints
//! mtedu's time alone and says why. Both sides are whole processes (the
//! release `mtedu` binary, `busted`), started the same way.
//! Run with `MTEDU_MINEUNIT=/path/to/mineunit cargo bench --bench mineunit_speed`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/testing/mineunit_suite")
}

/// Runs `command` RUNS times (it must succeed), the median wall time.
fn median_of(mut make: impl FnMut() -> Command) -> Duration {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let output = make().output().expect("the program starts");
        times.push(started.elapsed());
        assert!(
            output.status.success(),
            "{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let mtedu = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/mtedu");
    assert!(
        mtedu.is_file(),
        "build the release binary first: cargo build --release (the bench runs it as a user would)"
    );
    let ours = median_of(|| {
        let mut command = Command::new(&mtedu);
        command.arg("-q").arg("test").arg(suite());
        command
    });
    println!(
        "mineunit suite ({}): mtedu test median {:.1} ms of {RUNS}",
        suite().display(),
        ours.as_secs_f64() * 1000.0
    );
    let Some(checkout) = std::env::var_os("MTEDU_MINEUNIT").map(PathBuf::from) else {
        println!("real mineunit: not measured (set MTEDU_MINEUNIT to a mineunit checkout)");
        return;
    };
    let parent = checkout.parent().expect("a checkout folder").to_path_buf();
    let lua_path = format!("{0}/?.lua;{0}/?/init.lua;;", parent.display());
    let theirs = median_of(|| {
        let mut command = Command::new("busted");
        command
            .current_dir(suite())
            .env("LUA_PATH", &lua_path)
            .args(["--lua=luajit", "-o", "TAP", "spec"]);
        command
    });
    println!(
        "real mineunit (busted --lua=luajit): median {:.1} ms of {RUNS}; mtedu is {:.1}× faster (goal ≥ 3×: {})",
        theirs.as_secs_f64() * 1000.0,
        theirs.as_secs_f64() / ours.as_secs_f64(),
        if theirs.as_secs_f64() >= 3.0 * ours.as_secs_f64() {
            "met"
        } else {
            "NOT met"
        }
    );
}
