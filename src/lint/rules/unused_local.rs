//! Locals that are never used: often a typo in a later use, or code left
//! over. Names starting with `_` are left alone; loop variables too.
//! Unused arguments are `unused_argument.rs`.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::LocalKind;

pub const UNUSED_LOCAL: Code = Code {
    id: "MT2201",
    name: "unused-local",
    severity: Severity::Warning,
    doc: "A local variable or local function is never used.",
};

pub struct UnusedLocal;

impl LintRule for UnusedLocal {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNUSED_LOCAL]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for local in &file.analysis.locals {
            if local.used || local.name.starts_with('_') || local.line == 0 {
                continue;
            }
            // Used above its definition: MT2107 already says so.
            if file
                .analysis
                .globals
                .iter()
                .any(|g| local.top_level && g.name == local.name && g.line < local.line)
            {
                continue;
            }
            if !matches!(local.kind, LocalKind::Variable | LocalKind::Function) {
                continue;
            }
            out.push(
                Diagnostic::new(&UNUSED_LOCAL, file.path)
                    .at(Span::on_line(
                        local.line,
                        local.column,
                        local.name.chars().count(),
                    ))
                    .arg("name", local.name.as_str()),
            );
        }
    }
}
