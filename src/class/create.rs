//! `mtedu class new DIR --lesson N alice bob…`: the class folder, written
//! whole in a hidden folder beside `DIR` and renamed into place, so a
//! failure (a bad name, a full disk) leaves nothing behind. Each pupil's
//! folder holds the lesson's starter exactly as `lessons start` gives it.

use std::path::{Path, PathBuf};

use super::config::ClassConfig;
use super::names::{NameProblem, check_names};
use super::secret::{class_code, teacher_token};
use crate::lessons::{BundledLesson, default_folder, start_lesson};
use crate::scaffold::ScaffoldError;

/// Why a class could not be made or opened.
#[derive(Debug)]
pub enum ClassError {
    NoPupils,
    BadNames(Vec<NameProblem>),
    /// `DIR` exists already: a class is never written over.
    Exists(PathBuf),
    Io(PathBuf, std::io::Error),
}

/// The class written.
#[derive(Debug, Clone)]
pub struct CreatedClass {
    pub dir: PathBuf,
    pub config: ClassConfig,
    /// Each pupil's mod folder, in the order of the pupils.
    pub mods: Vec<PathBuf>,
}

/// Writes the class folder `dir` for `pupils` doing `bundled`.
pub fn create_class(
    dir: &Path,
    bundled: &BundledLesson,
    pupils: &[String],
    engine: &str,
) -> Result<CreatedClass, ClassError> {
    if pupils.is_empty() {
        return Err(ClassError::NoPupils);
    }
    let problems = check_names(pupils);
    if !problems.is_empty() {
        return Err(ClassError::BadNames(problems));
    }
    if dir.symlink_metadata().is_ok() {
        return Err(ClassError::Exists(dir.to_path_buf()));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ClassError::Io(path, error)
    };
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let temp = tempfile::Builder::new()
        .prefix(".mtedu-class-")
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    let mod_name = default_folder(bundled);
    for pupil in pupils {
        let target = temp.path().join(pupil).join(&mod_name);
        start_lesson(bundled, &target).map_err(|error| match error {
            ScaffoldError::Io { path, error } => ClassError::Io(path, error),
            other => ClassError::Io(target.clone(), std::io::Error::other(format!("{other:?}"))),
        })?;
    }
    let config = ClassConfig {
        lesson: bundled.id.clone(),
        engine: engine.to_owned(),
        code: class_code().map_err(io(dir))?,
        teacher_token: teacher_token().map_err(io(dir))?,
        pupils: pupils.to_vec(),
    };
    config.write(temp.path()).map_err(io(dir))?;
    if dir.symlink_metadata().is_ok() {
        return Err(ClassError::Exists(dir.to_path_buf()));
    }
    let kept = temp.keep();
    std::fs::rename(&kept, dir).map_err(|error| {
        let _ = std::fs::remove_dir_all(&kept);
        ClassError::Io(dir.to_path_buf(), error)
    })?;
    Ok(CreatedClass {
        dir: dir.to_path_buf(),
        mods: pupils.iter().map(|p| dir.join(p).join(&mod_name)).collect(),
        config,
    })
}
