//! Building a [`LoadRequest`] the way a server assembles its mod list:
//! the game's mods first, then the world's mods, then other enabled mods;
//! a later source replaces an earlier mod of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::LoadRequest;
use crate::content::{ConfDoc, ModInfo, Workspace};
use crate::host::Host;

impl LoadRequest {
    /// The list a server would build from these three sources.
    pub fn assemble(
        game_mods: Vec<ModInfo>,
        world_mods: Vec<ModInfo>,
        extra_mods: Vec<ModInfo>,
    ) -> Vec<ModInfo> {
        let mut mods: Vec<ModInfo> = Vec::new();
        for info in game_mods.into_iter().chain(world_mods).chain(extra_mods) {
            mods.retain(|m| m.name != info.name);
            mods.push(info);
        }
        mods
    }

    /// The mods of a game folder, in the engine's order, and its minetest.conf.
    pub fn for_game(game_dir: &Path) -> LoadRequest {
        let workspace = Workspace::discover(&[game_dir.to_path_buf()]);
        LoadRequest {
            mods: workspace.all_mods().cloned().collect(),
            settings: game_settings(game_dir),
            game: Some(game_dir.to_path_buf()),
            ..LoadRequest::default()
        }
    }

    /// What to load for the user's paths: games, worlds (with their game,
    /// found on this PC) and loose mods, plus `game` (a folder) when given.
    pub fn from_paths(paths: &[PathBuf], game: Option<&Path>, host: &Host) -> LoadRequest {
        LoadRequest::from_workspace(&Workspace::discover(paths), game, host)
    }

    /// [`LoadRequest::from_paths`] for paths already discovered.
    pub fn from_workspace(workspace: &Workspace, game: Option<&Path>, host: &Host) -> LoadRequest {
        let mut game_dirs: Vec<PathBuf> = workspace.games.iter().map(|g| g.dir.clone()).collect();
        for world in &workspace.worlds {
            let id = match world.gameid() {
                Some("minetest") | None => "minetest_game",
                Some(id) => id,
            };
            if let Some(dir) = world.own_game_dir().or_else(|| host.find_game(id)) {
                game_dirs.push(dir);
            }
        }
        game_dirs.extend(game.map(Path::to_path_buf));
        let mut game_mods = Vec::new();
        let mut settings = BTreeMap::new();
        for dir in &game_dirs {
            let request = LoadRequest::for_game(dir);
            game_mods.extend(request.mods);
            settings.extend(request.settings);
        }
        let game_dir_set: Vec<&PathBuf> = game_dirs.iter().collect();
        let (mut world_mods, mut extra_mods) = (Vec::new(), Vec::new());
        for info in workspace.all_mods() {
            if game_dir_set.iter().any(|dir| info.dir.starts_with(dir)) {
                continue;
            }
            if workspace
                .worlds
                .iter()
                .any(|w| info.dir.starts_with(w.worldmods_dir()))
            {
                world_mods.push(info.clone());
            } else {
                extra_mods.push(info.clone());
            }
        }
        let mut mods = LoadRequest::assemble(game_mods, world_mods, extra_mods);
        enable_installed_dependencies(&mut mods, host);
        LoadRequest {
            mods,
            settings,
            game: game_dirs.first().cloned(),
            ..LoadRequest::default()
        }
    }
}

/// Adds the installed mods (share and user `mods/` folders) that the list
/// needs and lacks, dependencies of dependencies included: a mod checked
/// alone runs with what its `depends` names, as when the animator enables
/// it on this PC. Optional dependencies stay off, as in a new world.
fn enable_installed_dependencies(mods: &mut Vec<ModInfo>, host: &Host) {
    let mut installed: Option<Vec<ModInfo>> = None;
    loop {
        let missing: Vec<String> = mods
            .iter()
            .flat_map(|info| info.dependencies.iter())
            .filter(|dependency| !dependency.optional)
            .filter(|dependency| !mods.iter().any(|m| m.name == dependency.name))
            .map(|dependency| dependency.name.clone())
            .collect();
        if missing.is_empty() {
            return;
        }
        let installed = installed.get_or_insert_with(|| {
            let workspace = Workspace::discover(&host.installed_mod_dirs());
            workspace.all_mods().cloned().collect()
        });
        let found: Vec<ModInfo> = installed
            .iter()
            .filter(|info| missing.contains(&info.name))
            .filter(|info| !mods.iter().any(|m| m.name == info.name))
            .cloned()
            .collect();
        if found.is_empty() {
            return;
        }
        for info in found {
            if !mods.iter().any(|m| m.name == info.name) {
                mods.push(info);
            }
        }
    }
}

/// The settings a game's minetest.conf sets.
fn game_settings(game_dir: &Path) -> BTreeMap<String, String> {
    ConfDoc::read(&game_dir.join("minetest.conf"))
        .map(|doc| {
            doc.conf
                .entries
                .into_iter()
                .map(|e| (e.key, e.value))
                .collect()
        })
        .unwrap_or_default()
}
