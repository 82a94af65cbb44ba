//! A game: `game.conf` plus a `mods/` folder.

use std::path::{Path, PathBuf};

use super::conf::ConfDoc;
use super::folder_name;

#[derive(Debug, Clone)]
pub struct GameInfo {
    pub dir: PathBuf,
    /// The game id: the folder name (what `gameid` in world.mt refers to).
    pub id: String,
    pub conf: Option<ConfDoc>,
    pub has_mods_dir: bool,
}

impl GameInfo {
    pub fn read(dir: &Path) -> GameInfo {
        GameInfo {
            dir: dir.to_path_buf(),
            id: folder_name(dir),
            conf: ConfDoc::read(&dir.join("game.conf")),
            has_mods_dir: dir.join("mods").is_dir(),
        }
    }

    /// The folder whose children are the game's mods and modpacks.
    pub fn mods_dir(&self) -> PathBuf {
        self.dir.join("mods")
    }
}
