//! Everything found under the paths the user gave, flattened into lists
//! that validation rules walk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::access::{self, Unreadable};
use super::{
    ContentKind, GameInfo, LessonInfo, ModInfo, ModpackInfo, TexturePackInfo, WorldInfo, classify,
    is_template_source, list_subfolders,
};

/// How deep a plain folder is searched for content ("a folder of these").
const MAX_SEARCH_DEPTH: usize = 4;

/// What holds a mod, for rules whose meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Given directly, or found in a plain folder.
    Loose,
    Modpack(usize),
    Game(usize),
    World(usize),
    Lesson(usize),
}

/// All content found under the given paths.
#[derive(Debug, Default)]
pub struct Workspace {
    pub mods: Vec<(ModInfo, Container)>,
    pub modpacks: Vec<(ModpackInfo, Container)>,
    pub games: Vec<GameInfo>,
    pub worlds: Vec<WorldInfo>,
    pub texture_packs: Vec<TexturePackInfo>,
    pub lessons: Vec<LessonInfo>,
    /// Folders inside a game's `mods/`, a modpack or `worldmods/` that are
    /// neither a mod nor a modpack (no init.lua, no mod.conf).
    pub strays: Vec<PathBuf>,
    /// Paths given that do not exist.
    pub missing: Vec<PathBuf>,
    /// Paths given that hold no Minetest content at all.
    pub not_content: Vec<PathBuf>,
    /// Template sources left out (`mod-templates/node`): files a generator
    /// turns into mods, never content themselves.
    pub templates: Vec<PathBuf>,
    /// Files and folders that exist but cannot be read: reported once,
    /// skipped by every rule.
    pub unreadable: Unreadable,
    /// The size of every readable file of the user's content, as
    /// [`Workspace::probe_unreadable_and_sizes`] found it (empty until then).
    pub file_sizes: BTreeMap<PathBuf, u64>,
}

impl Workspace {
    /// Finds and reads all content under `paths`. A file path stands for the
    /// folder that holds it (so `mods/foo/mod.conf` validates `mods/foo`).
    pub fn discover(paths: &[PathBuf]) -> Workspace {
        let mut workspace = Workspace::default();
        for path in paths {
            let metadata = match std::fs::metadata(path) {
                Ok(metadata) => metadata,
                Err(error) => {
                    let before = workspace.unreadable.len();
                    workspace.add_unreachable(path, &error);
                    if workspace.unreadable.len() == before {
                        workspace.missing.push(path.clone());
                    }
                    continue;
                }
            };
            let dir = if metadata.is_file() {
                path.parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            } else {
                path.clone()
            };
            let before = (workspace.item_count(), workspace.unreadable.len());
            workspace.add_any(&dir, Container::Loose, 0);
            if (workspace.item_count(), workspace.unreadable.len()) == before {
                workspace.not_content.push(path.clone());
            }
        }
        workspace
    }

    /// Records in [`Workspace::unreadable`] every file and folder of the
    /// content found that cannot be read (discovery itself records only
    /// the folders it could not list). Mods, modpacks, games, texture packs
    /// and lessons are walked whole (each file once, even when nested); of
    /// a world only world.mt, its mods being walked as mods. Commands that
    /// report on the user's files call it; installed games are not probed.
    pub fn probe_unreadable(&mut self) {
        self.probe(false);
    }

    /// [`Workspace::probe_unreadable`], also recording in
    /// [`Workspace::file_sizes`] the size of every other file.
    pub fn probe_unreadable_and_sizes(&mut self) {
        self.probe(true);
    }

    fn probe(&mut self, with_sizes: bool) {
        let mut roots: Vec<&Path> = self.games.iter().map(|g| g.dir.as_path()).collect();
        roots.extend(self.modpacks.iter().map(|(m, _)| m.dir.as_path()));
        roots.extend(self.mods.iter().map(|(m, _)| m.dir.as_path()));
        roots.extend(self.texture_packs.iter().map(|t| t.dir.as_path()));
        roots.extend(self.lessons.iter().map(|l| l.dir.as_path()));
        roots.sort();
        let mut unreadable = std::mem::take(&mut self.unreadable);
        let mut sizes = BTreeMap::new();
        let mut walked: Vec<&Path> = Vec::new();
        for root in roots {
            if !walked.iter().any(|done| root.starts_with(done)) {
                access::probe_tree(root, &mut unreadable, with_sizes.then_some(&mut sizes));
                walked.push(root);
            }
        }
        for world in &self.worlds {
            access::probe_file(&world.dir.join("world.mt"), &mut unreadable);
        }
        self.unreadable = unreadable;
        self.file_sizes = sizes;
    }

    /// A path given that could not even be looked at: not missing when a
    /// folder above it may not be opened, which is then the one reported.
    fn add_unreachable(&mut self, path: &Path, error: &std::io::Error) {
        let blocking = path
            .ancestors()
            .skip(1)
            .map(|up| {
                if up.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    up
                }
            })
            .find(|up| up.is_dir());
        match blocking.map(|up| (up, std::fs::read_dir(up))) {
            Some((up, Err(listing))) => self.unreadable.add_io(up, true, &listing),
            _ => self.unreadable.add_io(path, false, error),
        }
    }

    fn item_count(&self) -> usize {
        self.mods.len()
            + self.modpacks.len()
            + self.games.len()
            + self.worlds.len()
            + self.texture_packs.len()
            + self.lessons.len()
    }

    /// Adds `dir` as whatever it is, or searches inside it when it is a plain folder.
    fn add_any(&mut self, dir: &Path, container: Container, depth: usize) {
        // A folder that cannot be opened looks like a plain folder (its
        // marker files cannot be seen): listing it records it as unreadable.
        let kind = classify(dir);
        if kind.is_some() && is_template_source(dir) {
            self.templates.push(dir.to_path_buf());
            return;
        }
        match kind {
            Some(ContentKind::Mod) => self.mods.push((ModInfo::read(dir), container)),
            Some(ContentKind::Modpack) => self.add_modpack(dir, container),
            Some(ContentKind::Game) => self.add_game(dir),
            Some(ContentKind::World) => self.add_world(dir),
            Some(ContentKind::TexturePack) => self.texture_packs.push(TexturePackInfo::read(dir)),
            Some(ContentKind::Lesson) => self.add_lesson(dir),
            None if depth < MAX_SEARCH_DEPTH => {
                for child in self.subfolders(dir) {
                    self.add_any(&child, container, depth + 1);
                }
            }
            None => {
                self.subfolders(dir);
            }
        }
    }

    fn add_modpack(&mut self, dir: &Path, container: Container) {
        let index = self.modpacks.len();
        self.modpacks.push((ModpackInfo::read(dir), container));
        self.add_mod_children(dir, Container::Modpack(index));
    }

    fn add_game(&mut self, dir: &Path) {
        let game = GameInfo::read(dir);
        let mods_dir = game.mods_dir();
        let index = self.games.len();
        self.games.push(game);
        self.add_mod_children(&mods_dir, Container::Game(index));
    }

    fn add_world(&mut self, dir: &Path) {
        let world = WorldInfo::read(dir);
        let index = self.worlds.len();
        let worldmods = world.worldmods_dir();
        let own_game = world.own_game_dir();
        self.worlds.push(world);
        self.add_mod_children(&worldmods, Container::World(index));
        if let Some(game_dir) = own_game {
            self.add_game(&game_dir);
        }
    }

    fn add_lesson(&mut self, dir: &Path) {
        let lesson = LessonInfo::read(dir);
        let index = self.lessons.len();
        let folders = lesson.mod_folders();
        self.lessons.push(lesson);
        for folder in folders {
            self.add_any(&folder, Container::Lesson(index), MAX_SEARCH_DEPTH - 1);
        }
    }

    /// Adds every child of a mods folder: each is a mod or a modpack, as the
    /// engine sees it; anything else is a stray.
    fn add_mod_children(&mut self, dir: &Path, container: Container) {
        for child in self.subfolders(dir) {
            match classify(&child) {
                Some(ContentKind::Modpack) => self.add_modpack(&child, container),
                Some(ContentKind::Mod) => self.mods.push((ModInfo::read(&child), container)),
                _ => self.strays.push(child),
            }
        }
    }

    /// [`list_subfolders`], recording a folder that cannot be listed.
    fn subfolders(&mut self, dir: &Path) -> Vec<PathBuf> {
        list_subfolders(dir).unwrap_or_else(|error| {
            self.unreadable.add_io(dir, true, &error);
            Vec::new()
        })
    }

    /// Every mod, whatever holds it.
    pub fn all_mods(&self) -> impl Iterator<Item = &ModInfo> {
        self.mods.iter().map(|(info, _)| info)
    }
}

/// Which kind of conf file a [`super::ConfDoc`] is, since each has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfKind {
    Mod,
    Modpack,
    Game,
    World,
    TexturePack,
}

impl Workspace {
    /// Every conf file found, with its kind.
    pub fn conf_docs(&self) -> Vec<(&super::ConfDoc, ConfKind)> {
        let mut docs = Vec::new();
        docs.extend(
            self.mods
                .iter()
                .filter_map(|(m, _)| m.conf.as_ref().map(|c| (c, ConfKind::Mod))),
        );
        docs.extend(
            self.modpacks
                .iter()
                .filter_map(|(m, _)| m.conf.as_ref().map(|c| (c, ConfKind::Modpack))),
        );
        docs.extend(
            self.games
                .iter()
                .filter_map(|g| g.conf.as_ref().map(|c| (c, ConfKind::Game))),
        );
        docs.extend(
            self.worlds
                .iter()
                .filter_map(|w| w.conf.as_ref().map(|c| (c, ConfKind::World))),
        );
        docs.extend(
            self.texture_packs
                .iter()
                .filter_map(|t| t.conf.as_ref().map(|c| (c, ConfKind::TexturePack))),
        );
        docs
    }
}
