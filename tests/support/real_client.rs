//! Debian's real graphical client (`minetest` 5.6.1) on an Xvfb display of
//! its own: started joining a server (`--go`), driven with xdotool (its
//! console, F10, shows the chat on black and takes commands), read back
//! with screenshots and tesseract. Used by serve's real-client test and
//! the `serve_latency` bench; every process is killed when dropped.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
pub fn tools_installed() -> bool {
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
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// An Xvfb display of its own (a free number).
pub struct Display {
    number: u32,
    _server: Killed,
}

impl Display {
    pub fn start() -> Display {
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

    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }

    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", self.name());
        command
    }

    /// Presses keys and types text in the client's window (focused
    /// first: without a window manager, nothing is).
    pub fn keys(&self, args: &[&str]) {
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

    pub fn screenshot(&self, to: &Path) {
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
    pub fn chat_text(&self, shot: &Path) -> String {
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
    pub fn wait_chat(&self, dir: &Path, needle: &str, timeout: Duration) -> Result<String, String> {
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

/// The client, joining straight away (`--go`) as `eleve1`, its game in
/// French (as most pupils' are).
pub fn join(display: &Display, port: u16, home: &Path) -> Killed {
    let config = home.join("client.conf");
    std::fs::write(
        &config,
        "enable_sound = false\nscreen_w = 800\nscreen_h = 600\nenable_shaders = false\n\
         console_alpha = 255\nconsole_color = (0,0,0)\nconsole_height = 0.5\nlanguage = fr\n",
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
