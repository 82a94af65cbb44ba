//! An ABM whose `interval` is 0 or below. The engine looks at ABMs once per
//! `abm_interval` (1 s) and counts an interval below 0.001 as 0.001
//! (`ABMHandler` in its serverenvironment.cpp), so such an ABM runs once a
//! second, exactly like `interval = 1` (measured on 5.6.1:
//! `tests/it/engine_fidelity/abm_probe.rs`): not "all the time", as the
//! pupil hoped.

use full_moon::ast::{Expression, Field, FunctionCall};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{
    arguments, engine_call, number_value, start_of, text_of, width_on_first_line,
};

pub const ABM_INTERVAL_NOT_POSITIVE: Code = Code {
    id: "MT2503",
    name: "abm-interval-not-positive",
    severity: Severity::Warning,
    doc: "An ABM with `interval` 0 or below: the engine runs it once a second, as with `interval = 1`.",
};

pub struct AbmInterval;

impl LintRule for AbmInterval {
    fn codes(&self) -> &'static [&'static Code] {
        &[&ABM_INTERVAL_NOT_POSITIVE]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        out.extend(finder.found.into_iter().map(|(value, span)| {
            Diagnostic::new(&ABM_INTERVAL_NOT_POSITIVE, file.path)
                .at(span)
                .arg("value", value)
        }));
    }
}

#[derive(Default)]
struct Finder {
    found: Vec<(String, Span)>,
}

impl Visitor for Finder {
    fn visit_function_call(&mut self, call: &FunctionCall) {
        let Some((function, args)) = engine_call(call) else {
            return;
        };
        if function.token().to_string() != "register_abm" {
            return;
        }
        let Some(Expression::TableConstructor(table)) = arguments(args).first().copied() else {
            return;
        };
        for field in table.fields() {
            let Field::NameKey { key, value, .. } = field else {
                continue;
            };
            if key.token().to_string() != "interval" {
                continue;
            }
            if let Some(number) = number_value(value)
                && number <= 0.0
                && let Some((line, column)) = start_of(&**value)
            {
                self.found.push((
                    text_of(&**value),
                    Span::on_line(line, column, width_on_first_line(&**value)),
                ));
            }
        }
    }
}
