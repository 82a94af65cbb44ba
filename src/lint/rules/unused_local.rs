//! Locals and function arguments that are never used: often a typo in a
//! later use, or code left over. Names starting with `_` are left alone,
//! and so are the arguments of anonymous functions: those are callbacks
//! whose arguments the engine chooses.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::LocalKind;

pub const UNUSED_LOCAL: Code = Code {
    id: "MT2201",
    name: "unused-local",
    severity: Severity::Warning,
    doc: "A local variable or local function is never used.",
};

pub const UNUSED_ARGUMENT: Code = Code {
    id: "MT2202",
    name: "unused-argument",
    severity: Severity::Info,
    doc: "A function argument is never used (prefix it with _ to say it is on purpose).",
};

pub struct UnusedLocal;

impl LintRule for UnusedLocal {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNUSED_LOCAL, &UNUSED_ARGUMENT]
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
            let code = match local.kind {
                // A callback's arguments are fixed by the engine.
                LocalKind::Parameter if local.of_anonymous_function => continue,
                LocalKind::Parameter => &UNUSED_ARGUMENT,
                LocalKind::LoopVariable => continue,
                LocalKind::Variable | LocalKind::Function => &UNUSED_LOCAL,
            };
            out.push(
                Diagnostic::new(code, file.path)
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
