//! What this PC has: where the engine keeps its games (share folders) and
//! where the user's mods, games and worlds live (user folders).
//!
//! Knows the Debian/Ubuntu packages, `/usr/local` builds, flatpak, and both
//! names of the engine (Minetest ≤ 5.9 and Luanti 5.10+).

use std::path::PathBuf;

use crate::content::{ContentKind, classify, subfolders};

/// The engine folders found on this PC.
#[derive(Debug, Clone, Default)]
pub struct Host {
    /// Read-only folders shipped with the engine (`…/share/minetest`).
    pub share_dirs: Vec<PathBuf>,
    /// The user's folders (`~/.minetest`, `~/.luanti`, flatpak).
    pub user_dirs: Vec<PathBuf>,
}

/// Share folders, most common first.
const SHARE_CANDIDATES: &[&str] = &[
    "/usr/share/games/minetest",
    "/usr/share/minetest",
    "/usr/share/luanti",
    "/usr/local/share/minetest",
    "/usr/local/share/luanti",
    "/var/lib/flatpak/app/net.minetest.Minetest/current/active/files/share/minetest",
    "/var/lib/flatpak/app/org.luanti.luanti/current/active/files/share/luanti",
];

/// User folders relative to `$HOME`.
const USER_CANDIDATES: &[&str] = &[
    ".minetest",
    ".luanti",
    ".var/app/net.minetest.Minetest/.minetest",
    ".var/app/org.luanti.luanti/.minetest",
];

impl Host {
    /// Looks at the usual places, plus `MINETEST_USER_PATH` when set.
    pub fn detect() -> Host {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let mut share_dirs: Vec<PathBuf> = SHARE_CANDIDATES.iter().map(PathBuf::from).collect();
        if let Some(home) = &home {
            share_dirs.push(home.join(
                ".local/share/flatpak/app/net.minetest.Minetest/current/active/files/share/minetest",
            ));
        }
        let mut user_dirs: Vec<PathBuf> = std::env::var_os("MINETEST_USER_PATH")
            .map(PathBuf::from)
            .into_iter()
            .collect();
        if let Some(home) = &home {
            user_dirs.extend(USER_CANDIDATES.iter().map(|dir| home.join(dir)));
        }
        Host {
            share_dirs: share_dirs.into_iter().filter(|dir| dir.is_dir()).collect(),
            user_dirs: user_dirs.into_iter().filter(|dir| dir.is_dir()).collect(),
        }
    }

    /// A host with nothing installed, for reproducible runs (`--no-installed`).
    pub fn empty() -> Host {
        Host::default()
    }

    fn roots(&self) -> impl Iterator<Item = &PathBuf> {
        self.share_dirs.iter().chain(self.user_dirs.iter())
    }

    /// Every installed game folder, share folders first.
    pub fn game_dirs(&self) -> Vec<PathBuf> {
        self.roots()
            .flat_map(|root| subfolders(&root.join("games")))
            .filter(|dir| classify(dir) == Some(ContentKind::Game))
            .collect()
    }

    /// The installed game with this id (folder name); user games win, as in the engine.
    pub fn find_game(&self, id: &str) -> Option<PathBuf> {
        self.game_dirs()
            .into_iter()
            .rev()
            .find(|dir| dir.file_name().is_some_and(|name| name == id))
    }

    /// The user's `mods/` folders that exist.
    pub fn user_mod_dirs(&self) -> Vec<PathBuf> {
        self.user_dirs
            .iter()
            .map(|dir| dir.join("mods"))
            .filter(|dir| dir.is_dir())
            .collect()
    }
}
