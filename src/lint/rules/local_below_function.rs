//! A function that uses a name the file declares with `local` only further
//! down: when the function was written, that local did not exist yet, so
//! inside it the name is a different variable, a global nobody sets
//! (nil). Said as it is ("declared below the function"), not as "declared
//! nowhere": the pupil did write the `local`, just too low. Only names no
//! file of the mod, its dependencies or the engine define as globals.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::{GlobalUse, Local};

pub const LOCAL_BELOW_FUNCTION: Code = Code {
    id: "MT2510",
    name: "local-below-function",
    severity: Severity::Error,
    doc: "A function uses a name whose `local` line comes further down the file: inside the function it is another, empty variable.",
};

/// The top-level `local` further down the file that `global`, used inside
/// a function, was meant to be; `None` when the name is a real global or
/// the use is a feature test.
pub fn declared_below<'a>(file: &'a FileContext, global: &GlobalUse) -> Option<&'a Local> {
    if !global.in_function
        || global.tested
        || file.declared_globals.contains(&global.name)
        || file.guard_covers(global, None)
    {
        return None;
    }
    file.analysis
        .locals
        .iter()
        .find(|l| l.top_level && l.name == global.name && l.line > global.line)
}

pub struct LocalBelowFunction;

impl LintRule for LocalBelowFunction {
    fn codes(&self) -> &'static [&'static Code] {
        &[&LOCAL_BELOW_FUNCTION]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        // Once per name: the first use is the one to read.
        let mut reported = std::collections::BTreeSet::new();
        for global in &file.analysis.globals {
            let Some(local) = declared_below(file, global) else {
                continue;
            };
            if !reported.insert(global.name.clone()) {
                continue;
            }
            out.push(
                Diagnostic::new(&LOCAL_BELOW_FUNCTION, file.path)
                    .at(Span::on_line(
                        global.line,
                        global.column,
                        global.name.chars().count(),
                    ))
                    .arg("name", global.name.as_str())
                    .arg("line", local.line),
            );
        }
    }
}
