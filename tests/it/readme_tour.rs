//! README.md as a test: every shell line a new animator would paste runs as
//! written, in a fresh HOME, in French and in English, and succeeds.
//!
//! The `sh` blocks are read from README.md itself. In the install line,
//! the steps that install packages or mtedu (`apt-get`, `cargo install`)
//! are left out: the test runs the binary cargo built instead, put first on
//! PATH. The test command itself (`cargo test`) is not run from inside the
//! tests. `mtedu serve` lines run the real server until it is ready, then
//! get Ctrl-C, as the animator would. Needs the real server and
//! minetest_game: skipped without them, unless `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `sh` blocks of README.md, each with the heading above it.
fn shell_blocks() -> Vec<(String, Vec<String>)> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut blocks = Vec::new();
    let mut heading = String::new();
    let mut inside: Option<Vec<String>> = None;
    for line in readme.lines() {
        match &mut inside {
            Some(lines) if line.trim_start().starts_with("```") => {
                blocks.push((heading.clone(), std::mem::take(lines)));
                inside = None;
            }
            Some(lines) => lines.push(line.to_owned()),
            None if line.trim() == "```sh" => inside = Some(Vec::new()),
            None if line.starts_with('#') => heading = line.trim_start_matches('#').trim().into(),
            None => {}
        }
    }
    blocks
}

/// The commands of a line as the animator would run them: the package and
/// mtedu installs dropped, the test command skipped.
fn runnable(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') || line.contains("cargo test") {
        return None;
    }
    let kept: Vec<&str> = line
        .split(" && ")
        .filter(|step| {
            let step = step.trim_start_matches("$(command -v sudo) ").trim();
            !step.starts_with("apt-get") && !step.starts_with("cargo install")
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" && "))
}

/// The mtedu lines, in README order (a `cd` in one line holds for the next).
fn tour_lines() -> Vec<String> {
    shell_blocks()
        .into_iter()
        .flat_map(|(_, lines)| lines)
        .filter_map(|line| runnable(&line))
        .collect()
}

/// Runs the tour in one shell, line after line, stopping at the first
/// line that fails; `serve` lines until the server is ready.
fn run_tour(lang: &str, home: &Path) -> Result<String, String> {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_mtedu"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let start = home.join("start");
    std::fs::create_dir_all(&start).unwrap();
    let mut transcript = String::new();
    let mut cwd = start.clone();
    for line in tour_lines() {
        transcript.push_str(&format!("$ {line}\n"));
        // The line, then the folder it ends in, so a `cd` carries over.
        let script =
            format!("{line}\nstatus=$?\npwd > .tour-cwd 2>/dev/null || true\nexit $status");
        let script = script.replace(".tour-cwd", &home.join(".tour-cwd").display().to_string());
        let mut command = Command::new("bash");
        command
            .args(["-c", &script])
            .current_dir(&cwd)
            .env_clear()
            .env("HOME", home)
            .env("PATH", &path)
            .env("LANG", lang)
            .env("TERM", "dumb")
            .stdin(Stdio::null());
        let (code, output) = if line.contains("mtedu serve") {
            run_until_ready(command)
        } else {
            let output = command.output().unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            (output.status.code().unwrap_or(-1), text)
        };
        transcript.push_str(&output);
        if code != 0 {
            return Err(format!("{transcript}\n→ exit code {code}"));
        }
        if let Ok(dir) = std::fs::read_to_string(home.join(".tour-cwd")) {
            cwd = PathBuf::from(dir.trim());
        }
    }
    Ok(transcript)
}

/// `serve` runs until Ctrl-C: start it, wait for its "ready" line (the
/// port it listens on), send SIGINT and expect a clean stop.
fn run_until_ready(mut command: Command) -> (i32, String) {
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut child = command
        .stdout(log.reopen().unwrap())
        .stderr(log.reopen().unwrap())
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut text = String::new();
    // Ready once the first port is announced and the output has settled
    // (several servers print one after the other).
    let mut settled_since: Option<(Instant, usize)> = None;
    loop {
        text.clear();
        log.reopen().unwrap().read_to_string(&mut text).unwrap();
        if Instant::now() > deadline {
            break;
        }
        if text.contains("30000") {
            match settled_since {
                Some((since, len)) if len == text.len() => {
                    if since.elapsed() > Duration::from_millis(1500) {
                        break;
                    }
                }
                _ => settled_since = Some((Instant::now(), text.len())),
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code().unwrap_or(-1), text);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let ready = text.contains("30000");
    // SAFETY: kill() on the process group the child leads; no memory is shared.
    unsafe {
        libc::kill(-(child.id() as i32), libc::SIGINT);
    }
    let status = child.wait().unwrap();
    text.clear();
    log.reopen().unwrap().read_to_string(&mut text).unwrap();
    let code = if ready {
        status.code().unwrap_or(-1)
    } else {
        -2
    };
    (code, text)
}

fn engine_ready() -> bool {
    support::real_server::server_binary().is_some()
        && support::minetest_game_installed(&mtedu::host::Host::detect())
}

#[test]
fn the_readme_has_the_lines_the_test_runs() {
    let lines = tour_lines();
    assert!(lines.len() >= 20, "{lines:#?}");
    assert!(
        lines.iter().any(|l| l.contains("mtedu serve")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("mtedu doctor") && l.contains("mtedu new mod")),
        "the install line's mtedu part is run: {lines:#?}"
    );
    assert_eq!(
        runnable("$(command -v sudo) apt-get update && cargo install --path . && mtedu doctor"),
        Some("mtedu doctor".to_owned())
    );
}

/// Both languages in one test, one after the other: the tour's `serve`
/// line uses the default port.
#[test]
fn the_readme_tour_works_as_typed_in_french_and_english() {
    if !engine_ready() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let transcript = run_tour("fr_FR.UTF-8", home.path()).unwrap_or_else(|t| panic!("{t}"));
    assert!(transcript.contains("Objectifs : 0/4"), "{transcript}");
    assert!(
        home.path()
            .join("atelier/alice/first_block/init.lua")
            .is_file()
    );
    assert!(home.path().join(".minetest/mods/my_mod/init.lua").is_file());
    let home = tempfile::tempdir().unwrap();
    let transcript = run_tour("en_US.UTF-8", home.path()).unwrap_or_else(|t| panic!("{t}"));
    assert!(transcript.contains("Objectives: 0/4"), "{transcript}");
}
