//! A lesson folder: `lesson.toml` with `starter/` and `solution/` mods.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct LessonInfo {
    pub dir: PathBuf,
    /// The raw `lesson.toml`, parsed as TOML; the error text when it is not.
    pub manifest: Result<toml::Table, String>,
}

impl LessonInfo {
    pub fn read(dir: &Path) -> LessonInfo {
        let path = dir.join("lesson.toml");
        let manifest = std::fs::read_to_string(&path)
            .map_err(|error| error.to_string())
            .and_then(|text| {
                text.parse::<toml::Table>()
                    .map_err(|error| error.to_string())
            });
        LessonInfo {
            dir: dir.to_path_buf(),
            manifest,
        }
    }

    /// Folders of the lesson that hold mods (the pupil's starter, the solution).
    pub fn mod_folders(&self) -> Vec<PathBuf> {
        ["starter", "solution"]
            .iter()
            .map(|name| self.dir.join(name))
            .filter(|dir| dir.is_dir())
            .collect()
    }
}
