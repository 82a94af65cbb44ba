//! Which files of a mod the engine sends to players as media, shared by the
//! media rules.
//!
//! Measured on Minetest 5.6.1: the server looks in the mod's `textures`,
//! `sounds`, `media`, `models` and `locale` folders (exact, lower-case
//! names) and in their subfolders, except subfolders whose name starts with
//! `_` or `.`. A file is skipped ("ignoring illegal file name") when its
//! name has a character outside `a-zA-Z0-9_.-`, and ("ignoring unsupported
//! file extension") when its extension is not one of the media extensions,
//! compared case-sensitively: `stone.PNG` never loads.

use std::path::{Path, PathBuf};

use super::names::ascii_folded;

/// The folders of a mod that hold media, as the engine spells them.
pub const MEDIA_DIRS: &[&str] = &["textures", "sounds", "media", "models", "locale"];

/// Extensions the engine sends (5.6 and later versions together), lower case.
pub const MEDIA_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "bmp", "tga", "ogg", "x", "b3d", "obj", "gltf", "glb", "tr", "po", "mo",
];

/// One file found in a media folder.
#[derive(Debug, Clone)]
pub struct MediaFile {
    pub path: PathBuf,
    /// The file name: what the engine and the mods' code call it.
    pub name: String,
}

/// Every file in `mod_dir`'s media folders and their subfolders, skipping
/// the subfolders the engine skips. Sorted by path; unreadable folders are
/// left out.
pub fn media_files(mod_dir: &Path) -> Vec<MediaFile> {
    let mut files = Vec::new();
    for dir in MEDIA_DIRS {
        collect(&mod_dir.join(dir), &mut files);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect(dir: &Path, files: &mut Vec<MediaFile>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if kind.is_dir() {
            if !name.starts_with('_') && !name.starts_with('.') {
                collect(&entry.path(), files);
            }
        } else {
            files.push(MediaFile {
                path: entry.path(),
                name,
            });
        }
    }
}

/// The extension of `name` when, lower-cased, it is a media extension.
pub fn media_extension(name: &str) -> Option<&str> {
    let (_, extension) = name.rsplit_once('.')?;
    MEDIA_EXTENSIONS
        .contains(&extension.to_ascii_lowercase().as_str())
        .then_some(extension)
}

/// True when every character is one the engine allows in a media name.
pub fn has_legal_characters(name: &str) -> bool {
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// True when the engine would send this file: allowed characters and a
/// media extension written in lower case.
pub fn is_loaded(name: &str) -> bool {
    has_legal_characters(name)
        && media_extension(name).is_some_and(|ext| ext == ext.to_ascii_lowercase())
}

/// A name the engine accepts, close to `name`: lower case, accents dropped,
/// spaces and other characters turned into `_`.
pub fn suggest_media_name(name: &str) -> String {
    let mut out = String::new();
    for c in ascii_folded(name).chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    // No `_` just before the extension ("my file .png").
    let out = out.replace("_.", ".");
    match out.trim_start_matches('_') {
        "" => "file.png".to_owned(),
        rest if rest.starts_with('.') => format!("file{rest}"),
        rest => rest.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loaded_names() {
        assert!(is_loaded("default_stone.png"));
        assert!(is_loaded("my-mod_sound.1.ogg"));
        assert!(!is_loaded("my stone.png"));
        assert!(!is_loaded("épée.png"));
        assert!(!is_loaded("stone.PNG"));
        assert!(!is_loaded("notes.txt"));
    }

    #[test]
    fn suggestions_are_loaded() {
        assert_eq!(suggest_media_name("Mon Épée (2).PNG"), "mon_epee_2.png");
        assert_eq!(suggest_media_name("my stone.png"), "my_stone.png");
        assert_eq!(suggest_media_name("#.png"), "file.png");
        for name in ["Mon Épée (2).PNG", "a b c.ogg", "???.png", " x.b3d"] {
            assert!(is_loaded(&suggest_media_name(name)), "{name}");
        }
    }
}
