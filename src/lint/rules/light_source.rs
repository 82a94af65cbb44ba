//! A node's `light_source` outside 0–14. Measured on the real 5.6.1
//! server (`tests/fixtures/engine/real_content/rc_node_rules`): above 14
//! the engine's builtin lowers it to 14 (`LIGHT_MAX`) and logs a warning;
//! below 0 the engine's C++ reads it as a byte, so the node shines at 14,
//! the brightest, while the pupil wanted darkness.

use full_moon::ast::{Expression, Field, FunctionCall};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{
    arguments, engine_call, number_value, start_of, text_of, width_on_first_line,
};

pub const LIGHT_SOURCE_OUT_OF_RANGE: Code = Code {
    id: "MT2502",
    name: "light-source-out-of-range",
    severity: Severity::Warning,
    doc: "A node's `light_source` above 14 or below 0: the engine makes it 14, the brightest.",
};

/// The brightest light a node gives (`minetest.LIGHT_MAX`).
const LIGHT_MAX: f64 = 14.0;

/// The calls whose definition table may hold a node's `light_source`.
const NODE_DEFINITIONS: &[&str] = &["register_node", "register_item", "override_item"];

pub struct LightSource;

impl LintRule for LightSource {
    fn codes(&self) -> &'static [&'static Code] {
        &[&LIGHT_SOURCE_OUT_OF_RANGE]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        out.extend(finder.found.into_iter().map(|(value, negative, span)| {
            Diagnostic::new(&LIGHT_SOURCE_OUT_OF_RANGE, file.path)
                .at(span)
                .arg("value", value)
                .arg("why", if negative { "negative" } else { "high" })
        }));
    }
}

#[derive(Default)]
struct Finder {
    /// `(the value as written, below 0, where)`.
    found: Vec<(String, bool, Span)>,
}

impl Visitor for Finder {
    fn visit_function_call(&mut self, call: &FunctionCall) {
        let Some((function, args)) = engine_call(call) else {
            return;
        };
        if !NODE_DEFINITIONS.contains(&function.token().to_string().as_str()) {
            return;
        }
        let Some(Expression::TableConstructor(table)) = arguments(args).last().copied() else {
            return;
        };
        for field in table.fields() {
            let Field::NameKey { key, value, .. } = field else {
                continue;
            };
            if key.token().to_string() != "light_source" {
                continue;
            }
            let Some(number) = number_value(value) else {
                continue;
            };
            if !(0.0..=LIGHT_MAX).contains(&number) {
                let Some((line, column)) = start_of(&**value) else {
                    continue;
                };
                self.found.push((
                    text_of(&**value),
                    number < 0.0,
                    Span::on_line(line, column, width_on_first_line(&**value)),
                ));
            }
        }
    }
}
