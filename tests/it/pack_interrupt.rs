//! Issue 7 audit, B3: a pack or install stopped midway leaves no hidden
//! temporary file. SIGTERM (as Ctrl-C) stops the real binary cleanly; after
//! `kill -9` the next run removes what the killed one left.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use support::packing::write;

/// A world with a 12 MB map.sqlite of bytes that do not compress, so that
/// packing it takes long enough to be stopped midway.
fn large_world(at: &Path) -> PathBuf {
    let world = at.join("big_world");
    write(
        &world.join("world.mt"),
        "gameid = minetest_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    );
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..1536 * 1024)
        .flat_map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()
        })
        .collect();
    std::fs::write(world.join("map.sqlite"), bytes).unwrap();
    world
}

/// The hidden temporary files and folders of mtedu in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".mtedu-"))
        .collect()
}

fn spawn(args: &[&str], dir: &Path) -> Child {
    support::mtedu_command(dir)
        .args(args)
        .env("HOME", dir)
        .env_remove("MINETEST_USER_PATH")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the mtedu binary runs")
}

/// Waits until a temporary file in `dir` have grown past 256 KB: the run is
/// midway through writing.
fn wait_midway(child: &mut Child, dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let size: u64 = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".mtedu-"))
            .map(|e| du(&e.path()))
            .sum();
        if size > 256 * 1024 {
            return;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished before it could be stopped"
        );
        assert!(Instant::now() < deadline, "never got midway");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Bytes under `path`.
fn du(path: &Path) -> u64 {
    let Ok(metadata) = path.symlink_metadata() else {
        return 0;
    };
    if !metadata.is_dir() {
        return metadata.len();
    }
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| du(&e.path()))
        .sum()
}

fn signal(child: &Child, signal: libc::c_int) {
    // SAFETY: kill(2) on the pid of a child we own and have not reaped.
    unsafe {
        libc::kill(child.id() as libc::pid_t, signal);
    }
}

/// Runs `args` to its end; asserts it succeeded.
fn run_ok(args: &[&str], dir: &Path) {
    let output = spawn(args, dir).wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// Starts `args`, stops it midway with `how` once `watched` holds 256 KB of
/// temporary files; returns its exit code and output.
fn stop_midway(
    args: &[&str],
    dir: &Path,
    watched: &Path,
    how: libc::c_int,
) -> (Option<i32>, String) {
    let mut child = spawn(args, dir);
    wait_midway(&mut child, watched);
    signal(&child, how);
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code(), text)
}

#[test]
fn stopped_packs_and_installs_leave_no_temporary_file() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    large_world(dir);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let pack = ["pack", "big_world", "-o", "out/big_world.zip"];

    // SIGTERM (as Ctrl-C): stopped cleanly, said so, nothing left.
    let (code, text) = stop_midway(&pack, dir, &out, libc::SIGTERM);
    assert_eq!(code, Some(130), "{text}");
    assert!(text.contains("MT4015"), "{text}");
    assert_eq!(temporaries(&out), Vec::<String>::new());
    assert!(!out.join("big_world.zip").exists());
    // kill -9 leaves its temporary archive; the next pack removes it.
    stop_midway(&pack, dir, &out, libc::SIGKILL);
    assert_eq!(temporaries(&out).len(), 1, "kill -9 leaves it");
    run_ok(&pack, dir);
    assert_eq!(temporaries(&out), Vec::<String>::new());

    let worlds = dir.join("user/worlds");
    let install = ["install", "out/big_world.zip", "--to", "user"];
    std::fs::create_dir_all(&worlds).unwrap();
    let (code, text) = stop_midway(&install, dir, &worlds, libc::SIGTERM);
    assert_eq!(code, Some(130), "{text}");
    assert!(text.contains("MT4015"), "{text}");
    assert_eq!(temporaries(&worlds), Vec::<String>::new());
    assert!(!worlds.join("big_world").exists());
    stop_midway(&install, dir, &worlds, libc::SIGKILL);
    assert_eq!(temporaries(&worlds).len(), 1, "kill -9 leaves it");
    run_ok(&install, dir);
    assert_eq!(temporaries(&worlds), Vec::<String>::new());
    assert!(worlds.join("big_world/map.sqlite").is_file());
}
