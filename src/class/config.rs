//! `class.toml`, at the top of a class folder: which lesson, which server,
//! who the pupils are, the class code pupils type to push their work and
//! the teacher token that opens the dashboard. Written through a temporary
//! file and a rename.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file's name in the class folder.
pub const CLASS_FILE: &str = "class.toml";
/// mtedu's own folder in a class folder (worlds, incoming pushes); hidden,
/// so `mtedu check DIR` never takes it for a pupil's work.
pub const STATE_DIR: &str = ".mtedu-class";

/// What `class.toml` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassConfig {
    /// The bundled lesson's id (`01-first-block`).
    pub lesson: String,
    /// The server program (`auto`: the first one found, as `serve` does).
    pub engine: String,
    /// Typed by pupils on `class join`: six characters, shown on the projector.
    pub code: String,
    /// Opens the dashboard; printed only in the animator's terminal.
    pub teacher_token: String,
    /// One folder each, in the order given.
    pub pupils: Vec<String>,
}

/// Why `class.toml` could not be used.
#[derive(Debug)]
pub enum ConfigError {
    Missing(PathBuf),
    Unreadable(PathBuf, std::io::Error),
    /// Not the shape above: the parser's words (line and column included).
    Invalid(PathBuf, String),
}

impl ClassConfig {
    /// Reads `<dir>/class.toml`.
    pub fn read(dir: &Path) -> Result<ClassConfig, ConfigError> {
        let path = dir.join(CLASS_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(ConfigError::Missing(path));
            }
            Err(error) => return Err(ConfigError::Unreadable(path, error)),
        };
        toml::from_str(&text).map_err(|error| ConfigError::Invalid(path, error.to_string()))
    }

    /// The file's text: a comment saying what the token is for, then the keys.
    pub fn to_text(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# mtedu class: the pupils, their lesson and this class's secrets.\n\
             # `code` is for the pupils (mtedu class join); keep `teacher_token` to yourself.\n{body}"
        )
    }

    /// Writes `<dir>/class.toml` through a temporary file and a rename.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        crate::serve::world::write_atomically(&dir.join(CLASS_FILE), self.to_text().as_bytes())
            .map_err(|error| std::io::Error::other(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_toml_reads_back_what_was_written() {
        let temp = tempfile::tempdir().unwrap();
        let config = ClassConfig {
            lesson: "01-first-block".into(),
            engine: "auto".into(),
            code: "K7P2QX".into(),
            teacher_token: "T".repeat(24),
            pupils: vec!["alice".into(), "bob".into()],
        };
        config.write(temp.path()).unwrap();
        assert_eq!(ClassConfig::read(temp.path()).unwrap(), config);
        std::fs::write(temp.path().join(CLASS_FILE), "lesson = 3\n").unwrap();
        assert!(matches!(
            ClassConfig::read(temp.path()),
            Err(ConfigError::Invalid(_, _))
        ));
    }
}
