//! `check`: validate + lint, the one command a pupil runs. When two passes
//! report the same mistake (a missing dependency seen by validation and by
//! the engine load), only the more precise finding is kept.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Report};
use crate::host::Host;
use crate::lint::{LintOptions, lint_findings};
use crate::validate::{Options, validate};

/// Engine codes that repeat a validation finding on the same mod.
const REPEATS: &[(&str, &str)] = &[
    ("MT3003", "MT1201"),
    ("MT3003", "MT1104"),
    ("MT3003", "MT1105"),
    ("MT3007", "MT1101"),
];

/// Lint codes that name the cause of a validation finding on the same
/// file: the validation finding is dropped.
const SUPERSEDES: &[(&str, &str)] = &[("MT2404", "MT1103")];

/// Validation and lint findings for everything under `paths`.
pub fn check(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Report {
    let validation = validate(
        paths,
        &Options {
            game: options.game.clone(),
        },
        host,
    );
    let mut out: Vec<Diagnostic> = validation.diagnostics;
    let validated: BTreeSet<&str> = out.iter().map(|d| d.code.id).collect();
    let repeated: BTreeSet<&str> = REPEATS
        .iter()
        .filter(|(_, original)| validated.contains(original))
        .map(|(repeat, _)| *repeat)
        .collect();
    let linted = lint_findings(paths, options, host);
    let superseded: BTreeSet<(&str, PathBuf)> = linted
        .iter()
        .flat_map(|finding| {
            SUPERSEDES
                .iter()
                .filter(|(cause, _)| *cause == finding.code.id)
                .map(|(_, dropped)| (*dropped, absolute(&finding.path)))
        })
        .collect();
    out.retain(|finding| !superseded.contains(&(finding.code.id, absolute(&finding.path))));
    out.extend(
        linted
            .into_iter()
            .filter(|finding| !repeated.contains(finding.code.id)),
    );
    Report::new(crate::lint::suppress::apply(out, paths))
}

fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
