//! `mtedu serve` against a mischievous pupil, on the real server: a save
//! whose check runs for its whole budget never delays Ctrl-C or SIGTERM,
//! links out of a pupil's folder are refused, and a pupil's mod cannot
//! reach serve's own files (its protocol, last good copies, the server's
//! config) nor forge what the companion answers.
//!
//! Fails without the server when `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use support::real_server::{free_udp_port, server_binary};

/// A pupil's mod folder `<dir>/pupil` with `init` as its init.lua.
fn pupil_mod(dir: &Path, init: &str) -> PathBuf {
    let mod_dir = dir.join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), init).unwrap();
    mod_dir
}

/// `mtedu serve <paths>` started in `dir` (its own HOME and world), with
/// its output lines coming through the receiver.
struct Serving {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
    world: PathBuf,
}

impl Serving {
    fn start(dir: &Path, paths: &[&str]) -> Serving {
        let world = dir.join("world");
        let mut child = support::mtedu_command(dir)
            .arg("serve")
            .args(paths)
            .args(["--bind", "127.0.0.1", "--port"])
            .arg(free_udp_port().to_string())
            .arg("--world")
            .arg(&world)
            .env("HOME", dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = sender.send(line);
            }
        });
        Serving {
            child,
            lines,
            seen: Vec::new(),
            world,
        }
    }

    /// Waits for a line containing `text`; panics with what was printed.
    fn wait_for(&mut self, text: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {text:?} after {timeout:?}: {:#?}", self.seen);
    }

    /// Sends `signal` and waits (up to 30 s) for the end: how long it took
    /// and whether it exited cleanly.
    fn stop_with(&mut self, signal: i32) -> (Duration, bool) {
        let sent = Instant::now();
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
        while sent.elapsed() < Duration::from_secs(30) {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.seen.extend(self.lines.try_iter());
                return (sent.elapsed(), status.success());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        (sent.elapsed(), false)
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Server processes running `world`.
fn servers_of(world: &Path) -> usize {
    let world = world.display().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).replace('\0', " "))
        .filter(|line| line.contains(&world) && line.contains("minetestserver"))
        .count()
}

#[test]
fn ctrl_c_and_sigterm_stop_serve_while_a_save_runs_for_its_whole_budget() {
    let Some(_) = server_binary() else { return };
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let temp = tempfile::tempdir().unwrap();
        let mod_dir = pupil_mod(temp.path(), "local x = 1\n");
        let mut serving = Serving::start(temp.path(), &["pupil"]);
        serving.wait_for("Watching", Duration::from_secs(90));
        // The embedded check of this save runs 10 s (its budget) before
        // it is rejected.
        std::fs::write(mod_dir.join("init.lua"), "while true do end\n").unwrap();
        std::thread::sleep(Duration::from_secs(2));
        let (took, clean) = serving.stop_with(signal);
        assert!(
            took < Duration::from_secs(5),
            "signal {signal}: serve took {took:?} to stop: {:#?}",
            serving.seen
        );
        assert!(clean, "signal {signal}: {:#?}", serving.seen);
        assert_eq!(
            serving.seen.last().map(String::as_str),
            Some("Server stopped, world saved."),
            "signal {signal}"
        );
        assert_eq!(servers_of(&serving.world), 0, "signal {signal}");
    }
}
