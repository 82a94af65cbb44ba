//! Where `serve` keeps its files: everything of its own lives in the
//! world's `mtedu/` folder (the one place the companion mod may write),
//! backups next to the world.

use std::path::{Path, PathBuf};

use crate::content::served;

/// The folders and files of one served world.
#[derive(Debug, Clone)]
pub struct Layout {
    pub world: PathBuf,
    /// `<world>/mtedu`: serve's own files (left out of backups).
    pub state: PathBuf,
    /// Requests, results and events shared with the companion mod.
    pub io: PathBuf,
    /// One link per watched mod, pointing at the pupil's folder: the
    /// server reads the very files the pupil edits.
    pub mods: PathBuf,
    /// Holds `mtedu_companion/`, a mods folder listed before `mods`, so
    /// the companion loads first.
    pub companion: PathBuf,
    /// The last version of each watched mod that passed the checks, used
    /// when the server must restart while the pupil's files are broken.
    pub last_good: PathBuf,
    /// The server's own minetest.conf.
    pub config: PathBuf,
    pub log: PathBuf,
    /// Taken while a `serve` runs on this world.
    pub lock: PathBuf,
    /// `<world>.backups/` next to the world.
    pub backups: PathBuf,
}

impl Layout {
    pub fn new(world: &Path) -> Layout {
        let world = std::path::absolute(world).unwrap_or_else(|_| world.to_path_buf());
        let state = world.join(served::STATE_DIR);
        let name = world
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "world".to_owned());
        let backups = world
            .parent()
            .unwrap_or(Path::new("/"))
            .join(format!("{name}.backups"));
        Layout {
            io: state.join("io"),
            mods: state.join("mods"),
            companion: state.join("companion"),
            last_good: state.join("last-good"),
            config: state.join("server.conf"),
            log: state.join("server.log"),
            lock: state.join(served::LOCK_FILE),
            state,
            backups,
            world,
        }
    }

    /// The folder the server loads `mod` from while it is good.
    pub fn link(&self, mod_name: &str) -> PathBuf {
        self.mods.join(mod_name)
    }
}
