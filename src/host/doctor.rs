//! `mtedu doctor`'s findings as plain data: which engine programs, games
//! and user folders this PC has, and what is missing with the command that
//! fixes it. Builds the [`DoctorReport`] only; `cli::doctor` renders it.

use std::path::{Path, PathBuf};

use super::engines::{Engine, EngineKind, FLATPAK_APPS, find_engines};
use super::{Host, HostEnv};
use crate::content::{GameInfo, folder_name};

/// Everything `mtedu doctor` found, in the order it is shown.
#[derive(Debug, Clone)]
pub struct DoctorReport {
    /// Engine programs and flatpak apps, `$PATH` first.
    pub engines: Vec<Engine>,
    /// Installed games, share folders first, as the engine lists them.
    pub games: Vec<GameEntry>,
    /// The user folders worth showing, existing or not.
    pub user_dirs: Vec<UserDir>,
    /// What this PC lacks, in the order to fix it.
    pub missing: Vec<Missing>,
}

impl DoctorReport {
    /// True when nothing required is missing: a server program and a game,
    /// which is what a session needs.
    pub fn is_ready(&self) -> bool {
        !self.missing.iter().any(|missing| missing.kind.required())
    }
}

/// An installed game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GameEntry {
    /// The folder name, which worlds and `--gameid` refer to.
    pub id: String,
    /// `title` from game.conf (or the old `name`), else the id.
    pub title: String,
    /// The game folder, to look inside or copy.
    pub path: PathBuf,
}

/// A folder where the engine may keep the user's own mods and worlds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDir {
    pub path: PathBuf,
    /// False until the engine first runs (or the folder is made by hand).
    pub exists: bool,
    /// Whether `mods/` is there: where pupils' mods go.
    pub has_mods: bool,
    /// Whether `worlds/` is there: the engine creates it with the first world.
    pub has_worlds: bool,
}

/// Something this PC lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// What is missing; its id and message key come from here.
    pub kind: MissingKind,
    /// The shell command that fixes it, the same in every language.
    pub fix: String,
    /// The folder concerned, for messages about folders.
    pub path: Option<PathBuf>,
}

/// The kinds of missing things, each with a stable id for JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingKind {
    /// No server program: sessions cannot run.
    Server,
    /// No game window on this PC.
    Client,
    /// No game at all: the server has nothing to run.
    AnyGame,
    /// minetest_game, which most lessons build on.
    MinetestGame,
    /// No user folder yet.
    UserDir,
    /// The user folder has no `mods/`.
    UserMods,
}

impl MissingKind {
    /// Every kind, so tests can check that each has a message in every language.
    pub const ALL: [MissingKind; 6] = [
        MissingKind::Server,
        MissingKind::Client,
        MissingKind::AnyGame,
        MissingKind::MinetestGame,
        MissingKind::UserDir,
        MissingKind::UserMods,
    ];

    /// The Fluent key of the sentence that explains what is missing.
    pub fn message_key(self) -> String {
        format!("doctor-missing-{}", self.id())
    }

    /// The stable id used in JSON (`what`) and in message keys.
    pub fn id(self) -> &'static str {
        match self {
            MissingKind::Server => "server",
            MissingKind::Client => "client",
            MissingKind::AnyGame => "game",
            MissingKind::MinetestGame => "minetest_game",
            MissingKind::UserDir => "user_dir",
            MissingKind::UserMods => "user_mods",
        }
    }

    /// Whether a session cannot run without it (exit code 1).
    pub fn required(self) -> bool {
        matches!(self, MissingKind::Server | MissingKind::AnyGame)
    }
}

/// Debian packages that fix each gap (Debian 12: the games are in minetest-data).
const SERVER_PACKAGE: &str = "minetest-server";
const CLIENT_PACKAGE: &str = "minetest";
const GAME_PACKAGE: &str = "minetest-data";

/// Looks at this PC as `env` describes it.
pub fn diagnose(env: &HostEnv) -> DoctorReport {
    let engines = find_engines(env);
    let games = find_games(&Host::detect_in(env));
    let user_dirs = user_dirs(env);
    let missing = find_missing(env, &engines, &games, &user_dirs);
    DoctorReport {
        engines,
        games,
        user_dirs,
        missing,
    }
}

fn find_games(host: &Host) -> Vec<GameEntry> {
    host.game_dirs()
        .into_iter()
        .map(|dir| {
            let info = GameInfo::read(&dir);
            let conf = info.conf.as_ref();
            let title = conf
                .and_then(|conf| conf.get("title").or_else(|| conf.get("name")))
                .map(str::trim)
                .filter(|title| !title.is_empty())
                .map_or_else(|| info.id.clone(), str::to_owned);
            GameEntry {
                id: folder_name(&dir),
                title,
                path: dir,
            }
        })
        .collect()
}

/// `$MINETEST_USER_PATH`, `~/.minetest` and `~/.luanti` always; a flatpak
/// folder only when it exists or its app is installed, to keep the list short.
fn user_dirs(env: &HostEnv) -> Vec<UserDir> {
    let flatpak_installed = |dir: &Path| {
        FLATPAK_APPS.iter().any(|(id, _)| {
            dir.to_string_lossy().contains(id)
                && env.flatpak_app_dirs(id).iter().any(|app| app.is_dir())
        })
    };
    env.user_dir_candidates()
        .into_iter()
        .filter(|dir| {
            let is_flatpak = dir.components().any(|part| part.as_os_str() == ".var");
            !is_flatpak || dir.is_dir() || flatpak_installed(dir)
        })
        .map(|path| UserDir {
            exists: path.is_dir(),
            has_mods: path.join("mods").is_dir(),
            has_worlds: path.join("worlds").is_dir(),
            path,
        })
        .collect()
}

fn find_missing(
    env: &HostEnv,
    engines: &[Engine],
    games: &[GameEntry],
    user_dirs: &[UserDir],
) -> Vec<Missing> {
    let mut missing = Vec::new();
    let mut add = |kind, fix: String, path: Option<PathBuf>| {
        missing.push(Missing { kind, fix, path });
    };
    let has = |kind| engines.iter().any(|engine| engine.kind == kind);
    if !has(EngineKind::Server) {
        add(MissingKind::Server, apt_install(env, SERVER_PACKAGE), None);
    }
    if !has(EngineKind::Client) {
        add(MissingKind::Client, apt_install(env, CLIENT_PACKAGE), None);
    }
    if games.is_empty() {
        add(MissingKind::AnyGame, apt_install(env, GAME_PACKAGE), None);
    } else if !games.iter().any(|game| game.id == "minetest_game") {
        add(
            MissingKind::MinetestGame,
            apt_install(env, GAME_PACKAGE),
            None,
        );
    }
    match user_dirs.iter().find(|dir| dir.exists) {
        Some(dir) if !dir.has_mods => {
            let mods = dir.path.join("mods");
            add(
                MissingKind::UserMods,
                mkdir(env, &mods),
                Some(dir.path.clone()),
            );
        }
        Some(_) => {}
        None => {
            // Luanti 5.10 and 5.15 (Debian's servers, measured, and their
            // client, built from the same path code) still use ~/.minetest.
            let name = ".minetest";
            let dir = env.user_path.clone().or_else(|| env.in_home(name));
            let fix = match &dir {
                Some(dir) => mkdir(env, &dir.join("mods")),
                None => format!("mkdir -p ~/{name}/mods"),
            };
            add(MissingKind::UserDir, fix, dir);
        }
    }
    missing
}

/// The install command as this user types it: root has no `sudo` to run.
fn apt_install(env: &HostEnv, package: &str) -> String {
    let sudo = if env.is_root { "" } else { "sudo " };
    format!("{sudo}apt install {package}")
}

fn mkdir(env: &HostEnv, dir: &Path) -> String {
    format!("mkdir -p {}", shell_path(dir, env.home.as_deref()))
}

/// `dir` as it can be pasted into a shell: `~/…` under the home folder,
/// quoted when it holds characters the shell would read specially.
pub fn shell_path(dir: &Path, home: Option<&Path>) -> String {
    let plain = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@".contains(c))
    };
    if let Some(rest) = home.and_then(|home| dir.strip_prefix(home).ok()) {
        let rest = rest.to_string_lossy();
        if plain(&rest) {
            return format!("~/{rest}");
        }
    }
    let text = dir.to_string_lossy();
    if plain(&text) {
        text.into_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
#[path = "doctor_tests.rs"]
mod tests;
