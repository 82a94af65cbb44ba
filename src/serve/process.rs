//! The engine server as a child process: started with serve's config and
//! mods folders, watched through its log, stopped cleanly (SIGTERM saves
//! the world), and never left behind: it gets SIGTERM when mtedu dies.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::error::ServeError;
use super::layout::Layout;

/// The line the server logs once it accepts players.
const LISTENING: &str = "listening on";

/// A running server.
pub struct ServerProcess {
    child: Child,
    log: PathBuf,
    /// Where the log was when this server started (older runs are above).
    log_start: u64,
}

impl ServerProcess {
    /// Starts `binary` on the layout's world. The log is appended to, so
    /// earlier runs stay readable.
    pub fn start(
        binary: &Path,
        layout: &Layout,
        home: Option<&Path>,
    ) -> Result<ServerProcess, ServeError> {
        let _ = std::fs::remove_file(layout.io.join("request.json"));
        let log_start = std::fs::metadata(&layout.log).map(|m| m.len()).unwrap_or(0);
        let mut paths = vec![layout.companion.clone(), layout.mods.clone()];
        if let Some(extra) = std::env::var_os("MINETEST_MOD_PATH") {
            paths.extend(std::env::split_paths(&extra));
        }
        let mod_path = std::env::join_paths(paths).unwrap_or_default();
        let mut command = Command::new(binary);
        command
            .arg("--world")
            .arg(&layout.world)
            .arg("--config")
            .arg(&layout.config)
            .arg("--logfile")
            .arg(&layout.log)
            .args(["--color", "never"])
            .env("MINETEST_MOD_PATH", mod_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: a Ctrl-C in the terminal reaches mtedu,
            // which then stops the server in order.
            .process_group(0);
        if let Some(home) = home {
            command.env("HOME", home);
        }
        // SAFETY: prctl is async-signal-safe and touches no memory of ours.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let child = command.spawn().map_err(ServeError::io(binary))?;
        Ok(ServerProcess {
            child,
            log: layout.log.clone(),
            log_start,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The log written by this run so far.
    pub fn log_text(&self) -> String {
        let bytes = std::fs::read(&self.log).unwrap_or_default();
        let start = (self.log_start as usize).min(bytes.len());
        String::from_utf8_lossy(&bytes[start..]).into_owned()
    }

    /// Waits until the server listens; fails with the end of the log when
    /// it exits first or takes longer than `timeout`.
    pub fn wait_listening(&mut self, timeout: Duration) -> Result<(), ServeError> {
        let deadline = Instant::now() + timeout;
        loop {
            let log = self.log_text();
            if log.contains(LISTENING) {
                return Ok(());
            }
            if self.has_exited() || Instant::now() > deadline {
                self.stop(Duration::from_secs(3));
                return Err(ServeError::StartFailed {
                    log: log_tail(&self.log_text()),
                });
            }
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    pub fn has_exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits up to `timeout` for the server to exit by itself.
    pub fn wait_exit(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.has_exited() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// SIGTERM (the world is saved), then SIGKILL after `grace`.
    pub fn stop(&mut self, grace: Duration) {
        if self.has_exited() {
            return;
        }
        // SAFETY: kill with a pid we own.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        if !self.wait_exit(grace) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// The exit code, once it has exited.
    pub fn exit_code(&mut self) -> Option<i32> {
        self.child.try_wait().ok().flatten().and_then(|s| s.code())
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.stop(Duration::from_secs(5));
    }
}

/// The error lines at the end of a log (what a user needs to see).
pub fn log_tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains("ERROR") || l.contains("rror:"))
        .collect();
    let chosen = if errors.is_empty() { &lines } else { &errors };
    chosen[chosen.len().saturating_sub(8)..].join("\n")
}
