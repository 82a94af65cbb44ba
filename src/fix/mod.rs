//! `mtedu lint --fix`: rewrites the mistakes whose fix is certain —
//! `minetest.env:` (deprecated) → `minetest.`, `!=` → `~=`, `&&`/`||` →
//! `and`/`or`, a misspelt engine function with one closest name. The only
//! module that writes into the user's Lua files, and only when asked:
//! `plan.rs` turns findings into edits, `write.rs` applies them through a
//! temporary file and a rename, and only to files unchanged since read.
//!
//! # Files
//!
//! `mtedu lint --fix`: `plan.rs` turns findings into edits only where the
//! fix is certain, `write.rs` applies them through a temporary file and a
//! rename, only to files unchanged since read.

mod plan;
mod write;

use std::path::PathBuf;

use crate::diag::Code;
use crate::host::Host;
use crate::lint::{LintOptions, lint};

pub use plan::{Edit, plan};

/// One rewrite made in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub path: PathBuf,
    pub line: usize,
    pub code: &'static Code,
    pub before: String,
    pub after: String,
}

/// What `--fix` did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    pub fixed: Vec<Fixed>,
    /// Files left alone: they changed while mtedu was reading them, or
    /// could not be written (with the reason).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Lints, fixes what is certain, and lints again while that changes
/// something (a file that does not compile shows one mistake at a time).
pub fn fix(paths: &[PathBuf], options: &LintOptions, host: &Host) -> FixOutcome {
    let mut outcome = FixOutcome::default();
    for _ in 0..MAX_PASSES {
        let report = lint(paths, options, host);
        let planned = plan(&report.diagnostics);
        if planned.is_empty() {
            break;
        }
        let mut progressed = false;
        for (path, (source, edits)) in planned {
            match write::apply(&path, &source, &edits) {
                Ok(()) => {
                    progressed = true;
                    outcome
                        .fixed
                        .extend(edits.into_iter().map(|edit| edit.into_fixed(&path)));
                }
                Err(reason) => outcome.skipped.push((path, reason)),
            }
        }
        if !progressed {
            break;
        }
    }
    outcome
}

/// Enough for a file with a few foreign operators; each pass fixes at
/// least one mistake or stops.
const MAX_PASSES: usize = 8;
