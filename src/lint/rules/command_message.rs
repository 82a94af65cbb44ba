//! A chat command whose `func` makes a message and never gives it back:
//! `local message = "Hello " .. name` and no `return true, message`. The
//! engine shows the player only what `func` returns, so the player who
//! types the command sees nothing. Only a message kept in a local that
//! nothing reads afterwards, in a `func` that returns no value at all.

use full_moon::ast::{
    BinOp, Expression, Field, FunctionBody, FunctionCall, LastStmt, LocalAssignment,
};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{arguments, engine_call, position};

pub const COMMAND_MESSAGE_NOT_RETURNED: Code = Code {
    id: "MT2509",
    name: "command-message-not-returned",
    severity: Severity::Warning,
    doc: "A chat command's `func` makes a message but returns nothing: the player sees nothing; `return true, message` was meant.",
};

pub struct CommandMessage;

impl LintRule for CommandMessage {
    fn codes(&self) -> &'static [&'static Code] {
        &[&COMMAND_MESSAGE_NOT_RETURNED]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        for (name, line, column) in finder.found {
            let unused = file.analysis.locals.iter().any(|local| {
                local.name == name && local.line == line && local.column == column && !local.used
            });
            if unused {
                out.push(
                    Diagnostic::new(&COMMAND_MESSAGE_NOT_RETURNED, file.path)
                        .at(Span::on_line(line, column, name.chars().count()))
                        .arg("name", name),
                );
            }
        }
    }
}

/// The locals holding a message in chat commands' `func`s that return
/// nothing: `(name, line, column)`.
#[derive(Default)]
struct Finder {
    found: Vec<(String, usize, usize)>,
}

impl Visitor for Finder {
    fn visit_function_call(&mut self, call: &FunctionCall) {
        let Some((function, args)) = engine_call(call) else {
            return;
        };
        if function.token().to_string() != "register_chatcommand" {
            return;
        }
        let Some(Expression::TableConstructor(table)) = arguments(args).get(1).copied() else {
            return;
        };
        for field in table.fields() {
            if let Field::NameKey { key, value, .. } = field
                && key.token().to_string() == "func"
                && let Expression::Function(function) = &**value
            {
                let mut body = Body::default();
                function.body().block().visit(&mut body);
                if !body.returns_a_value {
                    self.found.extend(body.messages);
                }
            }
        }
    }
}

/// What the body of one `func` does, nested functions left out.
#[derive(Default)]
struct Body {
    /// Nested function bodies being walked.
    nested: usize,
    returns_a_value: bool,
    messages: Vec<(String, usize, usize)>,
}

/// Text the command could say: a string, text joined with `..`, or
/// `string.format(…)`.
fn is_message(expression: &Expression) -> bool {
    match expression {
        Expression::String(_) => true,
        Expression::BinaryOperator {
            lhs,
            binop: BinOp::TwoDots(_),
            rhs,
        } => is_message(lhs) || is_message(rhs),
        Expression::Parentheses { expression, .. } => is_message(expression),
        Expression::FunctionCall(call) => {
            let text = call.to_string();
            text.trim_start().starts_with("string.format")
        }
        _ => false,
    }
}

impl Visitor for Body {
    fn visit_function_body(&mut self, _: &FunctionBody) {
        self.nested += 1;
    }
    fn visit_function_body_end(&mut self, _: &FunctionBody) {
        self.nested -= 1;
    }
    fn visit_last_stmt(&mut self, statement: &LastStmt) {
        if self.nested == 0
            && let LastStmt::Return(returned) = statement
            && !returned.returns().is_empty()
        {
            self.returns_a_value = true;
        }
    }
    fn visit_local_assignment(&mut self, assignment: &LocalAssignment) {
        if self.nested > 0 {
            return;
        }
        for (name, value) in assignment.names().iter().zip(assignment.expressions()) {
            if is_message(value) {
                let (line, column) = position(name);
                self.found_message(name.token().to_string(), line, column);
            }
        }
    }
}

impl Body {
    fn found_message(&mut self, name: String, line: usize, column: usize) {
        self.messages.push((name, line, column));
    }
}
