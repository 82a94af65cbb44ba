//! The lint rule interface: a rule looks at one analysed file.

use std::collections::BTreeSet;
use std::path::Path;

use super::scope::Analysis;
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
}

/// A lint rule: one concern, one file, its own codes.
pub trait LintRule {
    fn codes(&self) -> &'static [&'static Code];
    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>);
}
