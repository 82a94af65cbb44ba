//! Packing a world consistently: refuse while a program has it open, notice
//! when a file changes during packing, copy in the mods it switches on from
//! the user's mods folder and the game the user installed, and spot data
//! kept outside the folder.
//!
//! The engine keeps its sqlite databases open for as long as the world
//! runs and writes them in save cycles, so a copy taken meanwhile may hold
//! half a save. mtedu refuses instead of guessing: on Linux, a process with
//! a file of the world open, or started with `--world` on it, is in the way.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::is_valid_mod_name;
use crate::content::{Workspace, WorldInfo};
use crate::host::Host;

/// The programs that have the world open, as `name (pid)`.
#[cfg(target_os = "linux")]
pub fn programs_using(world: &Path) -> Vec<String> {
    let Ok(world) = world.canonicalize() else {
        return Vec::new();
    };
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for process in processes.filter_map(Result::ok) {
        let Some(pid) = process
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let dir = process.path();
        if has_open_file_in(&dir, &world) || started_on(&dir, &world) {
            let name = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
            found.push(format!("{} ({pid})", name.trim()));
        }
    }
    found
}

/// Other systems: no reliable way to tell, so nothing is reported.
#[cfg(not(target_os = "linux"))]
pub fn programs_using(_world: &Path) -> Vec<String> {
    Vec::new()
}

#[cfg(target_os = "linux")]
fn has_open_file_in(process: &Path, world: &Path) -> bool {
    let Ok(fds) = std::fs::read_dir(process.join("fd")) else {
        return false;
    };
    fds.filter_map(Result::ok)
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .any(|target| target.starts_with(world))
}

/// True when the command line has `--world <world>` (other users' servers,
/// whose open files cannot be listed).
#[cfg(target_os = "linux")]
fn started_on(process: &Path, world: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(cmdline) = std::fs::read(process.join("cmdline")) else {
        return false;
    };
    let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
    args.windows(2).any(|pair| {
        if pair[0] != b"--world" {
            return false;
        }
        let given = Path::new(std::ffi::OsStr::from_bytes(pair[1]));
        let full = if given.is_absolute() {
            Some(given.to_path_buf())
        } else {
            std::fs::read_link(process.join("cwd"))
                .ok()
                .map(|cwd| cwd.join(given))
        };
        full.and_then(|p| p.canonicalize().ok())
            .is_some_and(|p| p == world)
    })
}

/// Size and modification time of files, to notice changes during packing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamps(Vec<(PathBuf, Option<(u64, SystemTime)>)>);

impl Stamps {
    pub fn take(files: impl IntoIterator<Item = PathBuf>) -> Stamps {
        Stamps(
            files
                .into_iter()
                .map(|path| {
                    let stamp = std::fs::metadata(&path)
                        .ok()
                        .and_then(|m| Some((m.len(), m.modified().ok()?)));
                    (path, stamp)
                })
                .collect(),
        )
    }

    /// The first file whose size or time changed since `self` was taken.
    pub fn first_change(&self) -> Option<PathBuf> {
        let now = Stamps::take(self.0.iter().map(|(path, _)| path.clone()));
        self.0
            .iter()
            .zip(now.0.iter())
            .find(|(before, after)| before.1 != after.1)
            .map(|(before, _)| before.0.clone())
    }
}

/// Mods that world.mt switches on (`load_mod_x = true`) which are neither
/// in its `worldmods/` nor in its own `game/`, but in the user's mods
/// folders: they go into the archive's `worldmods/`. Sorted by name.
pub fn mods_to_pack_in(world: &WorldInfo, host: &Host) -> Vec<(String, PathBuf)> {
    let Some(conf) = &world.conf else {
        return Vec::new();
    };
    if world.own_game_dir().is_some() {
        return Vec::new();
    }
    let inside = Workspace::discover(&[world.worldmods_dir()]);
    // The mods `serve` linked for this world come first: they are the
    // ones the server ran.
    let mut search: Vec<PathBuf> = crate::content::served::served_state(&world.dir)
        .and_then(|state| std::fs::read_dir(state.join("mods")).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|link| link.path().canonicalize().ok())
        .collect();
    search.extend(host.user_mod_dirs());
    let installed = Workspace::discover(&search);
    let mut found: Vec<(String, PathBuf)> = conf
        .conf
        .entries
        .iter()
        .filter(|entry| entry.value != "false" && entry.value != "nil")
        .filter_map(|entry| entry.key.strip_prefix("load_mod_"))
        // A valid name is also a safe folder name inside the archive.
        .filter(|name| is_valid_mod_name(name))
        .filter(|name| !inside.all_mods().any(|m| m.name == *name))
        .filter_map(|name| {
            let info = installed.all_mods().find(|m| m.name == name)?;
            Some((name.to_owned(), info.dir.clone()))
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

/// Where the game a world runs on comes from, as far as packing goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorldGame {
    /// The world carries its own `game/`, or its game is not found
    /// (validation says so): nothing to add.
    Nothing,
    /// Shipped with the engine (its share folders): every PC with the
    /// engine has it, so it is not copied.
    Shipped(String),
    /// Installed by the user: another PC may not have it, so it goes into
    /// the archive as the world's own `game/` folder, which the engine uses
    /// instead of looking for the game by its id.
    Installed(String, PathBuf),
}

/// The game `world` runs on (world.mt's `gameid`, as the engine finds it).
pub fn world_game(world: &WorldInfo, host: &Host) -> WorldGame {
    if world.own_game_dir().is_some() {
        return WorldGame::Nothing;
    }
    let id = match world.gameid() {
        Some("minetest") | None => "minetest_game".to_owned(),
        Some(id) => id.to_owned(),
    };
    // The engine also accepts the id without its `_game` ending.
    let found = host
        .find_game(&id)
        .or_else(|| host.find_game(&format!("{id}_game")));
    match found {
        None => WorldGame::Nothing,
        Some(dir) if host.share_dirs.iter().any(|share| dir.starts_with(share)) => {
            WorldGame::Shipped(id)
        }
        Some(dir) => WorldGame::Installed(id, dir),
    }
}

/// world.mt without the `load_mod_<name>` lines of mods packed into
/// `worldmods/` (world mods always load; the line would only make the
/// engine look for them among the user's mods). Other lines stay as they are.
pub fn drop_load_mod_lines(world_mt: &[u8], names: &[String]) -> Vec<u8> {
    let mut out = Vec::with_capacity(world_mt.len());
    for line in world_mt.split_inclusive(|&b| b == b'\n') {
        let text = String::from_utf8_lossy(line);
        let key = text.split('=').next().unwrap_or_default().trim();
        let dropped = text.contains('=')
            && key
                .strip_prefix("load_mod_")
                .is_some_and(|name| names.iter().any(|n| n == name));
        if !dropped {
            out.extend_from_slice(line);
        }
    }
    out
}

/// Backends whose data lives in a database server, not in the world folder:
/// `(key, value)` pairs of world.mt.
pub fn external_backends(world: &WorldInfo) -> Vec<(String, String)> {
    let Some(conf) = &world.conf else {
        return Vec::new();
    };
    [
        "backend",
        "player_backend",
        "auth_backend",
        "mod_storage_backend",
    ]
    .iter()
    .filter_map(|key| {
        let value = conf.get(key)?;
        matches!(value, "postgresql" | "redis").then(|| ((*key).to_owned(), value.to_owned()))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_packed_mods_lines_are_dropped() {
        let text =
            b"gameid = minetest_game\nload_mod_a = true\nload_mod_ab = true\n  load_mod_a=false\n";
        let out = drop_load_mod_lines(text, &["a".to_owned()]);
        assert_eq!(out, b"gameid = minetest_game\nload_mod_ab = true\n");
    }
}
