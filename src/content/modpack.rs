//! A modpack: a folder of mods marked by `modpack.conf` (or legacy `modpack.txt`).

use std::path::{Path, PathBuf};

use super::conf::ConfDoc;
use super::folder_name;

#[derive(Debug, Clone)]
pub struct ModpackInfo {
    pub dir: PathBuf,
    /// `name` from modpack.conf, else the folder name.
    pub name: String,
    pub conf: Option<ConfDoc>,
    pub has_modpack_txt: bool,
}

impl ModpackInfo {
    pub fn read(dir: &Path) -> ModpackInfo {
        let conf = ConfDoc::read(&dir.join("modpack.conf"));
        let name = conf
            .as_ref()
            .and_then(|conf| conf.get("name"))
            .filter(|name| !name.is_empty())
            .map_or_else(|| folder_name(dir), str::to_owned);
        ModpackInfo {
            dir: dir.to_path_buf(),
            name,
            conf,
            has_modpack_txt: dir.join("modpack.txt").is_file(),
        }
    }
}
