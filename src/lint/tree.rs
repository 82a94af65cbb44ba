//! Small readers of the syntax tree shared by the rules that look at what
//! an expression means (`check_tree`): where a node starts, the engine's
//! `minetest.x` / `core.x` names, a call's arguments, a literal's value.

use full_moon::ast::{
    Call, Expression, FunctionArgs, FunctionCall, Index, Prefix, Suffix, Var, VarExpression,
};
use full_moon::node::Node;
use full_moon::tokenizer::TokenReference;

/// `(line, column)` where a token starts.
pub fn position(token: &TokenReference) -> (usize, usize) {
    let at = token.token().start_position();
    (at.line(), at.character())
}

/// `(line, column)` where a node starts, when it has a token.
pub fn start_of(node: &impl Node) -> Option<(usize, usize)> {
    node.start_position().map(|at| (at.line(), at.character()))
}

/// How many characters a node spans on its first line, for underlining.
pub fn width_on_first_line(node: &impl Node) -> usize {
    match (node.start_position(), node.end_position()) {
        (Some(start), Some(end)) if start.line() == end.line() => {
            end.character().saturating_sub(start.character()).max(1)
        }
        _ => 1,
    }
}

/// The text of a node as written, without the spaces and comments around it.
pub fn text_of(node: &(impl Node + std::fmt::Display)) -> String {
    node.to_string().trim().to_owned()
}

/// `minetest` or `core`: the names mods use for the engine's table.
pub fn is_engine_table(name: &str) -> bool {
    name == "minetest" || name == "core"
}

/// `(base, field)` of `minetest.field` / `core.field` read as a value
/// (not called), such as `on_use = minetest.item_eat`.
pub fn engine_field(expression: &Expression) -> Option<(String, &TokenReference)> {
    let Expression::Var(Var::Expression(var)) = expression else {
        return None;
    };
    engine_path(var)
}

fn engine_path(var: &VarExpression) -> Option<(String, &TokenReference)> {
    let Prefix::Name(base) = var.prefix() else {
        return None;
    };
    let base = base.token().to_string();
    if !is_engine_table(&base) {
        return None;
    }
    let suffixes: Vec<&Suffix> = var.suffixes().collect();
    match suffixes.as_slice() {
        [Suffix::Index(Index::Dot { name, .. })] => Some((base, name)),
        _ => None,
    }
}

/// `(function name, arguments)` of a call `minetest.f(…)` / `core.f(…)`
/// with nothing after it.
pub fn engine_call(call: &FunctionCall) -> Option<(&TokenReference, &FunctionArgs)> {
    let Prefix::Name(base) = call.prefix() else {
        return None;
    };
    if !is_engine_table(&base.token().to_string()) {
        return None;
    }
    let suffixes: Vec<&Suffix> = call.suffixes().collect();
    match suffixes.as_slice() {
        [
            Suffix::Index(Index::Dot { name, .. }),
            Suffix::Call(Call::AnonymousCall(args)),
        ] => Some((name, args)),
        _ => None,
    }
}

/// The arguments of a call written with parentheses (a single table or
/// string argument written without them counts as one).
pub fn arguments(args: &FunctionArgs) -> Vec<&Expression> {
    match args {
        FunctionArgs::Parentheses { arguments, .. } => arguments.iter().collect(),
        _ => Vec::new(),
    }
}

/// The value of a number literal (decimal or hexadecimal), or of a
/// negated one.
pub fn number_value(expression: &Expression) -> Option<f64> {
    match expression {
        Expression::Number(token) => lua_number(&token.token().to_string()),
        Expression::UnaryOperator {
            unop: full_moon::ast::UnOp::Minus(_),
            expression,
        } => number_value(expression).map(|value| -value),
        Expression::Parentheses { expression, .. } => number_value(expression),
        _ => None,
    }
}

/// What Lua's `tonumber` makes of a text: decimal with an optional
/// exponent, or `0x` hexadecimal, spaces around allowed.
pub fn lua_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let value = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(hex, 16).ok()? as f64
    } else {
        let plain = body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
        if body.is_empty() || !plain || !body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        {
            return None;
        }
        body.parse::<f64>().ok()?
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_as_lua_reads_them() {
        assert_eq!(lua_number("12"), Some(12.0));
        assert_eq!(lua_number(" 1.5e2 "), Some(150.0));
        assert_eq!(lua_number("0x1F"), Some(31.0));
        assert_eq!(lua_number("-3"), Some(-3.0));
        assert_eq!(lua_number("Salut "), None);
        assert_eq!(lua_number(""), None);
        assert_eq!(lua_number("e5"), None);
        assert_eq!(lua_number("inf"), None);
    }
}
