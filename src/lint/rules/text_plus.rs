//! Text joined with `+` (`"Salut " + name`): in Lua `+` only adds numbers,
//! so the line stops with "attempt to perform arithmetic on a string
//! value" when it runs; `..` joins text. A literal that Lua reads as a
//! number (`"5" + 1` is 6) is left alone.

use full_moon::ast::{BinOp, Expression};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::shapes::string_text;
use crate::lint::tree::{lua_number, position};

pub const TEXT_ADDED_WITH_PLUS: Code = Code {
    id: "MT2508",
    name: "text-added-with-plus",
    severity: Severity::Error,
    doc: "Text joined with `+` (`\"Hello \" + name`): Lua stops there when it runs; text is joined with `..`.",
};

pub struct TextPlus;

impl LintRule for TextPlus {
    fn codes(&self) -> &'static [&'static Code] {
        &[&TEXT_ADDED_WITH_PLUS]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        // One finding a line: `"a" + b + "c"` is one mistake.
        let mut lines = std::collections::BTreeSet::new();
        for (text, line, column) in finder.found {
            if !lines.insert(line) {
                continue;
            }
            out.push(
                Diagnostic::new(&TEXT_ADDED_WITH_PLUS, file.path)
                    .at(Span::on_line(line, column, 1))
                    .arg("text", text),
            );
        }
    }
}

#[derive(Default)]
struct Finder {
    /// `(the literal as written, line and column of the +)`.
    found: Vec<(String, usize, usize)>,
}

/// A string literal Lua cannot read as a number, as written (quotes
/// included).
fn text_operand(expression: &Expression) -> Option<String> {
    let Expression::String(token) = expression else {
        return None;
    };
    let text = string_text(token)?;
    lua_number(&text)
        .is_none()
        .then(|| token.token().to_string())
}

impl Visitor for Finder {
    fn visit_expression(&mut self, expression: &Expression) {
        let Expression::BinaryOperator { lhs, binop, rhs } = expression else {
            return;
        };
        let BinOp::Plus(plus) = binop else {
            return;
        };
        if let Some(text) = text_operand(lhs).or_else(|| text_operand(rhs)) {
            let (line, column) = position(plus);
            self.found.push((text, line, column));
        }
    }
}
