//! Where installed content goes: the user's engine folder (`~/.minetest`,
//! `~/.luanti`, flatpak, or `--to`), its `mods/`, `games/`, `worlds/` or
//! `textures/` sub-folder, the package's folder name, and backups.
//!
//! A backup goes to `<engine folder>/mtedu-backups/<sub-folder>/`, outside
//! the folders the engine scans: a copy left in `mods/` would show up as a
//! second mod of the same name.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::{
    ContentKind, ModInfo, ModpackInfo, Workspace, classify_by, conf::ConfDoc, folder_name,
};
use crate::host::Host;

/// The engine folder to install into: `--to`, else the first user folder
/// found (`$MINETEST_USER_PATH`, `~/.minetest`, `~/.luanti`, flatpak).
pub fn user_dir(to: Option<&Path>, host: &Host) -> Option<PathBuf> {
    to.map(Path::to_path_buf)
        .or_else(|| host.user_dirs.first().cloned())
}

/// What an archive or folder installs as. A packed lesson is a world (it
/// has world.mt); a lesson source folder is not installable.
pub fn install_kind(has: impl Fn(&str) -> bool) -> Option<ContentKind> {
    if has("world.mt") {
        return Some(ContentKind::World);
    }
    classify_by(has).filter(|kind| *kind != ContentKind::Lesson)
}

/// The engine folder's sub-folder for a kind.
pub fn subfolder(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Mod | ContentKind::Modpack => "mods",
        ContentKind::Game => "games",
        ContentKind::World | ContentKind::Lesson => "worlds",
        ContentKind::TexturePack => "textures",
    }
}

/// The kind as one stable English word, for JSON and messages.
pub fn kind_word(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Mod => "mod",
        ContentKind::Modpack => "modpack",
        ContentKind::Game => "game",
        ContentKind::World => "world",
        ContentKind::TexturePack => "texture_pack",
        ContentKind::Lesson => "lesson",
    }
}

/// The folder name a package gets: a mod's or modpack's `name`, a texture
/// pack's `name`, else `folder` (its folder or archive name; a game's id, a
/// world's name).
pub fn package_name(root: &Path, kind: ContentKind, folder: &str) -> String {
    let from_conf = match kind {
        ContentKind::Mod => Some(ModInfo::read(root).name),
        ContentKind::Modpack => Some(ModpackInfo::read(root).name),
        ContentKind::TexturePack => ConfDoc::read(&root.join("texture_pack.conf"))
            .and_then(|conf| conf.get("name").map(str::to_owned)),
        _ => None,
    };
    // ModInfo falls back on the folder name, which may be a staging name.
    let staged = folder_name(root);
    from_conf
        .filter(|name| !name.is_empty() && *name != staged)
        .unwrap_or_else(|| folder.to_owned())
}

/// True when `name` is one plain folder name: nothing that climbs up or
/// out, no separator, not hidden.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0', ':'])
        && name.chars().all(|c| !c.is_control())
}

/// A free backup folder for `name` under the engine folder.
pub fn backup_path(user_dir: &Path, sub: &str, name: &str, now: SystemTime) -> PathBuf {
    let base = user_dir.join("mtedu-backups").join(sub);
    let stamp = crate::timestamp::folder_stamp(now);
    let mut candidate = base.join(format!("{name}-{stamp}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = base.join(format!("{name}-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// Moves `staged` to `dest`. When `backup` is given, what is at `dest` is
/// moved there first, and moved back if the second move fails.
pub fn put_in_place(staged: &Path, dest: &Path, backup: Option<&Path>) -> std::io::Result<()> {
    if let Some(backup) = backup {
        if let Some(parent) = backup.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::rename(dest, backup)?;
        if let Err(error) = std::fs::rename(staged, dest) {
            let _ = std::fs::rename(backup, dest);
            return Err(error);
        }
        return Ok(());
    }
    std::fs::rename(staged, dest)
}

/// A mod of the staged package `staged` whose name is already taken by a
/// mod elsewhere in the `mods/` folder `parent` (inside a modpack, say), not
/// at `dest` itself: the engine would load only one of the two. Returns the
/// name and where the other one is.
pub fn mod_name_taken(staged: &Path, parent: &Path, dest: &Path) -> Option<(String, PathBuf)> {
    let new = Workspace::discover(&[staged.to_path_buf()]);
    let installed = Workspace::discover(&[parent.to_path_buf()]);
    new.all_mods().find_map(|m| {
        installed
            .all_mods()
            .find(|other| other.name == m.name && !other.dir.starts_with(dest))
            .map(|other| (m.name.clone(), other.dir.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names() {
        assert!(is_safe_name("my_mod") && is_safe_name("Ma partie"));
        for bad in ["", ".", "..", "a/b", "a\\b", ".hidden", "c:x"] {
            assert!(!is_safe_name(bad), "{bad:?}");
        }
    }
}
