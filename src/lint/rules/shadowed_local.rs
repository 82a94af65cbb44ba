//! A local that hides another local of the same name declared above: the
//! outer one can no longer be reached here, which often surprises.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::LocalKind;

pub const SHADOWED_LOCAL: Code = Code {
    id: "MT2203",
    name: "shadowed-local",
    severity: Severity::Info,
    doc: "A local hides another local of the same name declared above.",
};

pub struct ShadowedLocal;

impl LintRule for ShadowedLocal {
    fn codes(&self) -> &'static [&'static Code] {
        &[&SHADOWED_LOCAL]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for local in &file.analysis.locals {
            let Some((line, _)) = local.shadows else {
                continue;
            };
            if local.name.starts_with('_') || local.kind == LocalKind::LoopVariable {
                continue;
            }
            out.push(
                Diagnostic::new(&SHADOWED_LOCAL, file.path)
                    .at(Span::on_line(
                        local.line,
                        local.column,
                        local.name.chars().count(),
                    ))
                    .arg("name", local.name.as_str())
                    .arg("line", line),
            );
        }
    }
}
