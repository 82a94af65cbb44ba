//! World backups taken before each restart (when the server has saved and
//! stopped, so the copy is consistent), the newest few kept, and restore.

use std::path::{Path, PathBuf};

use super::error::ServeError;
use super::layout::Layout;

/// How many backups are kept per world.
pub const KEEP: usize = 5;

/// Copies the world (not an older serve's `mtedu/` folder) to a new backup.
pub fn take(layout: &Layout) -> Result<PathBuf, ServeError> {
    std::fs::create_dir_all(&layout.backups).map_err(ServeError::io(&layout.backups))?;
    let stamp = free_stamp(layout);
    let target = layout.backups.join(&stamp);
    let temp = layout.backups.join(format!(".{stamp}.partial"));
    copy_tree(&layout.world, &temp, &layout.legacy_state)?;
    std::fs::rename(&temp, &target).map_err(ServeError::io(&target))?;
    prune(layout);
    Ok(target)
}

/// A backup name not taken yet: the date and time, `-2`, `-3`… when
/// several backups are taken in one second.
fn free_stamp(layout: &Layout) -> String {
    let stamp = crate::timestamp::folder_stamp(std::time::SystemTime::now());
    let mut candidate = stamp.clone();
    let mut n = 2;
    while layout.backups.join(&candidate).exists() {
        candidate = format!("{stamp}-{n}");
        n += 1;
    }
    candidate
}

/// The backups, oldest first (older versions of mtedu named them with a
/// number of milliseconds, which sort before every date).
pub fn list(layout: &Layout) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(&layout.backups)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.chars().all(|c| c.is_ascii_digit()) || crate::timestamp::is_folder_stamp(n)
            })
        })
        .collect();
    found.sort_by_key(|path| backup_order(path));
    found
}

/// Sort key of a backup: old numeric names first, then dates, and within a
/// second `-2` after the plain name and before `-10`.
fn backup_order(path: &Path) -> (bool, String, u32) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !name.contains('_') {
        return (false, format!("{name:0>20}"), 0);
    }
    let (stamp, n) = name.split_at(name.len().min(19));
    let n = n.trim_start_matches('-').parse().unwrap_or(1);
    (true, stamp.to_owned(), n)
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
    let stamp = crate::timestamp::folder_stamp(std::time::SystemTime::now());
    let mut aside = layout.backups.join(format!("broken-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = layout.backups.join(format!("broken-{stamp}-{n}"));
        n += 1;
    }
    std::fs::create_dir_all(&aside).map_err(ServeError::io(&aside))?;
    for entry in std::fs::read_dir(&layout.world)
        .map_err(ServeError::io(&layout.world))?
        .flatten()
    {
        if entry.path() == layout.legacy_state {
            continue;
        }
        let to = aside.join(entry.file_name());
        std::fs::rename(entry.path(), &to).map_err(ServeError::io(&to))?;
    }
    copy_tree(backup, &layout.world, &layout.legacy_state)
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
