//! What this PC has: where the engine keeps its games (share folders) and
//! where the user's mods, games and worlds live (user folders).
//!
//! Knows the Debian/Ubuntu packages, `/usr/local` builds, flatpak, and both
//! names of the engine (Minetest ≤ 5.9 and Luanti 5.10+). Every search starts
//! from a [`HostEnv`], so tests can point it at a fake tree; `engines` finds
//! the engine programs and `doctor` sums everything up for `mtedu doctor`.
//!
//! # Files
//!
//! What this PC has. `mod.rs`: `HostEnv` (root, `$HOME`, `$PATH`, read
//! once; tests pass a temp dir) and `Host`, the share and user folders;
//! `engines.rs` finds the engine programs and flatpak apps and asks each
//! `--version` under a timeout; `version_cache.rs` keeps what a server
//! answered while its files are unchanged; `doctor.rs` builds the plain `DoctorReport`
//! (engines, games, user folders, what is missing with its fix command)
//! that `cli/doctor.rs` renders.

pub mod doctor;
pub mod engines;
pub mod version_cache;

use std::path::PathBuf;
use std::time::Duration;

use crate::content::{ContentKind, classify, subfolders};

/// Where to look, read once from the environment. Tests build their own
/// (a temp dir as `root`, a fake `home`) so that discovery never depends on
/// what the test machine has installed.
#[derive(Debug, Clone)]
pub struct HostEnv {
    /// Prefix of every system path (`/usr/games`, `/var/lib/flatpak`…): `/` for real.
    pub root: PathBuf,
    /// The user's home folder (`$HOME`).
    pub home: Option<PathBuf>,
    /// `$MINETEST_USER_PATH`, which the engine uses instead of `~/.minetest`.
    pub user_path: Option<PathBuf>,
    /// The folders of `$PATH`, in order.
    pub path_dirs: Vec<PathBuf>,
    /// Where mtedu keeps what it may forget (`$XDG_CACHE_HOME/mtedu`,
    /// else `~/.cache/mtedu`); `None`: nothing is kept.
    pub cache_dir: Option<PathBuf>,
    /// How long an engine program may take to answer `--version` before it is killed.
    pub version_timeout: Duration,
    /// True for root, who installs packages without `sudo` (a Debian set
    /// up without sudo has only root to do it).
    pub is_root: bool,
}

impl HostEnv {
    /// The real machine: `/`, `$HOME`, `$MINETEST_USER_PATH`, `$PATH`.
    pub fn from_env() -> HostEnv {
        let path = std::env::var_os("PATH").unwrap_or_default();
        HostEnv {
            root: PathBuf::from("/"),
            home: std::env::var_os("HOME")
                .filter(|home| !home.is_empty())
                .map(PathBuf::from),
            user_path: std::env::var_os("MINETEST_USER_PATH")
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from),
            path_dirs: std::env::split_paths(&path)
                .filter(|dir| dir.is_absolute())
                .collect(),
            cache_dir: cache_dir(),
            version_timeout: Duration::from_secs(3),
            is_root: is_root(),
        }
    }

    /// `absolute` (such as `/usr/games`) under this environment's root.
    pub fn system(&self, absolute: &str) -> PathBuf {
        self.root.join(absolute.trim_start_matches('/'))
    }

    /// `relative` under the home folder, when there is one.
    pub fn in_home(&self, relative: &str) -> Option<PathBuf> {
        self.home.as_deref().map(|home| home.join(relative))
    }

    /// Every user folder the engine might use, existing or not:
    /// `$MINETEST_USER_PATH` first, then the usual ones under `$HOME`.
    pub fn user_dir_candidates(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self.user_path.iter().cloned().collect();
        if let Some(home) = &self.home {
            dirs.extend(USER_CANDIDATES.iter().map(|dir| home.join(dir)));
        }
        dirs
    }

    /// Where flatpak installs the app `id`, system-wide then for this user.
    pub fn flatpak_app_dirs(&self, id: &str) -> Vec<PathBuf> {
        let mut dirs = vec![self.system("/var/lib/flatpak/app").join(id)];
        dirs.extend(
            self.in_home(".local/share/flatpak/app")
                .map(|dir| dir.join(id)),
        );
        dirs
    }
}

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
        Host::detect_in(&HostEnv::from_env())
    }

    /// Looks at the usual places of `env`; only folders that exist are kept.
    pub fn detect_in(env: &HostEnv) -> Host {
        let mut share_dirs: Vec<PathBuf> =
            SHARE_CANDIDATES.iter().map(|dir| env.system(dir)).collect();
        share_dirs.extend(env.in_home(
            ".local/share/flatpak/app/net.minetest.Minetest/current/active/files/share/minetest",
        ));
        Host {
            share_dirs: share_dirs.into_iter().filter(|dir| dir.is_dir()).collect(),
            user_dirs: env
                .user_dir_candidates()
                .into_iter()
                .filter(|dir| dir.is_dir())
                .collect(),
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

    /// The game folder a command loads: `--game` as a folder with game.conf
    /// or an installed id; without it, minetest_game (when installed) if
    /// `default_game` is asked. `Err(name)` when a named game is not found.
    pub fn game_dir(
        &self,
        game: Option<&str>,
        default_game: bool,
    ) -> Result<Option<PathBuf>, String> {
        match game {
            Some(game) if std::path::Path::new(game).join("game.conf").is_file() => {
                Ok(Some(PathBuf::from(game)))
            }
            Some(game) => self
                .find_game(game)
                .map(Some)
                .ok_or_else(|| game.to_owned()),
            None if default_game => Ok(self.find_game("minetest_game")),
            None => Ok(None),
        }
    }

    /// The user's `mods/` folders that exist.
    pub fn user_mod_dirs(&self) -> Vec<PathBuf> {
        self.user_dirs
            .iter()
            .map(|dir| dir.join("mods"))
            .filter(|dir| dir.is_dir())
            .collect()
    }

    /// Every `mods/` folder whose mods a server can enable next to a game
    /// from a share folder: the share folders' (where Debian's
    /// `minetest-mod-*` packages go) then the user's. A mod checked alone
    /// finds its dependencies here, as on the PC that will run it.
    pub fn installed_mod_dirs(&self) -> Vec<PathBuf> {
        let share = self
            .share_dirs
            .iter()
            .map(|dir| dir.join("mods"))
            .filter(|dir| dir.is_dir());
        share.chain(self.user_mod_dirs()).collect()
    }
}

/// `$XDG_CACHE_HOME/mtedu` when it is an absolute path (as the XDG
/// specification asks), else `~/.cache/mtedu`.
fn cache_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute());
    let home = || {
        std::env::var_os("HOME")
            .filter(|home| !home.is_empty())
            .map(|home| PathBuf::from(home).join(".cache"))
    };
    xdg.or_else(home).map(|dir| dir.join("mtedu"))
}

/// True when this process runs as root.
#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and only reads the process's ids.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(not(unix))]
fn is_root() -> bool {
    false
}
