//! `mtedu new mod`: a new mod from a template, ready for `mtedu check` and
//! `mtedu test`. Names are checked first; the mod is written into a temp
//! folder beside the target and renamed into place, so a half-written mod
//! never appears. Prints nothing: `cli/new.rs` turns results into text.
//!
//! # Files
//!
//! `mtedu new mod`. `mod-templates/` holds minijinja files embedded with
//! rust-embed: `common/` (mod.conf, README, LICENSE, .luacheckrc) then one
//! folder per template (init.lua, locale, spec), `MODNAME` in a path
//! becoming the mod name and `say("fr", "en")` choosing the language.
//! `template.rs` lists the templates and what each needs; `texture.rs`
//! draws their 16×16 PNGs in code (`picture_png` gives lessons the same
//! drawings, and the examples' from `example_art.rs`); `render.rs` renders;
//! `mod.rs` checks the name and writes into a temp folder beside the target
//! before renaming it into place, never over an existing folder;
//! `folders.rs` makes `mtedu new lesson` and `mtedu new game` from the mod
//! templates plus `mod-templates/lesson/` and `mod-templates/game/`.
//! `tests/it/scaffold.rs` checks that every template, in both languages,
//! gives a mod with no finding whose specs all pass.

mod example_art;
mod folders;
mod render;
mod template;
mod texture;

use std::path::{Path, PathBuf};

pub use folders::{NewFolderOptions, new_game, new_lesson};
pub use template::Template;
pub use texture::picture_png;

use crate::content::names::RESERVED_NAMES;
use crate::content::{is_valid_mod_name, suggest_mod_name};
use crate::i18n::Lang;

/// What to create: the plain values behind `mtedu new mod`.
#[derive(Debug, Clone)]
pub struct NewModOptions {
    /// The mod name, also the folder name.
    pub name: String,
    pub template: Template,
    /// Language of comments, README and description.
    pub lang: Lang,
    /// Written into mod.conf and LICENSE.txt when not empty.
    pub author: String,
    /// Folder that receives the new mod folder.
    pub parent: PathBuf,
}

/// The mod written: its folder and its files, relative to it, sorted.
#[derive(Debug, Clone)]
pub struct CreatedMod {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
}

/// Why no mod was written; each case has its own message in the catalogues.
#[derive(Debug)]
pub enum ScaffoldError {
    /// Letters other than `[a-z0-9_]`: `suggestion` is a valid name close to it.
    InvalidName { name: String, suggestion: String },
    /// A Lua keyword or a name the engine keeps for itself.
    ReservedName { name: String },
    /// Something already exists there: mtedu never overwrites a pupil's work.
    Exists { path: PathBuf },
    /// Writing failed (no room, no permission…).
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Checks the name, renders the template and moves the finished mod into
/// `parent/name`.
pub fn new_mod(options: &NewModOptions) -> Result<CreatedMod, ScaffoldError> {
    let name = options.name.as_str();
    if !is_valid_mod_name(name) {
        return Err(ScaffoldError::InvalidName {
            name: name.to_owned(),
            suggestion: suggest_mod_name(name),
        });
    }
    if RESERVED_NAMES.contains(&name) {
        return Err(ScaffoldError::ReservedName {
            name: name.to_owned(),
        });
    }
    let target = options.parent.join(name);
    if target.symlink_metadata().is_ok() {
        return Err(ScaffoldError::Exists { path: target });
    }
    let files = render::render(options).map_err(|error| ScaffoldError::Io {
        path: target.clone(),
        error,
    })?;
    create(&options.parent, target, files)
}

/// Writes `files` as the new folder `target` in `parent` (see
/// [`write_atomically`]) and says what was created.
pub(crate) fn create(
    parent: &Path,
    target: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
) -> Result<CreatedMod, ScaffoldError> {
    write_atomically(parent, &target, &files)?;
    let mut names: Vec<PathBuf> = files.into_iter().map(|(path, _)| path).collect();
    names.sort();
    Ok(CreatedMod {
        dir: target,
        files: names,
    })
}

/// Writes `files` into a temp folder in `parent`, then renames it to `target`.
pub(crate) fn write_atomically(
    parent: &Path,
    target: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), ScaffoldError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ScaffoldError::Io { path, error }
    };
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let temp = tempfile::Builder::new()
        .prefix(".mtedu-new-")
        .tempdir_in(parent)
        .map_err(io(parent))?;
    for (relative, bytes) in files {
        let path = temp.path().join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    if target.symlink_metadata().is_ok() {
        return Err(ScaffoldError::Exists {
            path: target.to_path_buf(),
        });
    }
    let temp = temp.keep();
    std::fs::rename(&temp, target).map_err(|error| {
        let _ = std::fs::remove_dir_all(&temp);
        ScaffoldError::Io {
            path: target.to_path_buf(),
            error,
        }
    })
}

/// "mon_bloc" → "Mon bloc": the title shown in the game's mod list.
pub fn title_of(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let spaced = spaced.trim();
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The language code templates test with `lang == "fr"`.
fn lang_code(lang: Lang) -> &'static str {
    lang.code()
}
