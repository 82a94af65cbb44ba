//! The server's own home folder, in serve's state folder: links to the
//! user's installed games and mods, less the mods serve watches. A mod the
//! animator also installed (`mtedu install my_mod.zip`, then `mtedu serve
//! my_mod`) would otherwise be found twice, and the engine refuses to
//! start ("Unresolved name conflicts").

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Makes `<state>/home/.minetest` (`games` and each installed mod linked,
/// the watched ones left out) and returns `<state>/home`, or `None` when
/// the user has no folder to take from.
pub fn prepare(
    state: &Path,
    user_folder: Option<&Path>,
    watched: &BTreeSet<String>,
) -> std::io::Result<Option<PathBuf>> {
    let Some(user) = user_folder else {
        return Ok(None);
    };
    let home = state.join("home");
    let engine_folder = home.join(".minetest");
    std::fs::create_dir_all(&engine_folder)?;
    let games = engine_folder.join("games");
    remove_link_or_folder(&games)?;
    if user.join("games").is_dir() {
        symlink(&user.join("games"), &games)?;
    }
    let mods = engine_folder.join("mods");
    remove_link_or_folder(&mods)?;
    std::fs::create_dir_all(&mods)?;
    for entry in std::fs::read_dir(user.join("mods"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let folder = entry.file_name().to_string_lossy().into_owned();
        if folder.starts_with('.') || !path.is_dir() {
            continue;
        }
        let declared = crate::content::ModInfo::read(&path).name;
        if watched.contains(&folder) || watched.contains(&declared) {
            continue;
        }
        symlink(&path, &mods.join(&folder))?;
    }
    Ok(Some(home))
}

/// The user folder the engine would use: `$MINETEST_USER_PATH`, else
/// `~/.minetest` (also for Luanti 5.10 and 5.15, measured).
pub fn user_folder(home: Option<&Path>) -> Option<PathBuf> {
    std::env::var_os("MINETEST_USER_PATH")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.map(|home| home.join(".minetest")))
        .filter(|folder| folder.is_dir())
}

/// Removes what serve itself put at `path` last time: a link, or a folder
/// of links (never followed).
fn remove_link_or_folder(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watched_mods_are_left_out_and_the_rest_linked() {
        let temp = tempfile::tempdir().unwrap();
        let user = temp.path().join("user");
        for (folder, name) in [
            ("my_mod", "my_mod"),
            ("other", "other"),
            ("renamed", "my_mod"),
        ] {
            std::fs::create_dir_all(user.join("mods").join(folder)).unwrap();
            std::fs::write(
                user.join("mods").join(folder).join("mod.conf"),
                format!("name = {name}\n"),
            )
            .unwrap();
        }
        std::fs::create_dir_all(user.join("games/g")).unwrap();
        let watched: BTreeSet<String> = ["my_mod".to_owned()].into();
        let state = temp.path().join("state");
        for _ in 0..2 {
            let home = prepare(&state, Some(&user), &watched).unwrap().unwrap();
            let mods: Vec<String> = std::fs::read_dir(home.join(".minetest/mods"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(mods, vec!["other".to_owned()]);
            assert!(home.join(".minetest/games/g").is_dir());
        }
        assert!(
            user.join("mods/my_mod/mod.conf").is_file(),
            "the user's mods are untouched"
        );
    }
}
