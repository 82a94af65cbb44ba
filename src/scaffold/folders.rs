//! `mtedu new lesson NAME` and `mtedu new game NAME`: folders that hold
//! mods, built from the same templates as `mtedu new mod` plus
//! `mod-templates/lesson/` and `mod-templates/game/`, and written the same
//! way (a temp folder renamed into place, never over existing work).
//!
//! A new lesson's starter is the `empty` template and its solution the
//! `node` template, so its one objective ("make a block") is met by the
//! solution and not by the starter. A new game has one `empty` mod.

use std::path::{Path, PathBuf};

use super::render::{FolderValues, render, render_folder};
use super::{CreatedMod, NewModOptions, ScaffoldError, Template, title_of};
use crate::content::suggest_mod_name;
use crate::i18n::Lang;

/// What to create: the plain values behind `mtedu new lesson|game`.
#[derive(Debug, Clone)]
pub struct NewFolderOptions {
    /// The folder name: `[a-z0-9_-]`, e.g. `07-my-lesson`.
    pub name: String,
    pub lang: Lang,
    pub author: String,
    pub parent: PathBuf,
}

/// Names for lesson and game folders: what the engine accepts as a game id
/// and lessons use as ids.
fn valid_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The mod inside: the folder name without a leading lesson number, with
/// `_` for `-` (`07-my-lesson` → `my_lesson`).
fn mod_name_of(name: &str) -> String {
    let rest = name.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
    let candidate = if rest.is_empty() { name } else { rest };
    suggest_mod_name(&candidate.replace('-', "_"))
}

fn check_name(options: &NewFolderOptions) -> Result<PathBuf, ScaffoldError> {
    if !valid_folder_name(&options.name) {
        return Err(ScaffoldError::InvalidName {
            name: options.name.clone(),
            suggestion: suggest_mod_name(&options.name).replace('_', "-"),
        });
    }
    let target = options.parent.join(&options.name);
    if target.symlink_metadata().is_ok() {
        return Err(ScaffoldError::Exists { path: target });
    }
    Ok(target)
}

/// The files of mod `modname` from `template`, under `prefix`.
fn mod_files(
    options: &NewFolderOptions,
    modname: &str,
    template: Template,
    prefix: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, ScaffoldError> {
    let mod_options = NewModOptions {
        name: modname.to_owned(),
        template,
        lang: options.lang,
        author: options.author.clone(),
        parent: options.parent.clone(),
    };
    let files = render(&mod_options).map_err(|error| ScaffoldError::Io {
        path: options.parent.join(&options.name),
        error,
    })?;
    Ok(files
        .into_iter()
        .map(|(path, bytes)| (prefix.join(path), bytes))
        .collect())
}

fn folder_files(
    options: &NewFolderOptions,
    folder: &str,
    modname: &str,
) -> Result<Vec<(PathBuf, Vec<u8>)>, ScaffoldError> {
    let values = FolderValues {
        modname: modname.to_owned(),
        title: title_of(&mod_name_of(&options.name)),
        id: options.name.clone(),
        author: options.author.clone(),
    };
    render_folder(folder, &values, options.lang).map_err(|error| ScaffoldError::Io {
        path: options.parent.join(&options.name),
        error,
    })
}

/// A new lesson folder ready for `mtedu check`: lesson.toml, handout.md,
/// starter/, solution/ and checks/.
pub fn new_lesson(options: &NewFolderOptions) -> Result<CreatedMod, ScaffoldError> {
    let target = check_name(options)?;
    let modname = mod_name_of(&options.name);
    let mut files = folder_files(options, "lesson", &modname)?;
    files.extend(mod_files(
        options,
        &modname,
        Template::Empty,
        Path::new("starter"),
    )?);
    files.extend(mod_files(
        options,
        &modname,
        Template::Node,
        Path::new("solution"),
    )?);
    super::create(&options.parent, target, files)
}

/// A new game folder: game.conf and one mod in `mods/`.
pub fn new_game(options: &NewFolderOptions) -> Result<CreatedMod, ScaffoldError> {
    let target = check_name(options)?;
    let modname = mod_name_of(&options.name);
    let mut files = folder_files(options, "game", &modname)?;
    let mod_dir = Path::new("mods").join(&modname);
    files.extend(mod_files(options, &modname, Template::Empty, &mod_dir)?);
    super::create(&options.parent, target, files)
}

#[cfg(test)]
mod tests {
    use super::mod_name_of;

    #[test]
    fn the_mod_is_named_after_the_folder_without_its_number() {
        assert_eq!(mod_name_of("07-my-lesson"), "my_lesson");
        assert_eq!(mod_name_of("castle"), "castle");
    }
}
