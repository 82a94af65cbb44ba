//! Which files a mod's code loads: `dofile(path)` / `loadfile(path)` where
//! the path is built from the mod's folder (`core.get_modpath(…)`, through
//! locals and `..`) and string literals, also over a literal list of names
//! in a `for` loop. A path that is built otherwise is "dynamic": only the
//! engine's load can tell which file it is.

use full_moon::ast::{BinOp, Expression, Field, Var};

use super::guards::{Bindings, plain_call};
use super::shapes::string_text;

/// The mod whose folder a path starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModRef {
    /// `core.get_modpath(core.get_current_modname())`.
    Current,
    /// `core.get_modpath("name")`.
    Named(String),
}

/// What an expression holds, for building file paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A mod's folder followed by `text`.
    Path(ModRef, String),
    /// Plain text.
    Text(String),
    /// A mod's name (`core.get_current_modname()`).
    ModName(ModRef),
    /// A literal list of strings, for `for _, name in ipairs(list)`.
    List(Vec<String>),
}

/// One `dofile`/`loadfile` call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    pub line: usize,
    /// The files it may load (a mod and a path inside its folder); empty
    /// when the path is dynamic.
    pub targets: Vec<(ModRef, String)>,
    /// What conditions established where the call is.
    pub facts: super::guards::Facts,
}

/// How the walker finds what a name holds.
pub trait Values: Bindings {
    fn local_value(&self, name: &str) -> Option<Vec<Value>>;
    fn path_value(&self, path: &str) -> Option<Vec<Value>>;
}

/// At most this many alternatives are followed (loops over lists).
const MAX_ALTERNATIVES: usize = 256;

/// The values `expression` may hold, when they are plain.
pub fn values(expression: &Expression, names: &impl Values) -> Option<Vec<Value>> {
    match expression {
        Expression::Parentheses { expression, .. } => values(expression, names),
        Expression::String(token) => Some(vec![Value::Text(string_text(token)?)]),
        Expression::Var(Var::Name(token)) => {
            let name = token.token().to_string();
            match names.local_outcome(&name) {
                Some(_) => names.local_value(&name),
                None => names.path_value(&name),
            }
        }
        Expression::Var(_) => names.path_value(&super::guards::global_path(expression, names)?),
        Expression::BinaryOperator {
            lhs,
            binop: BinOp::TwoDots(_),
            rhs,
        } => {
            let (left, right) = (values(lhs, names)?, values(rhs, names)?);
            if left.len() * right.len() > MAX_ALTERNATIVES {
                return None;
            }
            let mut joined = Vec::new();
            for l in &left {
                for r in &right {
                    joined.push(concat(l, r)?);
                }
            }
            Some(joined)
        }
        Expression::TableConstructor(table) => {
            let mut items = Vec::new();
            for field in table.fields() {
                let Field::NoKey(Expression::String(token)) = field else {
                    return None;
                };
                items.push(string_text(token)?);
            }
            Some(vec![Value::List(items)])
        }
        Expression::FunctionCall(_) => call_value(expression, names),
        _ => None,
    }
}

fn concat(left: &Value, right: &Value) -> Option<Value> {
    let text = match right {
        Value::Text(text) => text.as_str(),
        _ => return None,
    };
    match left {
        Value::Path(base, before) => Some(Value::Path(base.clone(), format!("{before}{text}"))),
        Value::Text(before) => Some(Value::Text(format!("{before}{text}"))),
        _ => None,
    }
}

fn call_value(expression: &Expression, names: &impl Values) -> Option<Vec<Value>> {
    let (name, arguments) = plain_call(expression)?;
    if names.local_outcome(name[0]).is_some() || !matches!(name[0], "minetest" | "core") {
        return None;
    }
    match (name.get(1).copied(), arguments.as_slice()) {
        (Some("get_current_modname"), []) => Some(vec![Value::ModName(ModRef::Current)]),
        (Some("get_modpath"), [argument]) => values(argument, names)?
            .into_iter()
            .map(|value| match value {
                Value::Text(name) => Some(Value::Path(ModRef::Named(name), String::new())),
                Value::ModName(module) => Some(Value::Path(module, String::new())),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// The strings a `for` loop's value variable takes: `ipairs(list)` or
/// `pairs(list)` of a literal list (the second name gets them).
pub fn loop_values(expressions: &[&Expression], names: &impl Values) -> Option<Vec<Value>> {
    let [only] = expressions else {
        return None;
    };
    let (name, arguments) = plain_call(only)?;
    if !matches!(name.as_slice(), ["ipairs"] | ["pairs"]) {
        return None;
    }
    let [list] = arguments.as_slice() else {
        return None;
    };
    let mut texts = Vec::new();
    for value in values(list, names)? {
        let Value::List(items) = value else {
            return None;
        };
        texts.extend(items.into_iter().map(Value::Text));
    }
    Some(texts)
}

/// The files `dofile(argument)` may load, or empty when the path is dynamic.
pub fn targets(argument: &Expression, names: &impl Values) -> Vec<(ModRef, String)> {
    values(argument, names)
        .and_then(|values| {
            values
                .into_iter()
                .map(|value| match value {
                    Value::Path(base, rest) => Some((base, rest)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}
