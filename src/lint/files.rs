//! Which files of a mod are Lua source: every `.lua` file in the mod folder
//! and its sub-folders (hidden ones and nested mods excepted), sorted.

use std::path::{Path, PathBuf};

/// The Lua files of the mod in `dir`.
pub fn lua_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect(dir, &mut found, 0);
    found.sort();
    found
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>, depth: usize) {
    if depth > 8 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            // A nested mod is linted on its own.
            if depth > 0 || !path.join("mod.conf").is_file() {
                collect(&path, found, depth + 1);
            }
        } else if kind.is_file() && name.ends_with(".lua") {
            found.push(path);
        }
    }
}
