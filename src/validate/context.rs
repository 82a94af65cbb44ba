//! What rules see: the user's content, plus what is installed around it
//! (the chosen game, other games, the user's mods) for resolving names.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::{ModInfo, Workspace};
use crate::host::Host;

/// Choices that change what validation looks at.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--game`: an installed game id or a path to a game folder. `None`
    /// means minetest_game when it is installed.
    pub game: Option<String>,
    /// The engine version the content is checked for (`--engine`): conf
    /// keys of a newer version are told apart.
    pub engine: crate::engine::EngineVersion,
}

/// Installed content that the user's mods may rely on.
#[derive(Debug, Default)]
pub struct Surroundings {
    /// Mods of the chosen game and of the installed `mods/` folders (share and user).
    pub mods: Vec<ModInfo>,
    /// Ids of every game known: installed ones and those in the workspace.
    pub game_ids: BTreeSet<String>,
    /// The game the user asked for with `--game` that could not be found.
    pub missing_game: Option<String>,
}

/// The default game when `--game` is not given.
const DEFAULT_GAME: &str = "minetest_game";

impl Surroundings {
    /// Reads the installed content relevant to `workspace`.
    pub fn gather(workspace: &Workspace, options: &Options, host: &Host) -> Surroundings {
        let mut surroundings = Surroundings::default();
        let mut game_dirs: Vec<PathBuf> = Vec::new();
        match host.game_dir(options.game.as_deref(), true) {
            Ok(dir) => game_dirs.extend(dir),
            Err(game) => surroundings.missing_game = Some(game),
        }
        // A world's game is what its mods run with.
        for world in &workspace.worlds {
            let id = world.gameid().unwrap_or("minetest");
            let id = if id == "minetest" { DEFAULT_GAME } else { id };
            game_dirs.extend(host.find_game(id));
        }
        for dir in host.game_dirs() {
            surroundings
                .game_ids
                .insert(crate::content::folder_name(&dir));
        }
        for game in &workspace.games {
            surroundings.game_ids.insert(game.id.clone());
        }
        game_dirs.sort();
        game_dirs.dedup();
        let mut roots = game_dirs;
        roots.extend(host.installed_mod_dirs());
        let installed = Workspace::discover(&roots);
        surroundings.mods = installed.mods.into_iter().map(|(info, _)| info).collect();
        surroundings
    }
}

/// Everything a rule may look at.
pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub surroundings: &'a Surroundings,
    pub options: &'a Options,
}

impl Context<'_> {
    /// True when a mod of this name exists in the workspace or around it.
    pub fn mod_exists(&self, name: &str) -> bool {
        self.workspace.all_mods().any(|m| m.name == name)
            || self.surroundings.mods.iter().any(|m| m.name == name)
    }

    /// Every mod name visible, for did-you-mean suggestions.
    pub fn visible_mod_names(&self) -> BTreeSet<&str> {
        self.workspace
            .all_mods()
            .chain(self.surroundings.mods.iter())
            .map(|m| m.name.as_str())
            .collect()
    }
}
