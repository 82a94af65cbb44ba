//! The engine server as a child process: started with serve's config and
//! mods folders, watched through its log, stopped cleanly (SIGTERM saves
//! the world), and never left behind: it gets SIGTERM when mtedu dies.

use std::net::{SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::error::ServeError;
use super::layout::Layout;
use super::stop::StopSignal;

/// The line the server logs once it accepts players.
const LISTENING: &str = "listening on";

/// A running server.
pub struct ServerProcess {
    child: Child,
    log: PathBuf,
    world: PathBuf,
    /// Where the log was when this server started (older runs are above).
    log_start: u64,
    /// The metrics listener Debian's Luanti builds open (see [`wake_metrics`]).
    metrics: Option<SocketAddr>,
}

impl ServerProcess {
    /// Starts `binary` on the layout's world. The log is appended to, so
    /// earlier runs stay readable.
    pub fn start(
        binary: &Path,
        layout: &Layout,
        home: Option<&Path>,
    ) -> Result<ServerProcess, ServeError> {
        let log_start = std::fs::metadata(&layout.log).map(|m| m.len()).unwrap_or(0);
        let mut paths = vec![layout.companion.clone(), layout.mods.clone()];
        if let Some(extra) = std::env::var_os("MINETEST_MOD_PATH") {
            paths.extend(std::env::split_paths(&extra));
        }
        let mod_path = std::env::join_paths(paths).unwrap_or_default();
        let mut command = Command::new(binary);
        command
            .env_clear()
            .envs(server_environment(std::env::vars_os()))
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
        // Its own home: the user's games and installed mods, less the
        // watched ones (which it finds through MINETEST_MOD_PATH).
        let user_home = home
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("HOME").map(std::path::PathBuf::from));
        let user_folder = super::server_home::user_folder(user_home.as_deref());
        let watched: std::collections::BTreeSet<String> = std::fs::read_dir(&layout.mods)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        let own_home = super::server_home::prepare(&layout.state, user_folder.as_deref(), &watched)
            .map_err(ServeError::io(&layout.state))?;
        if let Some(home) = own_home.as_deref().or(home) {
            command.env("HOME", home).env_remove("MINETEST_USER_PATH");
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
            world: layout.world.clone(),
            log_start,
            metrics: metrics_address(&layout.config),
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
    /// it exits first or takes longer than `timeout`, and stops it at once
    /// when `stop` is requested.
    pub fn wait_listening(
        &mut self,
        timeout: Duration,
        stop: &StopSignal,
    ) -> Result<(), ServeError> {
        let deadline = Instant::now() + timeout;
        loop {
            let log = self.log_text();
            if log.contains(LISTENING) {
                return Ok(());
            }
            if stop.is_requested() {
                self.stop(Duration::from_secs(5));
                return Err(ServeError::Stopped);
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

    /// Waits up to `timeout` for the server, told to stop, to have saved
    /// the world: it exited, or it closed every file of the world (it is
    /// ended then, as [`ServerProcess::stop`] does: what is left, 0.15-0.4 s
    /// of its threads winding down, would only delay the next start).
    /// False after `timeout`, or at once when `stop` is requested: the
    /// caller stops it then.
    pub fn wait_saved(&mut self, timeout: Duration, stop: &StopSignal) -> bool {
        let deadline = Instant::now() + timeout;
        let mut woken = Instant::now();
        while Instant::now() < deadline && !stop.is_requested() {
            if self.has_exited() {
                return true;
            }
            if woken.elapsed() >= WAKE_EVERY {
                wake_metrics(self.metrics);
                woken = Instant::now();
            }
            if world_released(self.child.id(), &self.world, &self.log) {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// SIGTERM (the world is saved), then SIGKILL once the server has
    /// closed every file of the world, or after `grace`. Debian's Luanti
    /// builds take 1-2 s more after saving (their metrics listener and
    /// network threads wind down); nothing of the world is left to write.
    pub fn stop(&mut self, grace: Duration) {
        if self.has_exited() {
            return;
        }
        // SAFETY: kill with a pid we own.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let deadline = Instant::now() + grace;
        let mut woken = Instant::now();
        while Instant::now() < deadline {
            if self.has_exited() {
                return;
            }
            if woken.elapsed() >= WAKE_EVERY {
                wake_metrics(self.metrics);
                woken = Instant::now();
            }
            if world_released(self.child.id(), &self.world, &self.log) {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGKILL at once: a server whose Lua thread is stuck never acts on
    /// SIGTERM (unsaved changes of the last seconds are lost).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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

/// How often a stopping server's metrics listener is woken.
const WAKE_EVERY: Duration = Duration::from_millis(50);

/// The `prometheus_listener_address` of the server's config (serve writes
/// one: see `world.rs`).
fn metrics_address(config: &Path) -> Option<SocketAddr> {
    let text = std::fs::read_to_string(config).ok()?;
    text.lines()
        .filter_map(|line| line.split_once('='))
        .find(|(key, _)| key.trim() == "prometheus_listener_address")
        .and_then(|(_, value)| value.trim().parse().ok())
}

/// Measured on Debian's Luanti 5.10 and 5.15 builds: once told to stop,
/// they save the world in ~0.4 s, then their metrics listener (civetweb)
/// takes another 1-2 s to notice the stop, as its thread only looks when
/// its wait on the socket ends; a connection ends that wait at once (exit
/// 0.45 s after SIGTERM instead of 1.4-2.4 s). Minetest 5.6.1 has no such
/// listener: the connection is refused, nothing else happens.
fn wake_metrics(address: Option<SocketAddr>) {
    if let Some(address) = address {
        let _ = TcpStream::connect_timeout(&address, Duration::from_millis(20));
    }
}

/// True when process `pid` (which was told to stop) holds no file of
/// `world` open but its log: its databases are closed, so saved. False when
/// `/proc` cannot tell, or while a file is open.
fn world_released(pid: u32, world: &Path, log: &Path) -> bool {
    let Ok(world) = world.canonicalize() else {
        return false;
    };
    let log = log.canonicalize().unwrap_or_else(|_| log.to_path_buf());
    let Ok(entries) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    let mut any = false;
    for entry in entries.flatten() {
        any = true;
        if let Ok(target) = std::fs::read_link(entry.path())
            && target.starts_with(&world)
            && target != log
        {
            return false;
        }
    }
    // A process with no descriptors listed is gone or hidden from us.
    any
}

/// Variables the server keeps from mtedu's environment: where it lives
/// and how it speaks (`HOME`, `PATH`, the locale, the time zone) and the
/// engine's own (`MINETEST_*`, `LUANTI_*`). Nothing else: any pupil's mod
/// reads the environment with `os.getenv` (tokens, paths, names).
pub fn server_environment(
    all: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
) -> Vec<(std::ffi::OsString, std::ffi::OsString)> {
    const KEPT: [&str; 5] = ["HOME", "PATH", "LANG", "LANGUAGE", "TZ"];
    const PREFIXES: [&str; 3] = ["LC_", "MINETEST_", "LUANTI_"];
    all.filter(|(name, _)| {
        name.to_str().is_some_and(|name| {
            KEPT.contains(&name) || PREFIXES.iter().any(|prefix| name.starts_with(prefix))
        })
    })
    .collect()
}

/// The error lines at the end of a log (what a user needs to see), else
/// its last lines.
pub fn log_tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    let errors = error_lines(log);
    let chosen = if errors.is_empty() { &lines } else { &errors };
    chosen[chosen.len().saturating_sub(8)..].join("\n")
}

/// The log's error lines, without the companion's own: an error it caught
/// (and turned off) did not stop the server, and must not be taken for
/// the cause.
pub fn error_lines(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains("ERROR") || l.contains("rror:"))
        .filter(|l| !l.contains("[mtedu] "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{error_lines, server_environment};

    #[test]
    fn the_companions_caught_errors_are_not_a_crashs_cause() {
        let log = "2026-12-02 07:00:00: ERROR[Main]: [mtedu] register_globalstep of b failed and is turned off: b/init.lua:2: boom\n\
                   2026-12-02 07:00:01: ACTION[Main]: Server: Shutting down\n";
        assert!(error_lines(log).is_empty());
        let crash = "2026-12-02 07:00:02: ERROR[Main]: ServerError: AsyncErr: Lua: Runtime error from mod 'a'\n";
        assert_eq!(error_lines(crash).len(), 1);
    }

    #[test]
    fn the_server_keeps_only_what_it_needs_of_the_environment() {
        let all = [
            ("HOME", "/home/a"),
            ("PATH", "/usr/bin"),
            ("LANG", "fr_FR.UTF-8"),
            ("LC_ALL", "fr_FR.UTF-8"),
            ("MINETEST_USER_PATH", "/x"),
            ("LUANTI_USER_PATH", "/y"),
            ("GITHUB_TOKEN", "secret"),
            ("SSH_AUTH_SOCK", "/run/agent"),
            ("USER", "animator"),
        ]
        .map(|(n, v)| (n.into(), v.into()));
        let kept: Vec<String> = server_environment(all.into_iter())
            .into_iter()
            .map(|(name, _)| name.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            kept,
            [
                "HOME",
                "PATH",
                "LANG",
                "LC_ALL",
                "MINETEST_USER_PATH",
                "LUANTI_USER_PATH"
            ]
        );
    }
}
