//! Where `serve` keeps its files: beside the world, in `.<world>.mtedu/`
//! (`content::served::state_dir`), where mod security lets no mod of the
//! server read or write (the world folder itself is writable by every
//! mod); backups in `<world>.backups/`.

use std::path::{Path, PathBuf};

use crate::content::served;

/// The folders and files of one served world.
#[derive(Debug, Clone)]
pub struct Layout {
    pub world: PathBuf,
    /// `.<world>.mtedu` beside the world: serve's own files.
    pub state: PathBuf,
    /// `<world>/mtedu`, where an older serve kept its files (moved out).
    pub legacy_state: PathBuf,
    /// Requests (written by mtedu) and the companion's answers and events
    /// (written through a file it opened while loading): inside the
    /// companion's own folder, which every mod may read and no other mod
    /// may write.
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
    /// An empty mod per watched mod switched off (it froze the server).
    pub switched_off: PathBuf,
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
        let state = served::state_dir(&world);
        let name = world
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "world".to_owned());
        let backups = world
            .parent()
            .unwrap_or(Path::new("/"))
            .join(format!("{name}.backups"));
        let companion = state.join("companion");
        Layout {
            io: companion.join(served::COMPANION_NAME).join("io"),
            companion,
            legacy_state: world.join(served::LEGACY_STATE_DIR),
            mods: state.join("mods"),
            last_good: state.join("last-good"),
            switched_off: state.join("switched-off"),
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
