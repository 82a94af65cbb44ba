//! A world: `world.mt`, optional `worldmods/` and world-specific `game/`.

use std::path::{Path, PathBuf};

use super::conf::ConfDoc;

#[derive(Debug, Clone)]
pub struct WorldInfo {
    pub dir: PathBuf,
    pub conf: Option<ConfDoc>,
}

impl WorldInfo {
    pub fn read(dir: &Path) -> WorldInfo {
        WorldInfo {
            dir: dir.to_path_buf(),
            conf: ConfDoc::read(&dir.join("world.mt")),
        }
    }

    /// The `gameid` the world asks for; the engine defaults it to `minetest`
    /// (minetest_game) when absent.
    pub fn gameid(&self) -> Option<&str> {
        self.conf.as_ref().and_then(|conf| conf.get("gameid"))
    }

    pub fn worldmods_dir(&self) -> PathBuf {
        self.dir.join("worldmods")
    }

    /// A world that carries its own game loads nothing from elsewhere.
    pub fn own_game_dir(&self) -> Option<PathBuf> {
        let dir = self.dir.join("game");
        dir.is_dir().then_some(dir)
    }
}
