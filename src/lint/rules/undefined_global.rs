//! Reading a global that nothing defines: usually a misspelt name. When
//! code that runs as the mod loads calls or indexes it, the mod will stop
//! with "attempt to index a nil value": an error. Inside a function it
//! stops only if the function runs: a warning.

use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::rules::local_below_function::declared_below;
use crate::lint::scope::GlobalAccess;

pub const UNDEFINED_GLOBAL: Code = Code {
    id: "MT2101",
    name: "undefined-global",
    severity: Severity::Error,
    doc: "A global name is called or indexed but nothing defines it: the mod will stop there.",
};

pub const UNDEFINED_GLOBAL_READ: Code = Code {
    id: "MT2104",
    name: "undefined-global-read",
    severity: Severity::Warning,
    doc: "A global name is read but nothing defines it: its value is always nil.",
};

pub const UNDEFINED_GLOBAL_IN_FUNCTION: Code = Code {
    id: "MT2105",
    name: "undefined-global-in-function",
    severity: Severity::Warning,
    doc: "Inside a function, a global name is called or indexed but nothing defines it: the function will stop there when it runs.",
};

pub const USED_BEFORE_DEFINITION: Code = Code {
    id: "MT2107",
    name: "used-before-definition",
    severity: Severity::Error,
    doc: "A name is used above the `local` line that creates it: at that point it does not exist yet.",
};

pub const GLOBAL_BY_LOAD_ORDER: Code = Code {
    id: "MT2114",
    name: "global-by-load-order",
    severity: Severity::Warning,
    doc: "A global comes from a mod that is not in `depends` but happens to load first: add that mod to `depends`.",
};

pub struct UndefinedGlobal;

impl LintRule for UndefinedGlobal {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &UNDEFINED_GLOBAL,
            &UNDEFINED_GLOBAL_READ,
            &UNDEFINED_GLOBAL_IN_FUNCTION,
            &USED_BEFORE_DEFINITION,
            &GLOBAL_BY_LOAD_ORDER,
        ]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        let mut explained = std::collections::BTreeSet::new();
        for global in &file.analysis.globals {
            if global.access == GlobalAccess::Write
                // A function above the file's `local` of that name:
                // local_below_function.rs says so.
                || declared_below(file, global).is_some()
                || file.known_globals.contains(&global.name)
                || global.tested
                || file.guard_covers(global, None)
            {
                continue;
            }
            if let Some(provider) = file.load_order_globals.get(&global.name) {
                if explained.insert(global.name.clone()) {
                    out.push(
                        Diagnostic::new(&GLOBAL_BY_LOAD_ORDER, file.path)
                            .at(Span::on_line(
                                global.line,
                                global.column,
                                global.name.chars().count(),
                            ))
                            .arg("name", global.name.as_str())
                            .arg("provider", provider.as_str()),
                    );
                }
                continue;
            }
            // A `local` of that name further down: the order is the mistake,
            // said once at the first use.
            if let Some(local) = file
                .analysis
                .locals
                .iter()
                .find(|l| l.top_level && l.name == global.name && l.line > global.line)
            {
                if explained.insert(global.name.clone()) {
                    out.push(
                        Diagnostic::new(&USED_BEFORE_DEFINITION, file.path)
                            .at(Span::on_line(
                                global.line,
                                global.column,
                                global.name.chars().count(),
                            ))
                            .arg("name", global.name.as_str())
                            .arg("line", local.line),
                    );
                }
                continue;
            }
            let code = match (global.access, global.in_function) {
                (GlobalAccess::ReadUsed, false) => &UNDEFINED_GLOBAL,
                (GlobalAccess::ReadUsed, true) => &UNDEFINED_GLOBAL_IN_FUNCTION,
                _ => &UNDEFINED_GLOBAL_READ,
            };
            let suggestion =
                did_you_mean(&global.name, file.known_globals.iter().map(String::as_str));
            out.push(
                Diagnostic::new(code, file.path)
                    .at(Span::on_line(
                        global.line,
                        global.column,
                        global.name.chars().count(),
                    ))
                    .arg("name", global.name.as_str())
                    .arg("suggestion", suggestion.unwrap_or("none")),
            );
        }
    }
}
