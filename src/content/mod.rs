//! What is on disk, parsed: mods, modpacks, games, worlds, texture packs and
//! lessons, and the files inside them (conf files, `depends.txt`,
//! `settingtypes.txt`, `locale/*.tr`).
//!
//! This module reads files and never writes; it never fails on bad input:
//! what it cannot understand is recorded for the validation rules to report.
//!
//! # Files
//!
//! The content model. `conf.rs` parses the engine's `Settings` syntax
//! (mod.conf, game.conf, world.mt…); one file per kind (mod, modpack, game,
//! world, texture pack, lesson); `translation.rs` and `settingtypes.rs`
//! parse `locale/*.tr` and `settingtypes.txt` the way the engine does
//! (`locale.rs` lists a mod's translation files, `setting_values.rs` checks
//! setting defaults); `workspace.rs` finds everything under the user's
//! paths; `discover.rs` classifies a folder by its marker files (world.mt
//! before lesson.toml: a packed lesson is a world). `lesson_toml.rs` reads
//! lesson.toml into a typed `Lesson`, keeping the line of every problem;
//! `lesson.rs` also lists `checks/*_spec.lua` with their `describe` names
//! and finds a pupil's copy (`.mtedu-lesson/`). `access.rs` tells
//! unreadable from missing: discovery lists every folder and opens every
//! file of the content found (dot-folders and links left out) and keeps
//! what cannot be read in `Workspace::unreadable`, which the rule
//! `rules/unreadable.rs` reports once (MT0004) and the other rules skip;
//! the engine gives the same finding for an init.lua it cannot open.
//! `src/bounded_read.rs` is how every content file is read (parsers, lint,
//! the engine's loads): regular files only (a FIFO or a link to `/dev/zero`
//! is refused at once), at most 64 MB.

pub mod access;
pub mod conf;
mod did_you_mean;
mod discover;
mod full_moon_guard;
mod game;
mod lesson;
pub mod lesson_toml;
pub mod locale;
mod lua_version;
pub mod media;
mod modinfo;
mod modpack;
pub mod names;
pub mod served;
mod setting_values;
pub mod settingtypes;
mod template_source;
mod texture_pack;
pub mod translation;
mod workspace;
mod world;

pub use crate::bounded_read::{MAX_CONTENT_FILE, read_regular, read_regular_capped};
pub use conf::{ConfDoc, ConfEntry, ConfFile, ConfProblem, ConfProblemKind};
pub use did_you_mean::did_you_mean;
pub use discover::{ContentKind, classify, classify_by};
pub use full_moon_guard::catching;
pub use game::GameInfo;
pub use lesson::{
    CheckFile, LessonInfo, PUPIL_LESSON_DIR, describe_names, pupil_lesson, pupil_name,
};
pub use lesson_toml::{Lesson, LessonFile, LessonProblem, LessonProblemKind, Objective, Text};
pub use locale::{LocaleFile, LocaleKind, locale_files, split_locale_name};
pub use lua_version::lua_version;
pub use modinfo::{DepOrigin, Dependency, ModInfo};
pub use modpack::ModpackInfo;
pub use names::{is_valid_mod_name, suggest_mod_name};
pub use settingtypes::{SettingProblem, SettingProblemKind, SettingTypes};
pub use template_source::is_template_source;
pub use texture_pack::TexturePackInfo;
pub use translation::{TrFile, TrProblem, TrProblemKind};
pub use workspace::{ConfKind, Container, Workspace};
pub use world::WorldInfo;

use std::path::Path;

/// Lists the sub-folders of `dir` that the engine would look at: sorted by
/// name, hidden ones (starting with `.`) left out. Unreadable folders give
/// an empty list (validation reports them through [`list_subfolders`]).
pub fn subfolders(dir: &Path) -> Vec<std::path::PathBuf> {
    list_subfolders(dir).unwrap_or_default()
}

/// [`subfolders`], with the error when `dir` cannot be listed.
pub fn list_subfolders(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(dir)?;
    let mut dirs: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// `path` made absolute against the current folder (unchanged when that
/// fails), so findings from passes given different spellings of one path
/// compare equal.
pub fn absolute(path: &Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The last component of a path as text, for names derived from folders.
pub fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}
