//! `mtedu lessons start ID [DIR]`: a pupil's copy of a bundled lesson. The
//! starter mod becomes `DIR` (default: the starter's mod name), with
//! `handout.md` beside its files and lesson.toml plus `checks/` in the
//! hidden `.mtedu-lesson/` folder, where `mtedu check` finds the
//! objectives. Written into a temp folder and renamed into place, never
//! over an existing folder.

use std::path::{Path, PathBuf};

use super::bundled::{BundledLesson, lesson_file, lesson_files};
use crate::content::{ConfFile, PUPIL_LESSON_DIR};
use crate::scaffold::{ScaffoldError, write_atomically};

/// The copy written: its folder and the handout to read first.
#[derive(Debug, Clone)]
pub struct StartedLesson {
    pub dir: PathBuf,
    pub handout: PathBuf,
}

/// The folder name a lesson's copy gets by default: the starter's mod name.
pub fn default_folder(bundled: &BundledLesson) -> String {
    lesson_files(&bundled.id, "starter")
        .into_iter()
        .find(|(path, _)| path == "mod.conf")
        .and_then(|(_, bytes)| {
            ConfFile::parse_bytes(&bytes)
                .get("name")
                .map(|entry| entry.value.clone())
        })
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| bundled.id.clone())
}

/// Copies the lesson's starter into `target` for a pupil.
pub fn start_lesson(
    bundled: &BundledLesson,
    target: &Path,
) -> Result<StartedLesson, ScaffoldError> {
    if target.symlink_metadata().is_ok() {
        return Err(ScaffoldError::Exists {
            path: target.to_path_buf(),
        });
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = lesson_files(&bundled.id, "starter")
        .into_iter()
        .map(|(path, bytes)| (PathBuf::from(path), bytes))
        .collect();
    let hidden = PathBuf::from(PUPIL_LESSON_DIR);
    for (path, bytes) in lesson_files(&bundled.id, "checks") {
        files.push((hidden.join("checks").join(path), bytes));
    }
    for name in ["lesson.toml", "handout.md"] {
        if let Some(bytes) = lesson_file(&bundled.id, name) {
            let path = if name == "handout.md" {
                PathBuf::from(name)
            } else {
                hidden.join(name)
            };
            files.push((path, bytes));
        }
    }
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    write_atomically(&parent, target, &files)?;
    Ok(StartedLesson {
        dir: target.to_path_buf(),
        handout: target.join("handout.md"),
    })
}
