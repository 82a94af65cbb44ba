//! Benchmark: pack a world with a ~50 MB map.sqlite through the library
//! (validation, writing and the self-check included) and compare with
//! `zip -r -6` on the same folder in the same run; then install the archive
//! and report MB/s. Run with `cargo bench --bench pack_world`.
//!
//! The map is random-ish but compressible, like a real map: each 4 KiB
//! page mixes random bytes with runs repeated from a small vocabulary. The
//! world's game is a tiny one made for the run, so nothing installed on
//! this PC changes the result.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mtedu::host::Host;
use mtedu::pack::{InstallOptions, NoProgress, PackOptions, install, pack};

const MAP_BYTES: usize = 50 * 1024 * 1024;
const RUNS: usize = 3;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// xorshift64*: fast, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn map_data() -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let words: Vec<Vec<u8>> = (0..64)
        .map(|_| {
            (0..(4 + rng.next() % 28))
                .map(|_| rng.next() as u8)
                .collect()
        })
        .collect();
    let mut data = Vec::with_capacity(MAP_BYTES);
    while data.len() < MAP_BYTES {
        let page_end = data.len() + 4096;
        let random = 1024 + (rng.next() % 1024) as usize;
        for _ in 0..random / 8 {
            data.extend_from_slice(&rng.next().to_le_bytes());
        }
        while data.len() < page_end {
            data.extend_from_slice(&words[(rng.next() % 64) as usize]);
        }
        data.truncate(page_end);
    }
    data
}

fn make_world(root: &Path) -> (PathBuf, Host) {
    let share = root.join("share");
    std::fs::create_dir_all(share.join("games/bench_game/mods/bench")).unwrap();
    std::fs::write(share.join("games/bench_game/game.conf"), "title = Bench\n").unwrap();
    std::fs::write(share.join("games/bench_game/mods/bench/init.lua"), "").unwrap();
    std::fs::write(
        share.join("games/bench_game/mods/bench/mod.conf"),
        "name = bench\n",
    )
    .unwrap();
    let world = root.join("bench_world");
    std::fs::create_dir_all(&world).unwrap();
    std::fs::write(
        world.join("world.mt"),
        "gameid = bench_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    )
    .unwrap();
    std::fs::write(world.join("map.sqlite"), map_data()).unwrap();
    std::fs::write(world.join("players.sqlite"), vec![7u8; 64 * 1024]).unwrap();
    std::fs::write(
        world.join("env_meta.txt"),
        "game_time = 1234\ntime_of_day = 6000\n",
    )
    .unwrap();
    let host = Host {
        share_dirs: vec![share],
        user_dirs: Vec::new(),
    };
    (world, host)
}

fn mb_per_s(bytes: u64, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn main() {
    let root = tempfile::tempdir().unwrap();
    let (world, host) = make_world(root.path());
    let folder_bytes: u64 = ["map.sqlite", "players.sqlite", "env_meta.txt", "world.mt"]
        .iter()
        .map(|f| std::fs::metadata(world.join(f)).unwrap().len())
        .sum();
    let has_zip = Command::new("zip")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let archive = root.path().join("ours.zip");
    for _ in 0..RUNS {
        let options = PackOptions {
            output: Some(archive.clone()),
            ..PackOptions::default()
        };
        let start = Instant::now();
        let outcome = pack(&world, &options, &host, &NoProgress);
        ours.push(start.elapsed());
        assert!(outcome.archive.is_some(), "{:#?}", outcome.report);
        if has_zip {
            let theirs_zip = root.path().join("theirs.zip");
            let _ = std::fs::remove_file(&theirs_zip);
            let start = Instant::now();
            let status = Command::new("zip")
                .args(["-r", "-6", "-q"])
                .arg(&theirs_zip)
                .arg("bench_world")
                .current_dir(root.path())
                .status()
                .unwrap();
            theirs.push(start.elapsed());
            assert!(status.success());
        }
    }
    let ours = median(ours);
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    println!(
        "world folder: {:.1} MB; mtedu pack (validate + write + self-check): {:.3} s ({:.1} MB/s), archive {:.1} MB",
        folder_bytes as f64 / 1e6,
        ours.as_secs_f64(),
        mb_per_s(folder_bytes, ours),
        size(&archive) as f64 / 1e6
    );
    if has_zip {
        let theirs = median(theirs);
        println!(
            "zip -r -6: {:.3} s, archive {:.1} MB; speed ratio zip/mtedu = {:.2}x (goal >= 1)",
            theirs.as_secs_f64(),
            size(&root.path().join("theirs.zip")) as f64 / 1e6,
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    } else {
        println!("`zip` is not installed (apt-get install zip): no comparison with zip -r -6");
    }
    let mut installs = Vec::new();
    let mut bytes = 0;
    for run in 0..RUNS {
        let options = InstallOptions {
            to: Some(root.path().join(format!("user{run}"))),
            ..InstallOptions::default()
        };
        let start = Instant::now();
        let outcome = install(&archive, &options, &host, &NoProgress);
        installs.push(start.elapsed());
        assert!(outcome.installed.is_some(), "{:#?}", outcome.report);
        bytes = outcome.bytes;
    }
    let install_time = median(installs);
    println!(
        "mtedu install (checks + extract + validate + rename): {:.3} s, {:.1} MB/s",
        install_time.as_secs_f64(),
        mb_per_s(bytes, install_time)
    );
}
