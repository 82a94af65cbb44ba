//! The last good version of each watched mod: copied after each change
//! that passed the checks, and served instead of the pupil's folder when
//! the server must restart while that folder is broken.

use std::path::Path;

use super::error::ServeError;
use super::layout::Layout;
use super::world::point_link;

/// Mods bigger than this are not copied (their link stays on the folder).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Copies `dir` as the last good version of `name`; never a folder that is
/// or holds a link out of it (the session refuses such a mod first).
pub fn keep(layout: &Layout, name: &str, dir: &Path) -> Result<(), ServeError> {
    let Ok(root) = dir.canonicalize() else {
        return Ok(());
    };
    if dir.is_symlink() || super::links::link_out(dir, &root).is_some() || size(&root) > MAX_BYTES {
        return Ok(());
    }
    let dir = root.as_path();
    let target = layout.last_good.join(name);
    let temp = layout.last_good.join(format!(".{name}.partial"));
    let _ = std::fs::remove_dir_all(&temp);
    super::backup::copy_tree(dir, &temp, &dir.join(".git"))?;
    let _ = std::fs::remove_dir_all(&target);
    std::fs::rename(&temp, &target).map_err(ServeError::io(&target))
}

/// Points the server at the pupil's folder (`live`) or at the last good
/// copy; `false` when there is no copy to fall back to.
pub fn serve_from(layout: &Layout, name: &str, dir: &Path, live: bool) -> Result<bool, ServeError> {
    let kept = layout.last_good.join(name);
    if live {
        point_link(
            &layout.link(name),
            &std::path::absolute(dir).unwrap_or(dir.to_path_buf()),
        )?;
        Ok(true)
    } else if kept.is_dir() {
        point_link(&layout.link(name), &kept)?;
        Ok(true)
    } else {
        Ok(false)
    }
}

fn size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => size(&entry.path()),
            Ok(_) => entry.metadata().map(|m| m.len()).unwrap_or(0),
            Err(_) => 0,
        })
        .sum()
}
