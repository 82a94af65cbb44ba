//! Arguments of named functions that the body never uses: often a typo
//! in a later use (`nme` for `name`), or an argument left over after a
//! change. Names starting with `_` are left alone (say "on purpose" with
//! `_`), and so are the arguments of anonymous functions: those are
//! callbacks whose arguments the engine chooses.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::LocalKind;

pub const UNUSED_ARGUMENT: Code = Code {
    id: "MT2202",
    name: "unused-argument",
    severity: Severity::Info,
    doc: "A function argument is never used (prefix it with _ to say it is on purpose).",
};

pub struct UnusedArgument;

impl LintRule for UnusedArgument {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNUSED_ARGUMENT]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        let unused = file.analysis.locals.iter().filter(|local| {
            local.kind == LocalKind::Parameter
                && !local.used
                && !local.of_anonymous_function
                && !local.name.starts_with('_')
                // `self` of a method is declared by the `:`, not written.
                && local.line > 0
        });
        for local in unused {
            out.push(
                Diagnostic::new(&UNUSED_ARGUMENT, file.path)
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
