//! `mtedu serve` seen by Debian's real graphical client (5.6.1) under
//! Xvfb, driven with xdotool, read with screenshots and tesseract: a
//! soft-reloaded chat reply reaches the player's chat, a syntax error's
//! chat line is readable, a look change warns in the chat and sends the
//! player away with the reconnect flag, and the player gets back in.
//!
//! Fails (not skips) without the client or its tools when
//! `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use support::real_server::free_udp_port;

const CLIENT: &str = "/usr/games/minetest";
const TOOLS: &[&str] = &[
    CLIENT,
    "/usr/games/minetestserver",
    "/usr/bin/Xvfb",
    "/usr/bin/xdotool",
    "/usr/bin/import",
    "/usr/bin/convert",
    "/usr/bin/tesseract",
];

/// True when every tool is installed; a failure under
/// `MTEDU_REQUIRE_ENGINE=1`.
fn tools_installed() -> bool {
    let missing: Vec<&&str> = TOOLS.iter().filter(|t| !Path::new(t).is_file()).collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() == Ok("1") {
        panic!(
            "MTEDU_REQUIRE_ENGINE=1 but {missing:?} are missing: apt-get install minetest xvfb xdotool imagemagick tesseract-ocr"
        );
    }
    eprintln!("skipping: {missing:?} are not installed");
    false
}

/// A child process killed when dropped (a failing test leaves nothing).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// An Xvfb display of its own (a free number).
struct Display {
    number: u32,
    _server: Killed,
}

impl Display {
    fn start() -> Display {
        let number = (90..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free display number");
        let server = Command::new("Xvfb")
            .arg(format!(":{number}"))
            .args(["-screen", "0", "800x600x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let socket = format!("/tmp/.X11-unix/X{number}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Display {
            number,
            _server: Killed(server),
        }
    }

    fn name(&self) -> String {
        format!(":{}", self.number)
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", self.name());
        command
    }

    /// Presses keys and types text in the client's window (focused
    /// first: without a window manager, nothing is).
    fn keys(&self, args: &[&str]) {
        let found = self
            .command("xdotool")
            .args(["search", "--class", "minetest"])
            .output()
            .unwrap();
        let window = String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .expect("the client's window")
            .to_owned();
        let status = self
            .command("xdotool")
            .args(["windowfocus", &window])
            .status()
            .unwrap();
        assert!(status.success(), "xdotool windowfocus");
        let status = self.command("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?}");
    }

    fn screenshot(&self, to: &Path) {
        let status = self
            .command("import")
            .args(["-window", "root"])
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success(), "import");
    }

    /// The chat's text (the top of the screen: the HUD's chat, or the
    /// console once open, opaque so the world does not blur the letters),
    /// read by OCR.
    fn chat_text(&self, shot: &Path) -> String {
        let ocr = shot.with_extension("ocr.png");
        let status = Command::new("convert")
            .arg(shot)
            .args([
                "-crop",
                "800x300+0+0",
                "-colorspace",
                "gray",
                "-resize",
                "400%",
                "-threshold",
                "50%",
                "-negate",
            ])
            .arg(&ocr)
            .status()
            .unwrap();
        assert!(status.success(), "convert");
        let out = Command::new("tesseract")
            .arg(&ocr)
            .args(["stdout", "--psm", "6"])
            .stderr(Stdio::null())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_lowercase()
    }

    /// Waits until the chat shows `needle`; the last text read otherwise.
    fn wait_chat(&self, dir: &Path, needle: &str, timeout: Duration) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        let shot = dir.join("screen.png");
        let mut last = String::new();
        while Instant::now() < deadline {
            self.screenshot(&shot);
            last = self.chat_text(&shot);
            if last.contains(needle) {
                return Ok(last);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err(last)
    }
}

/// The client, joining straight away (`--go`) as `eleve1`.
fn join(display: &Display, port: u16, home: &Path) -> Killed {
    let config = home.join("client.conf");
    std::fs::write(
        &config,
        "enable_sound = false\nscreen_w = 800\nscreen_h = 600\nenable_shaders = false\n\
         console_alpha = 255\nconsole_color = (0,0,0)\nconsole_height = 0.5\n",
    )
    .unwrap();
    let child = display
        .command(CLIENT)
        .env("HOME", home)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .arg("--config")
        .arg(&config)
        .args(["--address", "127.0.0.1", "--port"])
        .arg(port.to_string())
        .args(["--name", "eleve1", "--password", "", "--go"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Killed(child)
}

/// `mtedu serve` with its output lines in a channel.
fn serve(dir: &Path, port: u16) -> (Killed, Receiver<String>) {
    let mut child = support::mtedu_command(dir)
        .args([
            "serve",
            "pupil",
            "--bind",
            "127.0.0.1",
            "--teacher",
            "prof",
            "--port",
        ])
        .arg(port.to_string())
        .arg("--world")
        .arg(dir.join("world"))
        .env("HOME", dir.join("home"))
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
    (Killed(child), lines)
}

/// Waits for a line of `serve` containing `needle`.
fn wait_line(lines: &Receiver<String>, needle: &str, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("serve never said {needle:?}: {seen:#?}");
}

fn pupil_code(reply: &str, tile: &str) -> String {
    format!(
        r#"minetest.register_node("pupil:block", {{description = "Block", tiles = {{"{tile}"}}}})
minetest.register_chatcommand("greet", {{func = function() return true, "{reply}" end}})
"#
    )
}

#[test]
fn a_real_client_sees_soft_reloads_errors_and_the_rejoin_prompt() {
    if !tools_installed() {
        return;
    }
    let started = Instant::now();
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let mod_dir: PathBuf = dir.join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::create_dir_all(dir.join("home")).unwrap();
    std::fs::write(
        mod_dir.join("mod.conf"),
        "name = pupil\ndepends = default\n",
    )
    .unwrap();
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello one", "default_stone.png"),
    )
    .unwrap();
    let port = free_udp_port();
    let (_serve, lines) = serve(dir, port);
    wait_line(&lines, "Watching pupil", Duration::from_secs(60));
    let display = Display::start();
    let mut client = join(&display, port, &dir.join("home"));
    let log = dir.join("world/mtedu/server.log");
    let joined = |times: usize| {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            if log.matches("eleve1 [127.0.0.1] joins game").count() >= times {
                return;
            }
            assert!(Instant::now() < deadline, "the client did not join: {log}");
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    joined(1);
    std::thread::sleep(Duration::from_secs(2));
    // The console (F10) shows the chat on a black background and takes
    // commands: it stays open.
    display.keys(&["key", "F10"]);
    display
        .wait_chat(dir, "joined the game", Duration::from_secs(20))
        .expect("the console shows the chat");

    // A new chat reply is live for the connected player.
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello two", "default_stone.png"),
    )
    .unwrap();
    wait_line(&lines, "players stay connected", Duration::from_secs(20));
    display.keys(&["type", "--delay", "60", "/greet"]);
    display.keys(&["key", "Return"]);
    display
        .wait_chat(dir, "hello two", Duration::from_secs(15))
        .expect("the new reply in the client's chat");

    // A syntax error is told in the chat, with its line.
    std::fs::write(
        mod_dir.join("init.lua"),
        format!(
            "{}\nlocal x = = 1\n",
            pupil_code("hello two", "default_stone.png")
        ),
    )
    .unwrap();
    wait_line(&lines, "mistakes", Duration::from_secs(20));
    let chat = display
        .wait_chat(dir, "init.lua:4", Duration::from_secs(15))
        .expect("the error's line in the chat");
    assert!(chat.contains("mistake"), "{chat}");

    // Another tile: the player is warned, then sent away with the
    // reconnect flag (a `--go` client exits on it) and joins again.
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello two", "default_dirt.png"),
    )
    .unwrap();
    let restarting = wait_line(&lines, "must reconnect", Duration::from_secs(20));
    assert!(restarting.contains("eleve1"), "{restarting}");
    // The warning is on screen for about a second: shots now, reading
    // after.
    let shots: Vec<PathBuf> = (0..8)
        .map(|index| {
            let shot = dir.join(format!("warning-{index}.png"));
            display.screenshot(&shot);
            std::thread::sleep(Duration::from_millis(100));
            shot
        })
        .collect();
    let mut read = Vec::new();
    let warned = shots.iter().any(|shot| {
        read.push(display.chat_text(shot));
        read.last().unwrap().contains("changed its look")
    });
    assert!(warned, "{read:#?}");
    wait_line(&lines, "restarted", Duration::from_secs(20));
    let deadline = Instant::now() + Duration::from_secs(15);
    while client.0.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the client was not sent away");
        std::thread::sleep(Duration::from_millis(100));
    }
    client = join(&display, port, &dir.join("home"));
    joined(2);
    drop(client);
    eprintln!("real client test took {:?}", started.elapsed());
}
