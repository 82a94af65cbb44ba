//! Benchmark: lint all of minetest_game (34 mods, about 20,000 lines of Lua)
//! with `mtedu lint` (static pass + loading the game in the embedded engine,
//! the release binary, as a pupil runs it) and compare with the two peers:
//! `luacheck` (Debian's `lua-check`, with minetest_game's own `.luacheckrc`)
//! and `selene` (`cargo install selene`, with `lint_speed/selene.toml` and its
//! standard library `lint_speed/minetest.yml`). Goal from the issue: at least
//! 3× faster than luacheck and faster than selene.
//!
//! Then a generated game of about 100,000 lines (see `lint_speed/big_game.rs`)
//! with its textures in the game's own `textures/` folder: `mtedu lint` of it
//! must take under 2 s.
//!
//! Run with one command: `cargo bench --bench lint_speed`.
//!
//! Each tool runs once untimed (warm file cache), then `RUNS` rounds run
//! every tool once in turn, so that a busy moment of the machine slows all
//! of them alike. Printed: the median wall-clock time, the median CPU time
//! (user + system, all threads: steadier on a shared machine, but it counts
//! selene's parallel threads in full) and the ratios. A tool that is not
//! installed is skipped with a line saying so. Exit codes are not checked
//! (the linters exit non-zero when they find warnings): only time counts.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "lint_speed/big_game.rs"]
mod big_game;

const GAME: &str = "/usr/share/games/minetest/games/minetest_game";
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

/// The first `name` on `$PATH` (plus `~/.cargo/bin`, where cargo installs).
fn find_program(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// CPU time (user + system) used so far by this process's finished children.
#[cfg(unix)]
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

#[cfg(not(unix))]
fn children_cpu() -> Duration {
    Duration::ZERO
}

/// One tool under measure.
struct Tool {
    label: &'static str,
    command: Command,
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Tool {
    fn new(label: &'static str, mut command: Command) -> Tool {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        Tool {
            label,
            command,
            wall: Vec::new(),
            cpu: Vec::new(),
        }
    }

    /// The untimed run; false when the program cannot be started.
    fn warm_up(&mut self) -> bool {
        match self.command.status() {
            Ok(status) => {
                println!("{}: warm-up run exited with {status}", self.label);
                true
            }
            Err(error) => {
                println!("{}: cannot run it ({error}); skipped", self.label);
                false
            }
        }
    }

    fn run_once(&mut self) {
        let cpu_before = children_cpu();
        let start = Instant::now();
        let _ = self.command.status();
        self.wall.push(start.elapsed());
        self.cpu.push(children_cpu().saturating_sub(cpu_before));
    }

    /// Median wall-clock and CPU times.
    fn medians(&self) -> (Duration, Duration) {
        (median(self.wall.clone()), median(self.cpu.clone()))
    }
}

fn main() {
    let game = Path::new(GAME);
    if !game.join("mods").is_dir() {
        println!(
            "lint_speed: {GAME} is missing (apt-get install minetest-data); nothing to measure"
        );
        return;
    }
    let configs = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/lint_speed");
    let mut tools = Vec::new();

    // The game folder as the path: mtedu finds its mods and loads the game.
    let mut mtedu = Command::new(env!("CARGO_BIN_EXE_mtedu"));
    mtedu
        .args(["--color", "never", "--lang", "en", "lint"])
        .arg(game);
    tools.push(Tool::new("mtedu lint", mtedu));

    match find_program("luacheck") {
        None => println!("luacheck: not installed (apt-get install lua-check); skipped"),
        Some(program) => {
            let rc = game.join(".luacheckrc");
            let mut command = Command::new(program);
            // The .luacheckrc names files relative to the game folder.
            command
                .current_dir(game)
                .args(["--formatter", "plain", "--no-color"]);
            if rc.is_file() {
                command.arg("--config").arg(&rc);
            } else {
                println!("luacheck: {} is missing; run without it", rc.display());
            }
            command.arg("mods");
            tools.push(Tool::new("luacheck", command));
        }
    }

    match find_program("selene") {
        None => println!("selene: not installed (cargo install selene); skipped"),
        Some(program) => {
            let mut command = Command::new(program);
            // minetest.yml, the standard library, sits next to the config.
            command
                .current_dir(&configs)
                .arg("--config")
                .arg(configs.join("selene.toml"))
                .args(["--no-summary", "--display-style", "quiet"])
                .arg(game.join("mods"));
            tools.push(Tool::new("selene", command));
        }
    }

    tools.retain_mut(Tool::warm_up);
    assert!(
        tools.first().is_some_and(|tool| tool.label == "mtedu lint"),
        "the mtedu binary built with this bench must run"
    );
    for _ in 0..RUNS {
        for tool in &mut tools {
            tool.run_once();
        }
    }

    for tool in &tools {
        let (wall, cpu) = tool.medians();
        let runs: Vec<String> = tool
            .wall
            .iter()
            .map(|t| format!("{:.1}", millis(*t)))
            .collect();
        println!(
            "{}: median {:.1} ms wall, {:.1} ms CPU over {RUNS} runs (wall: {} ms)",
            tool.label,
            millis(wall),
            millis(cpu),
            runs.join(", ")
        );
    }

    // How many times faster mtedu is: at least 3× luacheck, more than selene.
    let (ours_wall, ours_cpu) = tools[0].medians();
    for tool in &tools[1..] {
        let (wall, cpu) = tool.medians();
        let (goal, met): (&str, fn(f64) -> bool) = if tool.label == "luacheck" {
            ("≥ 3×", |ratio| ratio >= 3.0)
        } else {
            ("> 1×", |ratio| ratio > 1.0)
        };
        let ratio = wall.as_secs_f64() / ours_wall.as_secs_f64();
        let cpu_ratio = cpu.as_secs_f64() / ours_cpu.as_secs_f64().max(1e-9);
        let verdict = if met(ratio) { "met" } else { "NOT met" };
        println!(
            "{} / mtedu: {ratio:.2}× wall (goal {goal}: {verdict}), {cpu_ratio:.2}× CPU",
            tool.label
        );
    }
    big_game_run();
}

/// `mtedu lint` of the generated 100,000-line game: goal under 2 s.
fn big_game_run() {
    let Ok(root) = tempfile::tempdir() else {
        println!("big game: cannot make a temporary folder; skipped");
        return;
    };
    let (game, lines) = match big_game::write(root.path()) {
        Ok(written) => written,
        Err(error) => {
            println!("big game: cannot write it ({error}); skipped");
            return;
        }
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtedu"));
    command
        .args(["--color", "never", "--lang", "en", "lint", "--no-installed"])
        .arg(&game);
    let mut tool = Tool::new("mtedu lint (big game)", command);
    if !tool.warm_up() {
        return;
    }
    for _ in 0..RUNS {
        tool.run_once();
    }
    let (wall, cpu) = tool.medians();
    let verdict = if wall < Duration::from_secs(2) {
        "met"
    } else {
        "NOT met"
    };
    println!(
        "mtedu lint of a {lines}-line game (textures in the game folder): median {:.1} ms wall, \
         {:.1} ms CPU over {RUNS} runs (goal < 2000 ms wall: {verdict})",
        millis(wall),
        millis(cpu)
    );
}
