//! A texture pack: `texture_pack.conf` and image files.

use std::path::{Path, PathBuf};

use super::conf::ConfDoc;

#[derive(Debug, Clone)]
pub struct TexturePackInfo {
    pub dir: PathBuf,
    pub conf: Option<ConfDoc>,
}

impl TexturePackInfo {
    pub fn read(dir: &Path) -> TexturePackInfo {
        TexturePackInfo {
            dir: dir.to_path_buf(),
            conf: ConfDoc::read(&dir.join("texture_pack.conf")),
        }
    }
}
