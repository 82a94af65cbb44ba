//! The lint rule interface: a rule looks at one analysed file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::globals::Exports;
use super::scope::{Analysis, GlobalUse};
use crate::diag::{Code, Diagnostic};

/// What a rule may look at for one file.
pub struct FileContext<'a> {
    pub path: &'a Path,
    pub source: &'a str,
    pub analysis: &'a Analysis,
    /// Every global the file may read: Lua's, the engine's, the mod's own,
    /// its dependencies', its `.luacheckrc`'s.
    pub known_globals: &'a BTreeSet<String>,
    /// Names of the engine's `core` table plus fields mods add to it.
    pub api_names: &'a BTreeSet<String>,
    /// Globals that may be assigned anywhere: the engine's, those assigned
    /// at the top level of the mod's files, its dependencies', its
    /// `.luacheckrc`'s.
    pub declared_globals: &'a BTreeSet<String>,
    /// The engine version the mod is checked against.
    pub engine: crate::engine::EngineVersion,
    /// What each mod a condition tests for (`core.get_modpath("m")`)
    /// exports, `None` for a mod that is not there to read.
    pub guarded_exports: &'a BTreeMap<String, Option<Exports>>,
    /// Globals the mod does not declare a dependency for, defined by a mod
    /// that the engine's order loads before it: name → that mod.
    pub load_order_globals: &'a BTreeMap<String, String>,
}

impl FileContext<'_> {
    /// The use sits behind a test for a mod that gives it (the global, or
    /// the engine field `api_field`), or for a mod mtedu cannot read.
    pub fn guard_covers(&self, global: &GlobalUse, api_field: Option<&str>) -> bool {
        global
            .guard_mods
            .iter()
            .any(|name| match self.guarded_exports.get(name) {
                Some(Some(exports)) => match api_field {
                    Some(field) => exports.api_fields.contains(field),
                    None => exports.globals.contains(&global.name),
                },
                _ => true,
            })
    }
}

/// What a rule that reads the syntax tree may look at for one file. A
/// file's tree lives only while the tree rules read it, on the thread
/// that parsed it (a game's trees together would take hundreds of
/// megabytes, and fresh memory costs more to touch than memory freed and
/// reused), so these rules see the file and the engine version, not the
/// globals of the other mods, and its analysis before the mod's reach
/// facts (which guards cover which globals) are added to it.
pub struct TreeContext<'a> {
    pub path: &'a Path,
    pub source: &'a str,
    pub ast: &'a full_moon::ast::Block,
    pub analysis: &'a Analysis,
    /// The engine version the mod is checked against.
    pub engine: crate::engine::EngineVersion,
    /// A `*_spec.lua` file.
    pub is_spec: bool,
}

/// What a rule keeps of one file's tree to judge the files of a mod
/// together once every tree is gone (each rule knows its own type).
pub type TreeNotes = Box<dyn std::any::Any + Send>;

/// One file's notes, for [`LintRule::check_mod_notes`].
pub struct FileNotes<'a> {
    pub path: &'a Path,
    pub notes: &'a TreeNotes,
}

/// A lint rule: one concern, its own codes. It looks at one analysed file
/// with what the mod may use (`check`), or at the syntax tree of one file
/// (`check_tree`), or at what it noted of each tree of one mod's files
/// together (`note_tree`, then `check_mod_notes`: the same name registered
/// in two files). Files are read on every core: a rule keeps no state.
pub trait LintRule: Send + Sync {
    fn codes(&self) -> &'static [&'static Code];
    fn check(&self, _file: &FileContext, _out: &mut Vec<Diagnostic>) {}
    fn check_tree(&self, _file: &TreeContext, _out: &mut Vec<Diagnostic>) {}
    fn note_tree(&self, _file: &TreeContext) -> Option<TreeNotes> {
        None
    }
    fn check_mod_notes(&self, _files: &[FileNotes], _out: &mut Vec<Diagnostic>) {}
}
