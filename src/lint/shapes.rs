//! What an expression plainly is, read from the AST without running it:
//! the kind of a definition field's value, the rows of a table of tables
//! (craft recipes), how many arguments a call passes, a string literal's
//! text. Shared by the scope analysis ([`super::scope`]).

use full_moon::ast::{Expression, Field, FunctionArgs, TableConstructor};
use full_moon::tokenizer::{TokenReference, TokenType};

use super::scope::FieldValue;

/// One row `{ … }` of a table of tables, such as a shaped recipe's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub line: usize,
    pub column: usize,
    /// How many entries the row has, or `None` when a call or `...` at its
    /// end makes the count unknowable.
    pub entries: Option<usize>,
}

/// What kind of value an expression is, when the source says it plainly.
pub fn field_value(expression: &Expression) -> FieldValue {
    match expression {
        Expression::String(token) => string_text(token).map_or(FieldValue::Other, FieldValue::Text),
        Expression::Number(_) => FieldValue::Number,
        Expression::TableConstructor(_) => FieldValue::Table,
        Expression::Function(_) => FieldValue::Function,
        Expression::Symbol(token) => match token.token().to_string().as_str() {
            "true" | "false" => FieldValue::Boolean,
            "nil" => FieldValue::Nil,
            _ => FieldValue::Other,
        },
        Expression::UnaryOperator { expression, .. }
            if matches!(field_value(expression), FieldValue::Number) =>
        {
            FieldValue::Number
        }
        _ => FieldValue::Other,
    }
}

/// The text of a string literal token, without its quotes.
pub fn string_text(token: &TokenReference) -> Option<String> {
    match token.token().token_type() {
        TokenType::StringLiteral { literal, .. } => Some(literal.to_string()),
        _ => None,
    }
}

/// The rows of `table` that are themselves literal tables without keys.
pub fn table_rows(table: &TableConstructor) -> Vec<TableRow> {
    table
        .fields()
        .iter()
        .filter_map(|field| match field {
            Field::NoKey(Expression::TableConstructor(row)) => {
                let position = row.braces().tokens().0.token().start_position();
                Some(TableRow {
                    line: position.line(),
                    column: position.character(),
                    entries: positional_count(row),
                })
            }
            _ => None,
        })
        .collect()
}

/// How many positional entries a table constructor has, if knowable.
fn positional_count(table: &TableConstructor) -> Option<usize> {
    let fields: Vec<&Field> = table.fields().iter().collect();
    if !fields.iter().all(|f| matches!(f, Field::NoKey(_))) {
        return None;
    }
    match fields.last() {
        Some(Field::NoKey(last)) if expands(last) => None,
        _ => Some(fields.len()),
    }
}

/// A call or `...` as the last expression of a list gives any number of values.
fn expands(expression: &Expression) -> bool {
    match expression {
        Expression::FunctionCall(_) => true,
        Expression::Symbol(token) => token.token().to_string() == "...",
        _ => false,
    }
}

/// How many arguments a call passes: `(at least, exactly)`: the second is
/// false when the last argument is a call or `...`, which may give more.
pub fn argument_count(args: &FunctionArgs) -> (usize, bool) {
    match args {
        FunctionArgs::Parentheses { arguments, .. } => {
            let count = arguments.len();
            match arguments.iter().last() {
                Some(last) if expands(last) => (count - 1, false),
                _ => (count, true),
            }
        }
        _ => (1, true),
    }
}

/// The line of a call's closing parenthesis (its own line otherwise).
pub fn closing_line(args: &FunctionArgs) -> Option<usize> {
    match args {
        FunctionArgs::Parentheses { parentheses, .. } => {
            Some(parentheses.tokens().1.token().end_position().line())
        }
        FunctionArgs::TableConstructor(table) => {
            Some(table.braces().tokens().1.token().end_position().line())
        }
        _ => None,
    }
}
