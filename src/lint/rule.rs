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

/// What a rule that reads the syntax tree may look at for one file. The
/// trees of a mod are kept only while its own files are linted (a game's
/// trees together would take hundreds of megabytes), so these rules see
/// the file and the engine version, not the globals of the other mods.
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

/// A lint rule: one concern, its own codes. It looks at one analysed file
/// with what the mod may use (`check`), or at the syntax tree of one file
/// (`check_tree`), or at the trees of all the files of one mod together
/// (`check_mod_tree`: the same name registered in two files).
pub trait LintRule {
    fn codes(&self) -> &'static [&'static Code];
    fn check(&self, _file: &FileContext, _out: &mut Vec<Diagnostic>) {}
    fn check_tree(&self, _file: &TreeContext, _out: &mut Vec<Diagnostic>) {}
    fn check_mod_tree(&self, _files: &[TreeContext], _out: &mut Vec<Diagnostic>) {}
}
