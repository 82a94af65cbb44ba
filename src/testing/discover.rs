//! Finding spec files: `spec/*_spec.lua` and `tests/*_spec.lua` in each mod.

use std::path::PathBuf;

use crate::content::{ModInfo, Workspace};

/// Each mod under `paths` that has specs, with its spec files (sorted).
pub fn spec_files(paths: &[PathBuf]) -> Vec<(ModInfo, Vec<PathBuf>)> {
    let workspace = Workspace::discover(paths);
    let mut found = Vec::new();
    for info in workspace.all_mods() {
        let mut specs = Vec::new();
        for folder in ["spec", "tests"] {
            let Ok(entries) = std::fs::read_dir(info.dir.join(folder)) else {
                continue;
            };
            specs.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.is_file() && path.to_string_lossy().ends_with("_spec.lua")),
            );
        }
        specs.sort();
        if !specs.is_empty() {
            found.push((info.clone(), specs));
        }
    }
    found
}
