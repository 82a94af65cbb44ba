//! The lesson a pupil's copy is of, as mtedu ships it: the copy's hidden
//! `.mtedu-lesson/` folder is the pupil's to edit (an objective check
//! rewritten to always pass, an objective deleted from lesson.toml), so its
//! checks never run; the lesson is found by the id in the copy's
//! lesson.toml and its own lesson.toml and checks are run instead, from a
//! temporary folder.

use std::path::Path;

use super::bundled::{bundled_lessons, lesson_file, lesson_files};
use crate::content::{LessonInfo, PUPIL_LESSON_DIR};

/// A shipped lesson's lesson.toml and checks, written out to be run.
pub struct ShippedLesson {
    /// Removed with the value: the checks are read from it.
    temp: tempfile::TempDir,
    pub info: LessonInfo,
}

impl ShippedLesson {
    /// `text` with the temporary folder's paths shown as the copy's
    /// hidden folder `copy` (messages of failing checks name their file).
    pub fn as_in_copy(&self, text: &str, copy: &Path) -> String {
        let temp = self.temp.path().join(PUPIL_LESSON_DIR);
        text.replace(
            &temp.display().to_string(),
            &copy.join(PUPIL_LESSON_DIR).display().to_string(),
        )
    }
}

/// The shipped lesson whose id is `id`; none when mtedu ships no such
/// lesson (or its files cannot be written out).
pub fn shipped_lesson(id: &str) -> Option<ShippedLesson> {
    let bundled = bundled_lessons().into_iter().find(|b| b.id == id)?;
    let temp = tempfile::Builder::new()
        .prefix("mtedu-lesson-")
        .tempdir()
        .ok()?;
    // The folder keeps the copy's name: lesson.toml's id is not compared
    // with a folder name there.
    let dir = temp.path().join(PUPIL_LESSON_DIR);
    let mut files = vec![(
        "lesson.toml".to_owned(),
        lesson_file(&bundled.id, "lesson.toml")?,
    )];
    for (path, bytes) in lesson_files(&bundled.id, "checks") {
        files.push((format!("checks/{path}"), bytes));
    }
    for (path, bytes) in files {
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent()?).ok()?;
        std::fs::write(&target, bytes).ok()?;
    }
    let info = LessonInfo::read(&dir);
    Some(ShippedLesson { temp, info })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shipped_lesson_is_found_by_id_with_its_checks() {
        let shipped = shipped_lesson("01-first-block").expect("lesson 1 is shipped");
        assert!(shipped.info.file.is_usable());
        assert_eq!(shipped.info.file.lesson.objectives.len(), 4);
        assert!(!shipped.info.checks.is_empty());
        assert!(shipped_lesson("99-made-up").is_none());
        let temp = shipped.info.dir.display().to_string();
        assert_eq!(
            shipped.as_in_copy(
                &format!("{temp}/checks/x_spec.lua:3: no"),
                Path::new("alice")
            ),
            "alice/.mtedu-lesson/checks/x_spec.lua:3: no"
        );
    }
}
