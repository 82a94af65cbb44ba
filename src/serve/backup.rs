//! World backups taken before each restart (when the server has saved and
//! stopped, so the copy is consistent), the newest few kept, and restore.

use std::path::{Path, PathBuf};

use super::error::ServeError;
use super::layout::Layout;

/// How many backups are kept per world.
pub const KEEP: usize = 5;

/// Copies the world (not serve's own `mtedu/` folder) to a new backup.
pub fn take(layout: &Layout) -> Result<PathBuf, ServeError> {
    std::fs::create_dir_all(&layout.backups).map_err(ServeError::io(&layout.backups))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let target = layout.backups.join(format!("{stamp}"));
    let temp = layout.backups.join(format!(".{stamp}.partial"));
    copy_tree(&layout.world, &temp, &layout.state)?;
    std::fs::rename(&temp, &target).map_err(ServeError::io(&target))?;
    prune(layout);
    Ok(target)
}

/// The backups, oldest first.
pub fn list(layout: &Layout) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(&layout.backups)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    found.sort();
    found
}

fn prune(layout: &Layout) {
    let all = list(layout);
    for old in &all[..all.len().saturating_sub(KEEP)] {
        let _ = std::fs::remove_dir_all(old);
    }
}

/// Puts `backup` back as the world. The world's current files are moved
/// aside into `<backups>/broken-<time>/` first: nothing is lost.
pub fn restore(layout: &Layout, backup: &Path) -> Result<(), ServeError> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let aside = layout.backups.join(format!("broken-{stamp}"));
    std::fs::create_dir_all(&aside).map_err(ServeError::io(&aside))?;
    for entry in std::fs::read_dir(&layout.world)
        .map_err(ServeError::io(&layout.world))?
        .flatten()
    {
        if entry.path() == layout.state {
            continue;
        }
        let to = aside.join(entry.file_name());
        std::fs::rename(entry.path(), &to).map_err(ServeError::io(&to))?;
    }
    copy_tree(backup, &layout.world, &layout.state)
}

/// Copies `from` into `to` (created), skipping `skip`; links are copied
/// as links.
pub(super) fn copy_tree(from: &Path, to: &Path, skip: &Path) -> Result<(), ServeError> {
    std::fs::create_dir_all(to).map_err(ServeError::io(to))?;
    for entry in std::fs::read_dir(from)
        .map_err(ServeError::io(from))?
        .flatten()
    {
        let path = entry.path();
        if path == skip {
            continue;
        }
        let target = to.join(entry.file_name());
        let kind = entry.file_type().map_err(ServeError::io(&path))?;
        if kind.is_dir() {
            copy_tree(&path, &target, skip)?;
        } else if kind.is_symlink() {
            let link = std::fs::read_link(&path).map_err(ServeError::io(&path))?;
            std::os::unix::fs::symlink(link, &target).map_err(ServeError::io(&target))?;
        } else {
            std::fs::copy(&path, &target).map_err(ServeError::io(&target))?;
        }
    }
    Ok(())
}
