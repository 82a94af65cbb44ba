//! A function that creates a global variable the mod never declares at
//! the top of a file: the engine warns about it when it runs, and the name
//! may clash with another mod's.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::rules::local_below_function::declared_below;
use crate::lint::scope::GlobalAccess;

pub const GLOBAL_IN_FUNCTION: Code = Code {
    id: "MT2102",
    name: "global-in-function",
    severity: Severity::Warning,
    doc: "A function assigns a global variable that is never declared at the top of a file.",
};

pub struct GlobalInFunction;

impl LintRule for GlobalInFunction {
    fn codes(&self) -> &'static [&'static Code] {
        &[&GLOBAL_IN_FUNCTION]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        // Once per name and file: the first assignment is the one to fix.
        let mut reported = std::collections::BTreeSet::new();
        for global in &file.analysis.globals {
            if global.access != GlobalAccess::Write
                || !global.in_function
                || file.declared_globals.contains(&global.name)
                // The file's `local` of that name comes further down:
                // local_below_function.rs says so.
                || declared_below(file, global).is_some()
                || !reported.insert(global.name.clone())
            {
                continue;
            }
            out.push(
                Diagnostic::new(&GLOBAL_IN_FUNCTION, file.path)
                    .at(Span::on_line(
                        global.line,
                        global.column,
                        global.name.chars().count(),
                    ))
                    .arg("name", global.name.as_str()),
            );
        }
    }
}
