//! Benchmark: `mtedu check` of a lesson-sized mod (each bundled lesson's
//! solution, 12 to 57 lines), the release binary as a pupil runs it (the
//! process, validation, lint, the load with minetest_game, the play-time
//! pass), against the same with `--no-play` in the same rounds: the
//! ratio is what playing the mod costs. Goal from issue 14: the median
//! check of a lesson's mod under 200 ms.
//!
//! Run with `cargo bench --bench check_speed`. Each round runs both ways
//! once per lesson in turn, so a busy moment of the machine slows both
//! alike.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 7;
const GOAL: Duration = Duration::from_millis(200);

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

/// One `mtedu check` of `dir`; its time.
fn check(dir: &Path, play: bool) -> Duration {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtedu"));
    command.args(["--lang", "fr", "check"]);
    if !play {
        command.arg("--no-play");
    }
    let started = Instant::now();
    let status = command
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the mtedu binary runs");
    let took = started.elapsed();
    assert!(
        status.success(),
        "a lesson's solution checks clean: {dir:?}"
    );
    took
}

fn main() {
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut solutions: Vec<PathBuf> = std::fs::read_dir(&lessons)
        .expect("the lessons folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("solution"))
        .filter(|dir| dir.join("init.lua").is_file())
        .collect();
    solutions.sort();
    assert!(!solutions.is_empty(), "no lesson solution in {lessons:?}");
    // Warm the file cache.
    for dir in &solutions {
        check(dir, true);
    }
    let mut with_play = Vec::new();
    let mut without = Vec::new();
    for _ in 0..RUNS {
        for dir in &solutions {
            with_play.push(check(dir, true));
            without.push(check(dir, false));
        }
    }
    let played = median(with_play.clone());
    let plain = median(without.clone());
    println!(
        "mtedu check of a lesson's solution ({} lessons × {RUNS} rounds): median {:.1} ms (fastest {:.1}, slowest {:.1}); with --no-play {:.1} ms; playing costs ×{:.2}; goal < {} ms: {}",
        solutions.len(),
        millis(played),
        millis(*with_play.iter().min().unwrap()),
        millis(*with_play.iter().max().unwrap()),
        millis(plain),
        played.as_secs_f64() / plain.as_secs_f64(),
        GOAL.as_millis(),
        if played < GOAL { "met" } else { "NOT met" }
    );
}
