//! `lint`: static analysis of mods' Lua files (syntax explained for
//! beginners, then rules over the AST) plus the findings of loading the
//! mods in the embedded engine. Reads files, writes none.

pub mod codes;
mod files;
pub mod syntax;
pub mod tokens;

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::Workspace;
use crate::diag::{Diagnostic, Report};
use crate::engine::Limits;
use crate::engine::inspect::{InspectOptions, inspect};
use crate::host::Host;

/// Choices for [`lint`].
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// The game loaded with loose mods (see `mtedu info`).
    pub game: Option<String>,
    pub limits: Limits,
}

/// Every code lint can emit (the engine's load codes are listed by the engine).
pub fn all_codes() -> Vec<&'static crate::diag::Code> {
    codes::SYNTAX_CODES.to_vec()
}

/// Static findings plus load findings for everything under `paths`.
pub fn lint(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Report {
    Report::new(lint_findings(paths, options, host))
}

/// The findings, unsorted, for commands that merge them with others.
pub fn lint_findings(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Vec<Diagnostic> {
    let workspace = Workspace::discover(paths);
    let mut out = Vec::new();
    // Mods with a file that does not compile: their load failure repeats it.
    let mut broken_mods: BTreeSet<String> = BTreeSet::new();
    for info in workspace.all_mods() {
        for file in files::lua_files(&info.dir) {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            let source = String::from_utf8_lossy(&bytes);
            if let Some(finding) = syntax::check(&file, &source) {
                broken_mods.insert(info.name.clone());
                out.push(finding);
            }
        }
    }
    let inspect_options = InspectOptions {
        game: options.game.clone(),
        all: false,
        limits: options.limits,
    };
    if let Ok(inspection) = inspect(paths, &inspect_options, host) {
        let load_failures = [
            crate::engine::findings::SYNTAX_ERROR.id,
            crate::engine::findings::LOAD_ERROR.id,
        ];
        for finding in inspection.report.diagnostics {
            let failed_mod = finding
                .args
                .iter()
                .find(|(name, _)| *name == "mod")
                .map(|(_, value)| value);
            let repeats_syntax = load_failures.contains(&finding.code.id)
                && failed_mod.is_some_and(|value| matches!(value, crate::diag::ArgValue::Text(name) if broken_mods.contains(name)));
            if !repeats_syntax {
                out.push(finding);
            }
        }
    }
    out
}
