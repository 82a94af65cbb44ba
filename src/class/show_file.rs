//! "Show the file" on the dashboard: one file of one pupil's folder, with
//! its lines numbered, for the teacher to look at the error line. Only a
//! plain relative path inside that pupil's folder is read (no `..`, no
//! absolute path, no hidden folder, no link leading out of it), and at
//! most [`MAX_FILE`] bytes.

use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

/// A pupil's Lua file is a few kilobytes; anything this big is not one.
pub const MAX_FILE: u64 = 512 * 1024;

/// Why a file is not shown.
#[derive(Debug, PartialEq, Eq)]
pub enum NotShown {
    /// Not a pupil of this class.
    UnknownPupil,
    /// The path leaves the pupil's folder, or names something hidden.
    Outside,
    /// Missing, not a plain file, too big, unreadable.
    Unreadable(String),
}

/// The file `file` of `pupil` (in `pupils`, each `<class>/<pupil>`) as
/// `{file, lines: [text…]}`.
pub fn show(
    class_dir: &Path,
    pupils: &[String],
    pupil: &str,
    file: &str,
) -> Result<Value, NotShown> {
    if !pupils.iter().any(|p| p == pupil) {
        return Err(NotShown::UnknownPupil);
    }
    let relative = Path::new(file);
    let plain = relative.components().all(
        |part| matches!(part, Component::Normal(name) if !name.to_string_lossy().starts_with('.')),
    );
    if file.is_empty() || !plain || file.contains('\\') {
        return Err(NotShown::Outside);
    }
    let folder = std::fs::canonicalize(class_dir.join(pupil))
        .map_err(|e| NotShown::Unreadable(e.to_string()))?;
    let path: PathBuf = std::fs::canonicalize(folder.join(relative))
        .map_err(|e| NotShown::Unreadable(e.to_string()))?;
    if !path.starts_with(&folder) {
        return Err(NotShown::Outside);
    }
    let bytes = crate::bounded_read::read_regular_capped(&path, MAX_FILE)
        .map_err(|e| NotShown::Unreadable(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    Ok(json!({"file": file, "pupil": pupil, "lines": lines}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_inside_the_pupils_own_folder_is_shown() {
        let temp = tempfile::tempdir().unwrap();
        let class = temp.path().join("cm2");
        for pupil in ["alice", "bob"] {
            std::fs::create_dir_all(class.join(pupil).join("m/.mtedu-lesson")).unwrap();
            std::fs::write(class.join(pupil).join("m/init.lua"), "a\nb\n").unwrap();
        }
        std::fs::write(temp.path().join("secret.txt"), "no").unwrap();
        std::os::unix::fs::symlink(
            temp.path().join("secret.txt"),
            class.join("alice/m/out.lua"),
        )
        .unwrap();
        let pupils = vec!["alice".to_owned(), "bob".to_owned()];
        let shown = show(&class, &pupils, "alice", "m/init.lua").unwrap();
        assert_eq!(shown["lines"], json!(["a", "b"]));
        for bad in [
            "../bob/m/init.lua",
            "/etc/passwd",
            "m/../../secret.txt",
            "m/.mtedu-lesson/lesson.toml",
            "",
        ] {
            assert_eq!(
                show(&class, &pupils, "alice", bad),
                Err(NotShown::Outside),
                "{bad}"
            );
        }
        assert_eq!(
            show(&class, &pupils, "alice", "m/out.lua"),
            Err(NotShown::Outside),
            "a link out of the folder"
        );
        assert_eq!(
            show(&class, &pupils, "../alice", "m/init.lua"),
            Err(NotShown::UnknownPupil)
        );
        assert!(matches!(
            show(&class, &pupils, "bob", "m"),
            Err(NotShown::Unreadable(_))
        ));
    }
}
