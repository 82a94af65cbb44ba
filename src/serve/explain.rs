//! A pupil's error in the live server (the companion's `callback_error`
//! event) through the one explainer of `engine::explain`: the pupil's
//! line, what went wrong and the fix, for the game chat and the terminal.
//!
//! The server names the pupil's files through serve's links
//! (`.<world>.mtedu/mods/<mod>/…`), and Lua shortens a long name to
//! `...tail`: both are turned back into the files themselves, so the
//! explainer can read the pupil's line and the terminal can show the
//! pupil's own folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::layout::Layout;
use crate::engine::explain::{Explained, explain_text};

/// At most this many Lua files of a watched mod are looked at to undo
/// Lua's shortening of a long file name.
const MAX_FILES: usize = 2_000;

/// Explains `message` and `traceback` as the companion reported them;
/// `roots` are the watched mods' own folders.
pub fn explain_callback(
    layout: &Layout,
    roots: &BTreeMap<String, PathBuf>,
    message: &str,
    traceback: &str,
) -> Explained {
    let files = served_files(layout, roots);
    let message = whole_names(message, &files);
    let traceback = whole_names(traceback, &files);
    let ours = |path: &Path| path.starts_with(&layout.mods);
    let mut explained = explain_text(&message, &traceback, &ours);
    if let Some((path, _)) = &mut explained.place {
        *path = pupil_path(layout, roots, path);
    }
    explained
}

/// `.<world>.mtedu/mods/<mod>/init.lua` → `<the pupil's folder>/init.lua`.
fn pupil_path(layout: &Layout, roots: &BTreeMap<String, PathBuf>, path: &Path) -> PathBuf {
    let Ok(rest) = path.strip_prefix(&layout.mods) else {
        return path.to_path_buf();
    };
    let mut parts = rest.components();
    let root = parts
        .next()
        .and_then(|name| roots.get(name.as_os_str().to_string_lossy().as_ref()));
    match root {
        Some(root) => root.join(parts.as_path()),
        None => path.to_path_buf(),
    }
}

/// The Lua files of the watched mods as the server names them.
fn served_files(layout: &Layout, roots: &BTreeMap<String, PathBuf>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for name in roots.keys() {
        let link = layout.link(name);
        // The link is serve's own and points at the folder the server
        // reads (the pupil's or its last good copy): walked from its
        // target, links inside never followed.
        let Ok(target) = link.canonicalize() else {
            continue;
        };
        let walk = ignore::WalkBuilder::new(&target)
            .standard_filters(false)
            .follow_links(false)
            .max_depth(Some(8))
            .build();
        for entry in walk.filter_map(Result::ok) {
            let lua = entry.file_type().is_some_and(|kind| kind.is_file())
                && entry.path().extension().is_some_and(|ext| ext == "lua");
            if let (true, Ok(inside)) = (lua, entry.path().strip_prefix(&target)) {
                files.push(link.join(inside));
                if files.len() >= MAX_FILES {
                    return files;
                }
            }
        }
    }
    files
}

/// Every `...tail.lua:` in `text` replaced by the one served file that
/// ends with that tail (left as it is when none or several do).
fn whole_names(text: &str, files: &[PathBuf]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("...") {
        let after = &rest[start + 3..];
        let Some(end) = after.find(".lua:") else {
            break;
        };
        let tail = &after[..end + 4];
        let matching: Vec<&PathBuf> = files
            .iter()
            .filter(|file| !tail.contains('\n') && file.to_string_lossy().ends_with(tail))
            .collect();
        out.push_str(&rest[..start]);
        match matching[..] {
            [file] => out.push_str(&file.to_string_lossy()),
            _ => out.push_str(&rest[start..start + 3 + end + 4]),
        }
        rest = &after[end + 4..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortened_name_becomes_the_served_file() {
        let files = vec![
            PathBuf::from("/home/prof/classe/.monde.mtedu/mods/pupil/init.lua"),
            PathBuf::from("/home/prof/classe/.monde.mtedu/mods/pupil/outils.lua"),
        ];
        assert_eq!(
            whole_names(
                "...e/.monde.mtedu/mods/pupil/init.lua:3: attempt to index",
                &files
            ),
            "/home/prof/classe/.monde.mtedu/mods/pupil/init.lua:3: attempt to index"
        );
        let traceback = "stack traceback:\n\t...u/mods/pupil/outils.lua:7: in function <...u/mods/pupil/outils.lua:5>\n\t[C]: in function 'xpcall'";
        let whole = whole_names(traceback, &files);
        assert!(
            whole.contains("\t/home/prof/classe/.monde.mtedu/mods/pupil/outils.lua:7: in function </home/prof/classe/.monde.mtedu/mods/pupil/outils.lua:5>"),
            "{whole}"
        );
        // An unknown tail is kept as Lua wrote it.
        assert_eq!(
            whole_names("...other.lua:1: x", &files),
            "...other.lua:1: x"
        );
    }

    #[test]
    fn the_place_is_shown_in_the_pupils_own_folder() {
        let layout = Layout::new(Path::new("/srv/classe/monde"));
        let roots = BTreeMap::from([("pupil".to_owned(), PathBuf::from("/home/eleve/pupil"))]);
        assert_eq!(
            pupil_path(&layout, &roots, &layout.link("pupil").join("init.lua")),
            PathBuf::from("/home/eleve/pupil/init.lua")
        );
    }
}
