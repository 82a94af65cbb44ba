//! The walk over expressions: test positions (a read there is a feature
//! test), `and`/`or` guards, string literals compared with `==`/`~=`,
//! table constructors, anonymous functions.

use full_moon::ast::{BinOp, Expression, Field, Suffix, Var};

use super::super::guards::{self, Outcome};
use super::super::shapes::string_text;
use super::{ComparedString, GlobalAccess, Walker};

impl Walker {
    /// Walks an expression in a test position (or not).
    pub(super) fn expression_testing(&mut self, expression: &Expression, testing: bool) {
        let before = std::mem::replace(&mut self.testing, testing);
        self.expression(expression);
        self.testing = before;
    }

    /// A condition: walked as a feature test, returning what it says.
    pub(super) fn condition(&mut self, expression: &Expression) -> Outcome {
        let outcome = guards::outcome(expression, self);
        self.expression_testing(expression, true);
        outcome
    }

    /// Records the string literals of `a == "x"` / `a ~= "x"`.
    pub(super) fn comparison(&mut self, lhs: &Expression, binop: &BinOp, rhs: &Expression) {
        if !matches!(binop, BinOp::TwoEqual(_) | BinOp::TildeEqual(_)) {
            return;
        }
        for side in [lhs, rhs] {
            if let Expression::String(token) = side
                && let Some(text) = string_text(token)
            {
                let position = token.token().start_position();
                self.analysis.compared_strings.push(ComparedString {
                    text,
                    line: position.line(),
                    column: position.character(),
                });
            }
        }
    }

    pub(super) fn table(&mut self, table: &full_moon::ast::TableConstructor) {
        for field in table.fields() {
            match field {
                Field::NameKey { value, .. } => self.expression(value),
                Field::ExpressionKey { key, value, .. } => {
                    self.expression(key);
                    self.expression(value);
                }
                Field::NoKey(expression) => self.expression(expression),
                _ => {}
            }
        }
    }

    pub(super) fn expression(&mut self, expression: &Expression) {
        let testing = self.testing;
        match expression {
            Expression::BinaryOperator { lhs, binop, rhs } => {
                self.comparison(lhs, binop, rhs);
                match binop {
                    // `x and x.f`, `x or fallback`: the left side is a test,
                    // the right side runs where it held (or failed).
                    BinOp::And(_) | BinOp::Or(_) => {
                        let outcome = guards::outcome(lhs, self);
                        self.expression_testing(lhs, true);
                        let facts = if matches!(binop, BinOp::And(_)) {
                            outcome.when_true
                        } else {
                            outcome.when_false
                        };
                        self.guarded(facts, |walker| walker.expression_testing(rhs, testing));
                    }
                    BinOp::TwoEqual(_) | BinOp::TildeEqual(_) => {
                        // `x == nil`, `type(x) == "table"` test x.
                        let nil = |e: &Expression| matches!(e, Expression::Symbol(t) if t.token().to_string() == "nil");
                        let tests = nil(lhs) || nil(rhs);
                        self.expression_testing(lhs, tests);
                        self.expression_testing(rhs, tests);
                    }
                    _ => {
                        self.expression_testing(lhs, false);
                        self.expression_testing(rhs, false);
                    }
                }
            }
            Expression::Parentheses { expression, .. } => self.expression(expression),
            Expression::UnaryOperator { unop, expression } => {
                let tests = matches!(unop, full_moon::ast::UnOp::Not(_));
                self.expression_testing(expression, tests);
            }
            Expression::Function(function) => {
                self.in_anonymous = true;
                self.testing = false;
                self.function_body(function.body(), false);
                self.testing = testing;
            }
            Expression::FunctionCall(call) => {
                if let Some(argument) = guards::type_argument(expression, self) {
                    // `type(x)` reads x only to test it.
                    self.expression_testing(argument, true);
                    return;
                }
                let suffixes: Vec<&Suffix> = call.suffixes().collect();
                self.prefix(call.prefix(), &suffixes, false);
            }
            Expression::TableConstructor(table) => {
                self.testing = false;
                self.table(table);
                self.testing = testing;
            }
            Expression::Var(Var::Name(token)) => {
                self.name_use(token, GlobalAccess::Read, None, false, testing)
            }
            Expression::Var(Var::Expression(var)) => {
                let suffixes: Vec<&Suffix> = var.suffixes().collect();
                self.prefix(var.prefix(), &suffixes, false);
            }
            _ => {}
        }
    }
}
