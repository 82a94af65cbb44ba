//! A [`Report`]: the findings of one command, sorted and counted.

use super::{Diagnostic, Severity};

/// Counts by severity, as printed at the end and in JSON.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// All findings of a run, in a stable order.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Sorts the findings and removes exact duplicates (same code, place and arguments).
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics.dedup_by(|a, b| {
            a.code == b.code && a.path == b.path && a.span == b.span && a.args == b.args
        });
        Report { diagnostics }
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for diagnostic in &self.diagnostics {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// True when at least one finding is an error: the command then exits with 1.
    pub fn has_errors(&self) -> bool {
        self.summary().errors > 0
    }
}
