//! Runs the real `minetestserver` on a throw-away world and collects its
//! log, exit code and (with the dump mod) what the mods registered; or on an
//! existing world folder (`run_world`, `start_world`), as the pack round
//! trip needs.
//!
//! When no server is installed, tests return early — unless
//! `MTEDU_REQUIRE_ENGINE=1`, which CI sets: then they fail.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian installs the server and its games.
pub const DEBIAN_SERVER: &str = "/usr/games/minetestserver";
pub const DEBIAN_GAMES: &str = "/usr/share/games/minetest/games";

/// The server binary, or `None` (after checking MTEDU_REQUIRE_ENGINE).
pub fn server_binary() -> Option<PathBuf> {
    let path = PathBuf::from(DEBIAN_SERVER);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() == Ok("1") {
        panic!(
            "MTEDU_REQUIRE_ENGINE=1 but {DEBIAN_SERVER} is missing: apt-get install minetest-server"
        );
    }
    eprintln!("skipping: {DEBIAN_SERVER} is not installed");
    None
}

/// What one server run left behind.
#[derive(Debug)]
pub struct RealRun {
    pub exit_code: Option<i32>,
    pub log: String,
    pub dump: Option<serde_json::Value>,
    pub timed_out: bool,
    /// The world folder (kept until the run is dropped).
    pub world: PathBuf,
    _home: tempfile::TempDir,
}

/// Kills the server if a test panics before it exits.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// The config lines every test server gets: only 127.0.0.1, not announced,
/// and its own port for the metrics listener Debian's Luanti builds open
/// (all on 127.0.0.1:30000 otherwise: a second server aborts).
pub fn local_only_config() -> String {
    format!(
        "bind_address = 127.0.0.1\nserver_announce = false\nipv6_server = false\nprometheus_listener_address = 127.0.0.1:{}\n",
        free_tcp_port()
    )
}

/// The metrics listener address of a config from [`local_only_config`].
fn metrics_address(config: &str) -> Option<std::net::SocketAddr> {
    config
        .lines()
        .find_map(|line| line.strip_prefix("prometheus_listener_address = "))
        .and_then(|address| address.trim().parse().ok())
}

/// A stopping Debian Luanti build waits 1-2 s after saving for its metrics
/// listener to notice the stop; a connection makes it notice at once
/// (`src/serve/process.rs` says more). Called every 50 ms while waiting.
fn wake_metrics(address: Option<std::net::SocketAddr>) {
    if let Some(address) = address {
        let _ = std::net::TcpStream::connect_timeout(&address, Duration::from_millis(20));
    }
}

/// A local TCP port nobody uses right now.
pub fn free_tcp_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free local port");
    listener.local_addr().unwrap().port()
}

/// A local UDP port nobody uses right now.
pub fn free_udp_port() -> u16 {
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").expect("a free local port");
    socket.local_addr().unwrap().port()
}

/// The dump mod's folder in this repository.
pub fn dump_mod_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/dump_mod")
}

/// Runs the server with `gameid` (an installed game, or "bare": no game
/// mods) and the given world mods (copied in), until it exits by itself.
pub fn run(binary: &Path, gameid: &str, worldmods: &[PathBuf], with_dump: bool) -> RealRun {
    run_with_config(binary, gameid, worldmods, with_dump, "")
}

/// Like [`run`], with extra lines for the server's minetest.conf.
pub fn run_with_config(
    binary: &Path,
    gameid: &str,
    worldmods: &[PathBuf],
    with_dump: bool,
    extra_config: &str,
) -> RealRun {
    run_prepared(binary, gameid, worldmods, with_dump, extra_config, |_| {})
}

/// Like [`run_with_config`], with `prepare` called on the world folder
/// before the server starts (files a probe reads, map_meta.txt).
pub fn run_prepared(
    binary: &Path,
    gameid: &str,
    worldmods: &[PathBuf],
    with_dump: bool,
    extra_config: &str,
    prepare: impl FnOnce(&Path),
) -> RealRun {
    let home = tempfile::tempdir().unwrap();
    let world = home.path().join("world");
    std::fs::create_dir_all(world.join("worldmods")).unwrap();
    if gameid == "bare" {
        let game = home.path().join(".minetest/games/bare");
        std::fs::create_dir_all(game.join("mods")).unwrap();
        std::fs::write(game.join("game.conf"), "title = Bare\n").unwrap();
    }
    std::fs::write(
        world.join("world.mt"),
        format!(
            "gameid = {gameid}\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n"
        ),
    )
    .unwrap();
    for dir in worldmods {
        super::copy_dir(dir, &world.join("worldmods").join(dir.file_name().unwrap()));
    }
    if with_dump {
        super::copy_dir(&dump_mod_dir(), &world.join("worldmods/mtedu_dump"));
    }
    prepare(&world);
    let config = home.path().join("minetest.conf");
    let config_text = format!("{}{extra_config}", local_only_config());
    let metrics = metrics_address(&config_text);
    std::fs::write(&config, config_text).unwrap();
    let log_path = home.path().join("server.log");
    let child = Command::new(binary)
        .arg("--world")
        .arg(&world)
        .args([
            "--gameid",
            gameid,
            "--port",
            &free_udp_port().to_string(),
            "--color",
            "never",
        ])
        .arg("--config")
        .arg(&config)
        .arg("--logfile")
        .arg(&log_path)
        .env("HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut child = KillOnDrop(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut timed_out = false;
    let mut ticks = 0;
    let exit_code = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status.code();
        }
        if Instant::now() > deadline {
            timed_out = true;
            break None;
        }
        ticks += 1;
        if ticks % 3 == 0 {
            wake_metrics(metrics);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(child);
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let dump = std::fs::read_to_string(world.join("mtedu_dump.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    RealRun {
        exit_code,
        log,
        dump,
        timed_out,
        world,
        _home: home,
    }
}

/// What a run on an existing world left behind.
#[derive(Debug)]
pub struct WorldRun {
    pub exit_code: Option<i32>,
    pub log: String,
    pub dump: Option<serde_json::Value>,
}

/// A server running on a world, stopped (SIGTERM, then SIGKILL) when dropped.
pub struct RunningServer {
    child: KillOnDrop,
    pub log_path: PathBuf,
    metrics: Option<std::net::SocketAddr>,
}

/// Starts the server on the existing world folder `world` (its world.mt
/// names the game), with `home` as `$HOME`: nothing else is added to it.
pub fn start_world(binary: &Path, world: &Path, home: &Path) -> RunningServer {
    let config = home.join("minetest.conf");
    let config_text = local_only_config();
    let metrics = metrics_address(&config_text);
    std::fs::write(&config, config_text).unwrap();
    let log_path = home.join("server.log");
    let _ = std::fs::remove_file(&log_path);
    let child = Command::new(binary)
        .arg("--world")
        .arg(world)
        .args(["--port", &free_udp_port().to_string(), "--color", "never"])
        .arg("--config")
        .arg(&config)
        .arg("--logfile")
        .arg(&log_path)
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    RunningServer {
        child: KillOnDrop(child),
        log_path,
        metrics,
    }
}

impl RunningServer {
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// Waits until the log contains `text` (true) or the server exits or
    /// `timeout` passes (false).
    pub fn wait_for_log(&mut self, text: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.log().contains(text) {
                return true;
            }
            if let Ok(Some(_)) = self.child.0.try_wait() {
                return self.log().contains(text);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Waits up to `timeout` for the server to exit by itself.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        let mut ticks = 0;
        while Instant::now() < deadline {
            if let Some(status) = self.child.0.try_wait().unwrap() {
                return status.code();
            }
            ticks += 1;
            if ticks % 3 == 0 {
                wake_metrics(self.metrics);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Asks the server to stop (SIGTERM, as Ctrl+C) and returns its exit code.
    pub fn stop(mut self) -> Option<i32> {
        #[cfg(unix)]
        // SAFETY: kill(2) on the pid of a child we own and have not reaped.
        unsafe {
            libc::kill(self.child.0.id() as libc::pid_t, libc::SIGTERM);
        }
        self.wait_exit(Duration::from_secs(20))
    }
}

/// Runs the server on an existing world until it exits by itself (a world
/// with the dump mod shuts down after writing its dump).
pub fn run_world(binary: &Path, world: &Path, home: &Path) -> WorldRun {
    let mut server = start_world(binary, world, home);
    let exit_code = server.wait_exit(Duration::from_secs(60));
    drop(server.child);
    let log = std::fs::read_to_string(home.join("server.log")).unwrap_or_default();
    let dump = std::fs::read_to_string(world.join("mtedu_dump.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    WorldRun {
        exit_code,
        log,
        dump,
    }
}
