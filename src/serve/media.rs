//! The media of the watched mods as the server last loaded them: a new
//! file can be sent to connected players (`dynamic_add_media`); a changed
//! or removed one needs a restart, since players keep what they received.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::media::media_files;

/// File (relative to the mod) → size and modification time.
pub type MediaState = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

/// The media files of the mod in `dir`.
pub fn media_state(dir: &Path) -> MediaState {
    media_files(dir)
        .into_iter()
        .filter_map(|file| {
            let meta = std::fs::metadata(&file.path).ok()?;
            let relative = file.path.strip_prefix(dir).ok()?.to_path_buf();
            Some((relative, (meta.len(), meta.modified().ok())))
        })
        .collect()
}

/// What changed between two states.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MediaChange {
    /// Files that did not exist before: they can be sent live.
    pub added: Vec<PathBuf>,
    /// Files changed or removed: players keep the old ones until they
    /// reconnect.
    pub replaced: Vec<PathBuf>,
}

pub fn compare(before: &MediaState, after: &MediaState) -> MediaChange {
    let mut change = MediaChange::default();
    for (path, now) in after {
        match before.get(path) {
            None => change.added.push(path.clone()),
            Some(old) if old != now => change.replaced.push(path.clone()),
            Some(_) => {}
        }
    }
    change.replaced.extend(
        before
            .keys()
            .filter(|path| !after.contains_key(*path))
            .cloned(),
    );
    change
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_are_added_and_others_replaced() {
        let before = MediaState::from([
            (PathBuf::from("textures/a.png"), (1, None)),
            (PathBuf::from("textures/b.png"), (1, None)),
            (PathBuf::from("textures/c.png"), (1, None)),
        ]);
        let after = MediaState::from([
            (PathBuf::from("textures/a.png"), (1, None)),
            (PathBuf::from("textures/b.png"), (2, None)),
            (PathBuf::from("textures/d.png"), (1, None)),
        ]);
        let change = compare(&before, &after);
        assert_eq!(change.added, vec![PathBuf::from("textures/d.png")]);
        assert_eq!(
            change.replaced,
            vec![
                PathBuf::from("textures/b.png"),
                PathBuf::from("textures/c.png")
            ]
        );
    }
}
