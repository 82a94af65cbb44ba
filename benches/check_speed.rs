//! Benchmark: `mtedu check` of a lesson-sized mod (each bundled lesson's
//! solution, 12 to 57 lines), the release binary as a pupil runs it (the
//! process, validation, lint, the load with minetest_game, the play-time
//! pass), against the same with `--no-play` in the same rounds: the
//! ratio is what playing the mod costs. Goal from issue 14: the median
//! check of a lesson's mod under 200 ms.
//!
//! Run with `cargo bench --bench check_speed`. Each round runs both ways
//! once per lesson in turn, so a busy moment of the machine slows both
//! alike. Printed: the median wall-clock time, and the median CPU time
//! (user + system), steadier when other programs share the cores.

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

/// CPU time (user + system) used so far by this process's finished children.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// One `mtedu check` of `dir`: its wall-clock and CPU times.
fn check(dir: &Path, play: bool) -> (Duration, Duration) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtedu"));
    command.args(["--lang", "fr", "check"]);
    if !play {
        command.arg("--no-play");
    }
    let cpu = children_cpu();
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
    (took, children_cpu().saturating_sub(cpu))
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
    let (mut with_play, mut without) = (Vec::new(), Vec::new());
    let (mut cpu_play, mut cpu_plain) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        for dir in &solutions {
            let (wall, cpu) = check(dir, true);
            with_play.push(wall);
            cpu_play.push(cpu);
            let (wall, cpu) = check(dir, false);
            without.push(wall);
            cpu_plain.push(cpu);
        }
    }
    let played = median(with_play.clone());
    let plain = median(without.clone());
    let (cpu_played, cpu_no_play) = (median(cpu_play), median(cpu_plain));
    println!(
        "mtedu check of a lesson's solution ({} lessons × {RUNS} rounds): median {:.1} ms wall-clock (fastest {:.1}, slowest {:.1}), {:.1} ms CPU; with --no-play {:.1} ms wall-clock, {:.1} ms CPU; playing costs ×{:.2} (CPU ×{:.2}); goal < {} ms: {} (wall-clock), {} (CPU)",
        solutions.len(),
        millis(played),
        millis(*with_play.iter().min().unwrap()),
        millis(*with_play.iter().max().unwrap()),
        millis(cpu_played),
        millis(plain),
        millis(cpu_no_play),
        played.as_secs_f64() / plain.as_secs_f64(),
        cpu_played.as_secs_f64() / cpu_no_play.as_secs_f64(),
        GOAL.as_millis(),
        if played < GOAL { "met" } else { "NOT met" },
        if cpu_played < GOAL { "met" } else { "NOT met" }
    );
}
