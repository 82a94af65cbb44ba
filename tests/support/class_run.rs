//! `mtedu class DIR` run by the tests: the binary started on 127.0.0.1
//! with free ports, its terminal lines read as they come, the page's state
//! asked as the teacher; `class new` through the binary; the page as
//! headless Chromium has it after its script ran.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use mtedu::class::client::request;

use super::real_server::{free_tcp_port, free_udp_port, server_binary};

pub fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
        "MTEDU_REQUIRE_ENGINE=1 but chromium is missing: apt-get install chromium"
    );
    eprintln!("skipping: chromium is not installed");
    None
}

/// The page after its script ran, as Chromium has it.
pub fn dom(browser: &Path, profile: &Path, url: &str) -> String {
    let output = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=4000", "--dump-dom", url])
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The `<tr>` of `pupil` in a dumped page.
pub fn row_of<'a>(page: &'a str, pupil: &str) -> &'a str {
    let start = page
        .find(&format!("data-pupil=\"{pupil}\""))
        .unwrap_or_else(|| panic!("no row for {pupil}: {page}"));
    let start = page[..start].rfind("<tr").unwrap_or(start);
    let end = page[start..]
        .find("</tr>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

pub struct RunningClass {
    pub child: Child,
    pub lines: Receiver<String>,
    pub seen: Vec<String>,
    pub url: String,
}

impl RunningClass {
    /// `mtedu class DIR` on 127.0.0.1 with free ports.
    pub fn start(dir: &Path, home: &Path) -> RunningClass {
        RunningClass::start_as(dir, home, None)
    }

    /// The same, run by the login `user` (the teacher's player name).
    pub fn start_as(dir: &Path, home: &Path, user: Option<&str>) -> RunningClass {
        let port = free_tcp_port();
        let mut child = super::mtedu_command(dir.parent().unwrap())
            .arg("class")
            .arg(dir)
            .args(["--bind", "127.0.0.1", "--port"])
            .arg(port.to_string())
            .arg("--game-port")
            .arg(free_udp_port().to_string())
            .env("HOME", home)
            .envs(user.map(|user| ("USER", user)))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let (lines, _) = super::serving::read_lines(&mut child);
        RunningClass {
            child,
            lines,
            seen: Vec::new(),
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Waits for a line containing `text`.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.seen.iter().any(|l| l.contains(text)) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("never said {text:?}: {:#?}", self.seen),
            }
        }
    }

    /// The state the page reads, as the teacher (`cookie`) sees it.
    pub fn state(&self, cookie: &str) -> (u16, serde_json::Value) {
        let (status, body) = request(
            &self.url,
            "GET",
            "/api/state?lang=en",
            &[("Cookie", cookie)],
            b"",
            Duration::from_secs(5),
        )
        .unwrap();
        (status, serde_json::from_slice(&body).unwrap_or_default())
    }

    pub fn interrupt(&self) {
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGINT);
        }
    }
}

impl Drop for RunningClass {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `mtedu class new` through the binary; the class folder and its token.
pub fn new_class(parent: &Path, pupils: &[&str]) -> (PathBuf, toml::Table) {
    let made = super::mtedu_command(parent)
        .args(["class", "new", "cm2", "--lesson", "1"])
        .args(pupils)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let dir = parent.join("cm2");
    let config = toml::from_str(&std::fs::read_to_string(dir.join("class.toml")).unwrap()).unwrap();
    (dir, config)
}

pub fn have_everything() -> Option<PathBuf> {
    server_binary()?;
    if !super::minetest_game_installed(&mtedu::host::Host::detect()) {
        return None;
    }
    chromium()
}
