//! Telling what a folder is, from the marker files the engine looks for.

use std::path::Path;

/// The kinds of Minetest content mtedu understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Mod,
    Modpack,
    Game,
    World,
    TexturePack,
    Lesson,
}

/// What `dir` is, judged by its marker files; `None` for any other folder.
pub fn classify(dir: &Path) -> Option<ContentKind> {
    classify_by(|name| dir.join(name).is_file())
}

/// The same judgement from a test of which marker files exist, for content
/// not on disk yet (the entries of an archive).
pub fn classify_by(has: impl Fn(&str) -> bool) -> Option<ContentKind> {
    // A packed lesson is a world that keeps its lesson.toml beside world.mt:
    // the world wins, so it validates and installs as the world it is.
    if has("world.mt") {
        Some(ContentKind::World)
    } else if has("lesson.toml") {
        Some(ContentKind::Lesson)
    } else if has("game.conf") {
        Some(ContentKind::Game)
    } else if has("modpack.conf") || has("modpack.txt") {
        Some(ContentKind::Modpack)
    } else if has("texture_pack.conf") {
        Some(ContentKind::TexturePack)
    } else if has("mod.conf") || has("init.lua") || has("depends.txt") {
        Some(ContentKind::Mod)
    } else {
        None
    }
}
