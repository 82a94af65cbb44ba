//! `mtedu serve` as the serve tests run it: a pupil's mod folder, a
//! session's options (127.0.0.1, a free port, the classroom preset), and
//! the binary run with its output read line by line while it runs, always
//! stopped.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use mtedu::serve::{Preset, ServeOptions};
use serde_json::Value;

use super::real_server::free_udp_port;

/// `<parent>/<name>`, a mod with `conf` after its `name = <name>` line in
/// mod.conf and `init` as its init.lua.
pub fn write_mod(parent: &Path, name: &str, conf: &str, init: &str) -> PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.conf"), format!("name = {name}\n{conf}")).unwrap();
    std::fs::write(dir.join("init.lua"), init).unwrap();
    dir
}

/// A session of `binary` on `world` serving `mods`: minetest_game under
/// the classroom preset, 127.0.0.1 on a free port, no teacher, `home`
/// (created) as the server's HOME.
pub fn session_options(
    binary: &Path,
    world: PathBuf,
    mods: BTreeMap<String, PathBuf>,
    home: Option<PathBuf>,
) -> ServeOptions {
    if let Some(home) = &home {
        std::fs::create_dir_all(home).unwrap();
    }
    ServeOptions {
        binary: binary.to_path_buf(),
        world,
        game: "minetest_game".into(),
        preset: Preset::Classroom,
        port: free_udp_port(),
        bind: "127.0.0.1".into(),
        mods,
        home,
        teacher: None,
        stop: Default::default(),
    }
}

/// The lines `child` prints on its piped standard output, each sent as
/// soon as it is printed; the thread reads to the end of the output.
pub fn read_lines(child: &mut Child) -> (Receiver<String>, JoinHandle<()>) {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (sender, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            // Read on when nobody listens: a full pipe would stop the child.
            let _ = sender.send(line);
        }
    });
    (lines, reader)
}

/// The server processes whose command line mentions `text` (a world's
/// folder: the servers running it).
pub fn servers_with(text: &str) -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).replace('\0', " "))
        .filter(|line| line.contains(text) && line.contains("minetestserver"))
        .collect()
}

/// `mtedu <before> serve --bind 127.0.0.1 --port <port> --world <world>`
/// run in `dir` with `dir` as HOME; the caller adds the mods' folders and
/// other options.
pub fn serve_command(dir: &Path, before: &[&str], port: u16, world: &Path) -> Command {
    let mut command = super::mtedu_command(dir);
    command
        .args(before)
        .args(["serve", "--bind", "127.0.0.1", "--port"])
        .arg(port.to_string())
        .arg("--world")
        .arg(world)
        .env("HOME", dir);
    command
}

/// A running `mtedu serve`: its lines as they come (those read so far in
/// `seen`); stopped by Ctrl-C when dropped.
pub struct Serving {
    pub child: Child,
    pub lines: Receiver<String>,
    pub seen: Vec<String>,
    pub world: PathBuf,
    reader: Option<JoinHandle<()>>,
}

impl Serving {
    /// Starts `command` (see [`serve_command`]) serving `world`.
    pub fn start(command: &mut Command, world: &Path) -> Serving {
        let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
        let (lines, reader) = read_lines(&mut child);
        Serving {
            child,
            lines,
            seen: Vec::new(),
            world: world.to_path_buf(),
            reader: Some(reader),
        }
    }

    /// Reads lines into `seen` until one for which `found` is true (true)
    /// or `timeout` passed, or the output ended (false).
    pub fn read_until(&mut self, timeout: Duration, mut found: impl FnMut(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok(line) = self.lines.recv_timeout(left) else {
                return false;
            };
            let done = found(&line);
            self.seen.push(line);
            if done {
                return true;
            }
        }
        false
    }

    /// Waits for a line containing `text`; panics with what was printed.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) -> String {
        if !self.read_until(timeout, |line| line.contains(text)) {
            panic!("no line with {text:?} after {timeout:?}: {:#?}", self.seen);
        }
        self.seen.last().cloned().unwrap_or_default()
    }

    /// Reads lines until one containing `needle` and `linger` more (or
    /// `timeout` in all).
    pub fn read_past(&mut self, needle: &str, linger: Duration, timeout: Duration) {
        if self.read_until(timeout, |line| line.contains(needle)) {
            self.read_until(linger, |_| false);
        }
    }

    /// The JSON event (`--format json`) named `kind`, from now on, or none
    /// within `timeout`; panics on a line that is not JSON.
    pub fn wait_event(&mut self, kind: &str, timeout: Duration) -> Option<Value> {
        let mut event = None;
        self.read_until(timeout, |line| {
            let value: Value =
                serde_json::from_str(line).unwrap_or_else(|_| panic!("not a JSON line: {line}"));
            let found = value["event"] == kind;
            if found {
                event = Some(value);
            }
            found
        });
        event
    }

    /// Every line read so far as a JSON event (`Null` for another line).
    pub fn events(&self) -> Vec<Value> {
        self.seen
            .iter()
            .map(|line| serde_json::from_str(line).unwrap_or(Value::Null))
            .collect()
    }

    /// The server's log so far.
    pub fn server_log(&self) -> String {
        std::fs::read_to_string(mtedu::content::served::state_dir(&self.world).join("server.log"))
            .unwrap_or_default()
    }

    /// Ctrl-C, then waits for serve to end and its output to be read
    /// (what it printed after the signal stays in `lines`).
    pub fn interrupt(&mut self) -> ExitStatus {
        // SAFETY: a signal to the child we started.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGINT);
        }
        let status = self.child.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        status
    }

    /// Sends `signal` and waits (up to 30 s) for the end: how long it took
    /// and whether it exited cleanly; the lines printed until then are in
    /// `seen`.
    pub fn stop_with(&mut self, signal: i32) -> (Duration, bool) {
        let sent = Instant::now();
        // SAFETY: a signal to the child we started.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, signal);
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
    /// Ctrl-C, so serve stops its server; killed after 30 s.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let (_, clean) = self.stop_with(libc::SIGINT);
            if !clean {
                let _ = self.child.kill();
                let _ = self.child.wait();
            }
        }
    }
}
