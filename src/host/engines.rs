//! The engine programs on this PC: `minetestserver`, `luantiserver`,
//! `minetest`, `luanti` on `$PATH` and in the usual bin folders, plus the
//! flatpak apps, each with the version it reports.
//!
//! A program is asked `--version` with no input and a short timeout, then
//! killed with everything it started, so a broken install cannot hang mtedu.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::HostEnv;

/// What an engine program is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineKind {
    /// Runs worlds without a window: what a session needs.
    Server,
    /// The game window players use (it can host a game too).
    Client,
}

impl EngineKind {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EngineKind::Server => "server",
            EngineKind::Client => "client",
        }
    }
}

/// One engine program found on this PC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engine {
    /// `Minetest` or `Luanti`, as the program names itself.
    pub name: String,
    /// The program, or the flatpak app folder.
    pub path: PathBuf,
    /// Such as `5.6.1`; `None` when the program did not say.
    pub version: Option<String>,
    /// Server or game window: a session needs a server.
    pub kind: EngineKind,
}

/// The data folder (`builtin/`, `games/`) a server program uses, found
/// beside it the way the engine looks: `/usr/games/luantiserver` →
/// `/usr/share/luanti`, `/usr/games/minetestserver` →
/// `/usr/share/games/minetest`, a Debian root folder's launcher
/// (`scripts/get-engine.sh`) → its `usr/share/luanti`.
pub fn share_dir_of(program: &Path) -> Option<PathBuf> {
    let program = program.canonicalize().ok()?;
    let dir = program.parent()?;
    [
        "usr/share/luanti",
        "../share/luanti",
        "../share/games/minetest",
        "../share/minetest",
        "../../share/luanti",
        "../../share/minetest",
    ]
    .iter()
    .map(|relative| dir.join(relative))
    .find(|candidate| candidate.join("builtin").is_dir())
    .and_then(|found| found.canonicalize().ok())
}

/// Program names, with their kind and the engine name to show when the
/// program does not answer.
const PROGRAMS: &[(&str, EngineKind, &str)] = &[
    ("minetestserver", EngineKind::Server, "Minetest"),
    ("luantiserver", EngineKind::Server, "Luanti"),
    ("minetest", EngineKind::Client, "Minetest"),
    ("luanti", EngineKind::Client, "Luanti"),
];

/// Folders searched after `$PATH`: Debian puts games in `/usr/games`,
/// which is often missing from `$PATH` (for root, in scripts).
const BIN_DIRS: &[&str] = &["/usr/games", "/usr/local/bin", "/usr/bin"];

/// Flatpak app ids and the engine name they hold.
pub const FLATPAK_APPS: &[(&str, &str)] = &[
    ("net.minetest.Minetest", "Minetest"),
    ("org.luanti.luanti", "Luanti"),
];

/// Every engine program and flatpak app of `env`, each asked its version.
pub fn find_engines(env: &HostEnv) -> Vec<Engine> {
    // Asked all at once, so several hung programs cost one timeout, not one each.
    let programs = find_programs(env);
    let answers: Vec<Option<String>> = std::thread::scope(|scope| {
        let asked: Vec<_> = programs
            .iter()
            .map(|(path, _, _)| scope.spawn(|| run_version(path, env.version_timeout)))
            .collect();
        asked
            .into_iter()
            .map(|answer| answer.join().ok().flatten())
            .collect()
    });
    let mut engines: Vec<Engine> = programs
        .into_iter()
        .zip(answers)
        .map(|((path, kind, fallback_name), answer)| {
            let (name, version) = match answer.as_deref().and_then(parse_version) {
                Some((name, version)) => (name, Some(version)),
                None => (fallback_name.to_owned(), None),
            };
            Engine {
                name,
                path,
                version,
                kind,
            }
        })
        .collect();
    for (id, name) in FLATPAK_APPS {
        for dir in env.flatpak_app_dirs(id) {
            if dir.is_dir() {
                engines.push(Engine {
                    name: (*name).to_owned(),
                    version: flatpak_version(&dir, id),
                    path: dir,
                    kind: EngineKind::Client,
                });
            }
        }
    }
    engines
}

/// The engine programs of `env` that exist and are executable, `$PATH`
/// first; the same file reached twice (symlinks, repeated folders) is kept once.
pub fn find_programs(env: &HostEnv) -> Vec<(PathBuf, EngineKind, &'static str)> {
    let mut seen = Vec::new();
    let mut found = Vec::new();
    for dir in program_dirs(env) {
        for (program, kind, name) in PROGRAMS {
            let path = dir.join(program);
            if !is_executable(&path) {
                continue;
            }
            let identity = path.canonicalize().unwrap_or_else(|_| path.clone());
            if !seen.contains(&identity) {
                seen.push(identity);
                found.push((path, *kind, *name));
            }
        }
    }
    found
}

/// The folders searched for engine programs, in order: `$PATH`, then the
/// usual install folders (`mtedu doctor -v` lists them).
pub fn program_dirs(env: &HostEnv) -> Vec<PathBuf> {
    env.path_dirs
        .iter()
        .cloned()
        .chain(BIN_DIRS.iter().map(|dir| env.system(dir)))
        .collect()
}

/// The program names searched for, servers first.
pub fn program_names() -> Vec<&'static str> {
    PROGRAMS.iter().map(|(program, _, _)| *program).collect()
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Reads `Minetest 5.6.1 (Linux)` or `Luanti 5.10.0 …` into name and
/// version. Looks at every line, because wrappers may print warnings first.
pub fn parse_version(output: &str) -> Option<(String, String)> {
    output.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        let name = words.next()?;
        let version = words.next()?;
        let known = ["minetest", "luanti"].contains(&name.to_ascii_lowercase().as_str());
        let looks_like_version = version.starts_with(|c: char| c.is_ascii_digit());
        (known && looks_like_version).then(|| (name.to_owned(), version.to_owned()))
    })
}

/// What `program --version` prints (stdout, then stderr), or `None` when it
/// cannot start or does not finish within `timeout`; it is then killed, with
/// whatever it started.
pub fn run_version(program: &Path, timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    let mut child = spawn_version(program)?;
    let (sender, receiver) = mpsc::channel();
    if let Some(pipe) = child.stdout.take() {
        read_in_background(pipe, 0, sender.clone());
    }
    if let Some(pipe) = child.stderr.take() {
        read_in_background(pipe, 1, sender.clone());
    }
    drop(sender);
    let mut outputs = [Vec::new(), Vec::new()];
    let mut exited = false;
    let mut pipes_open = true;
    while !exited || pipes_open {
        if Instant::now() >= deadline {
            // Still running, or something it left behind holds the pipes.
            kill(&mut child);
            if !exited {
                return None;
            }
            break;
        }
        if !exited {
            exited = !matches!(child.try_wait(), Ok(None));
        }
        if pipes_open {
            match receiver.recv_timeout(POLL) {
                Ok((index, chunk)) => outputs[index].extend_from_slice(&chunk),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => pipes_open = false,
            }
        } else {
            std::thread::sleep(POLL);
        }
    }
    let [stdout, stderr] = outputs;
    Some(format!(
        "{}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    ))
}

const POLL: Duration = Duration::from_millis(10);

fn spawn_version(program: &Path) -> Option<Child> {
    let mut command = Command::new(program);
    command
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so a timeout kills what a wrapper script started too.
        command.process_group(0);
    }
    // A script written a moment ago may still be open in a forked process.
    for _ in 0..5 {
        match command.spawn() {
            Ok(child) => return Some(child),
            Err(error) if error.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(_) => return None,
        }
    }
    None
}

/// Sends what `pipe` gives, chunk by chunk, tagged with `index`, until it closes.
fn read_in_background(
    mut pipe: impl Read + Send + 'static,
    index: usize,
    sender: mpsc::Sender<(usize, Vec<u8>)>,
) {
    std::thread::spawn(move || {
        let mut buffer = [0_u8; 4096];
        while let Ok(count @ 1..) = pipe.read(&mut buffer) {
            if sender.send((index, buffer[..count].to_vec())).is_err() {
                break;
            }
        }
    });
}

fn kill(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill() only sends a signal; the group is the one the child leads.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The newest release named in the flatpak app's metainfo, such as `5.10.0`.
fn flatpak_version(app_dir: &Path, id: &str) -> Option<String> {
    let share = app_dir.join("current/active/files/share");
    let candidates = [
        share.join(format!("metainfo/{id}.metainfo.xml")),
        share.join(format!("metainfo/{id}.appdata.xml")),
        share.join(format!("appdata/{id}.appdata.xml")),
    ];
    let text = candidates
        .iter()
        .find_map(|file| std::fs::read_to_string(file).ok())?;
    let release = &text[text.find("<release ")?..];
    let tag = &release[..release.find('>')?];
    let value = &tag[tag.find("version=\"")? + "version=\"".len()..];
    Some(value[..value.find('"')?].to_owned())
}

#[cfg(test)]
#[path = "engines_tests.rs"]
mod tests;
