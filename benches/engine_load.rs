//! Benchmark: load all of minetest_game in the embedded engine, and compare
//! with the real 5.6.1 server's time from start to "all mods loaded" on the
//! same machine, in one run. Run with `cargo bench --bench engine_load`.
//!
//! The real server is timed from spawn until its first-loaded mod's
//! `register_on_mods_loaded` callback creates a marker file in the world.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mtedu::engine::{Engine, LoadRequest};

const GAME: &str = "/usr/share/games/minetest/games/minetest_game";
const SERVER: &str = "/usr/games/minetestserver";
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// One real server run; returns the time until all mods were loaded.
fn real_server_once() -> Duration {
    let home = tempfile::tempdir().unwrap();
    let world = home.path().join("world");
    let dump: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/dump_mod");
    copy_dir(&dump, &world.join("worldmods/mtedu_dump"));
    std::fs::write(
        world.join("world.mt"),
        "gameid = minetest_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    )
    .unwrap();
    let config = home.path().join("minetest.conf");
    std::fs::write(
        &config,
        "bind_address = 127.0.0.1\nserver_announce = false\nipv6_server = false\n",
    )
    .unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let marker = world.join("mtedu_mods_loaded");
    let start = Instant::now();
    let mut child = Command::new(SERVER)
        .arg("--world")
        .arg(&world)
        .args(["--gameid", "minetest_game", "--port", &port.to_string()])
        .arg("--config")
        .arg(&config)
        .arg("--logfile")
        .arg(home.path().join("log.txt"))
        .env("HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !marker.exists() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_micros(500));
    }
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

fn main() {
    if !Path::new(GAME).is_dir() {
        println!(
            "engine_load: {GAME} is missing (apt-get install minetest-server); nothing to measure"
        );
        return;
    }
    let request = LoadRequest::for_game(Path::new(GAME));
    let mut ours = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let (_engine, report) = Engine::load(&request).unwrap();
        ours.push(start.elapsed());
        assert!(report.failure.is_none());
    }
    let ours = median(ours);
    println!(
        "embedded engine, minetest_game: median {:.1} ms over {RUNS} runs",
        ours.as_secs_f64() * 1000.0
    );
    if Path::new(SERVER).is_file() {
        let real = median((0..RUNS).map(|_| real_server_once()).collect());
        println!(
            "real server 5.6.1, start to all mods loaded: median {:.1} ms over {RUNS} runs",
            real.as_secs_f64() * 1000.0
        );
        println!(
            "ratio mtedu / real server: {:.2}",
            ours.as_secs_f64() / real.as_secs_f64()
        );
    } else {
        println!("real server not installed: no ratio");
    }
}
