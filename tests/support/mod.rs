//! Helpers shared by integration tests: running the real Minetest server
//! from Debian's `minetest-server` package, bound to 127.0.0.1 on a free
//! port, always stopped.

pub mod archives;
pub mod busted;
pub mod class_run;
pub mod cpu_time;
pub mod engines;
pub mod fixtures;
pub mod packing;
pub mod real_client;
pub mod real_server;
pub mod serving;
pub mod unreadable;

/// Copies a folder recursively (fixtures into temporary folders).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every `.rs` file under `dir`, appended to `out` (the tests that read
/// the crate's own sources).
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `mtedu` binary, run in `dir` with an English locale and no colour
/// preference, so outputs compare the same on every machine.
pub fn mtedu_command(dir: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mtedu"));
    command
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env_remove("NO_COLOR");
    command
}

/// `mtedu check --format json --lang en <options> <dir>`: its findings.
pub fn check_findings<S: AsRef<std::ffi::OsStr>>(
    dir: &std::path::Path,
    options: &[S],
) -> Vec<serde_json::Value> {
    let output = mtedu_command(std::path::Path::new("/"))
        .args(["check", "--format", "json", "--lang", "en"])
        .args(options)
        .arg(dir)
        .output()
        .expect("mtedu runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&output.stdout)));
    report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A started child whose output is read while it runs (no pipe fills
/// up): join the two handles once it has ended.
pub struct Capturing {
    pub child: std::process::Child,
    pub stdout: std::thread::JoinHandle<Vec<u8>>,
    pub stderr: std::thread::JoinHandle<Vec<u8>>,
}

/// Starts `command` with no input and its output captured.
pub fn spawn_capturing(command: &mut std::process::Command) -> Capturing {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    Capturing {
        child,
        stdout,
        stderr,
    }
}

/// The standard output of a finished command, as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// A file the tests generate (a document, a drawing): with `MTEDU_BLESS`
/// set it is written, otherwise it must already hold `expected`; `stale`
/// says what is wrong and how to bless.
pub fn check_blessed(path: &std::path::Path, expected: &[u8], stale: &str) {
    if std::env::var_os("MTEDU_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
        return;
    }
    assert!(
        std::fs::read(path).ok().as_deref() == Some(expected),
        "{}: {stale}",
        path.display()
    );
}

/// True when minetest_game is installed. Without it a test skips, unless
/// `MTEDU_REQUIRE_ENGINE=1` (CI), where its absence fails the test.
pub fn minetest_game_installed(host: &mtedu::host::Host) -> bool {
    if host.find_game("minetest_game").is_some() {
        return true;
    }
    assert!(
        std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
        "MTEDU_REQUIRE_ENGINE=1 but minetest_game is not installed: apt-get install minetest-server"
    );
    eprintln!("skipped: minetest_game is not installed");
    false
}

/// Checks mtedu's own drawings: each `(path under root, picture)` holds
/// that picture (blessed with `MTEDU_BLESS`), and every PNG under `root`
/// is one of them.
pub fn check_drawings(root: &std::path::Path, drawings: &[(std::path::PathBuf, &str)]) {
    for (relative, picture) in drawings {
        let png = mtedu::scaffold::picture_png(picture).expect("a known picture");
        check_blessed(
            &root.join(relative),
            &png,
            &format!("not the drawing {picture}: run with MTEDU_BLESS=1"),
        );
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "png") {
                let relative = path.strip_prefix(root).unwrap();
                assert!(
                    drawings.iter().any(|(known, _)| known == relative),
                    "{} is not listed in TEXTURES",
                    relative.display()
                );
            }
        }
    }
}
