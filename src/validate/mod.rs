//! `validate`: rules over the content model. Each rule lives in its own file
//! under `rules/`, declares the codes it may emit, and is listed once in
//! [`all_rules`]. Rules read the [`Context`] and push diagnostics; they
//! never print and never write files.
//!
//! # Files
//!
//! `mod.rs` holds the `Rule` trait and the one list of rules; `rules/` has
//! one file per rule family, each declaring its codes; `context.rs` gathers
//! installed content (chosen game, user mods) used to resolve dependencies.
//! The engine's naming and media-loading rules that several passes share
//! live below, in `content/names.rs` and `content/media.rs` (with
//! `did_you_mean.rs` and `lua_version.rs`).

mod context;
pub mod rules;

pub use context::{Context, Options, Surroundings};

use crate::content::Workspace;
use crate::diag::{Code, Diagnostic, Report};
use crate::host::Host;

/// A validation rule: one concern, one file, its own codes.
pub trait Rule {
    /// Every code this rule can emit (for docs and the fixture test).
    fn codes(&self) -> &'static [&'static Code];
    /// Looks at the context and reports findings.
    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>);
}

/// The one list of validation rules.
pub fn all_rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(rules::discovery::Discovery),
        Box::new(rules::conf_syntax::ConfSyntax),
        Box::new(rules::conf_keys::ConfKeys),
        Box::new(rules::legacy_files::LegacyFiles),
        Box::new(rules::mod_files::ModFiles),
        Box::new(rules::names::Names),
        Box::new(rules::list_entries::ListEntries),
        Box::new(rules::dependencies::Dependencies),
        Box::new(rules::media_folders::MediaFolders),
        Box::new(rules::media_names::MediaNames),
        Box::new(rules::media_clash::MediaClash),
        Box::new(rules::large_files::LargeFiles),
        Box::new(rules::games::Games),
        Box::new(rules::worlds::Worlds),
        Box::new(rules::licence::Licence),
        Box::new(rules::translations::Translations),
        Box::new(rules::settingtypes::Settingtypes),
        Box::new(rules::lessons::Lessons),
        Box::new(rules::unreadable::Unreadable),
    ]
}

/// Validates everything under `paths` and returns the sorted findings.
pub fn validate(paths: &[std::path::PathBuf], options: &Options, host: &Host) -> Report {
    let mut workspace = Workspace::discover(paths);
    workspace.probe_unreadable_and_sizes();
    let surroundings = Surroundings::gather(&workspace, options, host);
    let context = Context {
        workspace: &workspace,
        surroundings: &surroundings,
        options,
    };
    let mut out = Vec::new();
    for rule in all_rules() {
        rule.check(&context, &mut out);
    }
    Report::new(out)
}
