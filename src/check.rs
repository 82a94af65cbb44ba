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
    out.extend(
        lint_findings(paths, options, host)
            .into_iter()
            .filter(|finding| !repeated.contains(finding.code.id)),
    );
    Report::new(crate::lint::suppress::apply(out, paths))
}
