//! Guards and feature tests, read from the data flow of a condition: what a
//! condition says exists when it holds (or when it fails). A global or a
//! field of one (`if x then`, `x ~= nil`, `type(x.f) == "function"`,
//! `rawget(_G, "x")`, `core.global_exists("x")`), or a mod
//! (`core.get_modpath("m")`); locals and global fields carry such an answer
//! (`local has_x = core.get_modpath("x")` … `if has_x then`). Code behind a
//! guard runs only where the guarded thing exists, so it is no mistake.

use std::collections::BTreeSet;

use full_moon::ast::{BinOp, Call, Expression, FunctionArgs, Index, Prefix, Suffix, UnOp, Var};

use super::shapes::string_text;

/// What is known to exist at some point of the code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Global names and field paths (`x`, `x.f`), each with its prefixes.
    pub names: BTreeSet<String>,
    /// Mods known to be loaded.
    pub mods: BTreeSet<String>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.mods.is_empty()
    }

    /// Both sets of facts.
    pub fn union(mut self, other: &Facts) -> Facts {
        self.names.extend(other.names.iter().cloned());
        self.mods.extend(other.mods.iter().cloned());
        self
    }

    /// Only the facts both hold.
    pub fn intersection(&self, other: &Facts) -> Facts {
        Facts {
            names: self.names.intersection(&other.names).cloned().collect(),
            mods: self.mods.intersection(&other.mods).cloned().collect(),
        }
    }

    /// The path `a.b.c` exists, so do `a.b` and `a`.
    fn with_path(path: &str) -> Facts {
        let mut facts = Facts::default();
        let mut end = 0;
        for part in path.split('.') {
            end += part.len();
            facts.names.insert(path[..end].to_owned());
            end += 1;
        }
        facts
    }

    fn with_mod(name: &str) -> Facts {
        Facts {
            mods: BTreeSet::from([name.to_owned()]),
            ..Facts::default()
        }
    }
}

/// What a condition says when it holds and when it fails.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub when_true: Facts,
    pub when_false: Facts,
}

impl Outcome {
    pub fn is_empty(&self) -> bool {
        self.when_true.is_empty() && self.when_false.is_empty()
    }

    fn negated(self) -> Outcome {
        Outcome {
            when_true: self.when_false,
            when_false: self.when_true,
        }
    }

    fn holding(when_true: Facts) -> Outcome {
        Outcome {
            when_true,
            ..Outcome::default()
        }
    }
}

/// How names resolve where the condition is.
pub trait Bindings {
    /// `Some(carried)` when `name` is a local here (with the outcome it
    /// carries, if any); `None` when it is a global.
    fn local_outcome(&self, name: &str) -> Option<Option<Outcome>>;
    /// The outcome a global path (`mymod.has_x`) was last assigned.
    fn path_outcome(&self, path: &str) -> Option<Outcome>;
}

/// The global path an expression reads (`x`, `x.f.g`, `x["f"]`), when it
/// is one: a global name followed only by constant field indexes.
pub fn global_path(expression: &Expression, bindings: &impl Bindings) -> Option<String> {
    match expression {
        Expression::Parentheses { expression, .. } => global_path(expression, bindings),
        Expression::Var(Var::Name(token)) => {
            let name = token.token().to_string();
            bindings.local_outcome(&name).is_none().then_some(name)
        }
        Expression::Var(Var::Expression(var)) => {
            let Prefix::Name(token) = var.prefix() else {
                return None;
            };
            let mut path = token.token().to_string();
            if bindings.local_outcome(&path).is_some() {
                return None;
            }
            for suffix in var.suffixes() {
                path.push('.');
                path.push_str(&constant_index(suffix)?);
            }
            Some(path)
        }
        _ => None,
    }
}

/// The field name of `.f` or `["f"]`.
pub fn constant_index(suffix: &Suffix) -> Option<String> {
    match suffix {
        Suffix::Index(Index::Dot { name, .. }) => Some(name.token().to_string()),
        Suffix::Index(Index::Brackets { expression, .. }) => match expression.as_ref() {
            Expression::String(token) => string_text(token),
            _ => None,
        },
        _ => None,
    }
}

/// What `expression`, used as a condition, says exists.
pub fn outcome(expression: &Expression, bindings: &impl Bindings) -> Outcome {
    match expression {
        Expression::Parentheses { expression, .. } => outcome(expression, bindings),
        Expression::UnaryOperator {
            unop: UnOp::Not(_),
            expression,
        } => outcome(expression, bindings).negated(),
        Expression::BinaryOperator { lhs, binop, rhs } => {
            let (left, right) = (outcome(lhs, bindings), outcome(rhs, bindings));
            match binop {
                BinOp::And(_) => Outcome {
                    when_true: left.when_true.union(&right.when_true),
                    when_false: left.when_false.intersection(&right.when_false),
                },
                BinOp::Or(_) => Outcome {
                    when_true: left.when_true.intersection(&right.when_true),
                    when_false: left.when_false.union(&right.when_false),
                },
                BinOp::TildeEqual(_) => comparison(lhs, rhs, bindings),
                BinOp::TwoEqual(_) => comparison(lhs, rhs, bindings).negated(),
                _ => Outcome::default(),
            }
        }
        Expression::Var(Var::Name(token)) => {
            let name = token.token().to_string();
            match bindings.local_outcome(&name) {
                Some(carried) => carried.unwrap_or_default(),
                None => carried_by_path(&name, bindings),
            }
        }
        Expression::Var(_) => match global_path(expression, bindings) {
            Some(path) => carried_by_path(&path, bindings),
            None => Outcome::default(),
        },
        Expression::FunctionCall(_) => call_outcome(expression, bindings),
        _ => Outcome::default(),
    }
}

/// A global path as a condition: it exists when true, plus what it carries.
fn carried_by_path(path: &str, bindings: &impl Bindings) -> Outcome {
    let carried = bindings.path_outcome(path).unwrap_or_default();
    Outcome {
        when_true: Facts::with_path(path).union(&carried.when_true),
        when_false: carried.when_false,
    }
}

/// `a ~= b`, as an outcome: `x ~= nil`, `type(x) ~= "nil"`, or negated
/// `type(x) == "function"`.
fn comparison(lhs: &Expression, rhs: &Expression, bindings: &impl Bindings) -> Outcome {
    for (side, other) in [(lhs, rhs), (rhs, lhs)] {
        if is_nil(other) {
            return Outcome::holding(outcome(side, bindings).when_true);
        }
        if let Some(tested) = type_argument(side, bindings)
            && let Expression::String(token) = other
            && let Some(kind) = string_text(token)
        {
            let exists = outcome(tested, bindings).when_true;
            // `type(x) ~= "nil"` holds when x exists; `type(x) ~= "table"`
            // fails when x is a table, so it exists.
            return if kind == "nil" {
                Outcome::holding(exists)
            } else {
                Outcome {
                    when_false: exists,
                    ..Outcome::default()
                }
            };
        }
    }
    Outcome::default()
}

fn is_nil(expression: &Expression) -> bool {
    matches!(expression, Expression::Symbol(token) if token.token().to_string() == "nil")
}

/// `x` of `type(x)`, when `type` is Lua's.
pub fn type_argument<'a>(
    expression: &'a Expression,
    bindings: &impl Bindings,
) -> Option<&'a Expression> {
    let (name, arguments) = plain_call(expression)?;
    if name != ["type"] || bindings.local_outcome("type").is_some() {
        return None;
    }
    match arguments.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// `rawget(_G, "x")`, `core.global_exists("x")`, `core.get_modpath("m")`.
fn call_outcome(expression: &Expression, bindings: &impl Bindings) -> Outcome {
    let Some((name, arguments)) = plain_call(expression) else {
        return Outcome::default();
    };
    if bindings.local_outcome(name[0]).is_some() {
        return Outcome::default();
    }
    let text = |index: usize| match arguments.get(index) {
        Some(Expression::String(token)) => string_text(token),
        _ => None,
    };
    let engine = matches!(name[0], "minetest" | "core");
    match name.as_slice() {
        ["rawget"] if matches!(arguments.first(), Some(Expression::Var(Var::Name(g))) if g.token().to_string() == "_G") => {
            text(1).map_or_else(Outcome::default, |n| Outcome::holding(Facts::with_path(&n)))
        }
        [_, "global_exists"] if engine => {
            text(0).map_or_else(Outcome::default, |n| Outcome::holding(Facts::with_path(&n)))
        }
        [_, "get_modpath"] if engine => {
            text(0).map_or_else(Outcome::default, |m| Outcome::holding(Facts::with_mod(&m)))
        }
        _ => Outcome::default(),
    }
}

/// `f(args)` or `a.f(args)` with parenthesised arguments: the names and
/// the argument expressions.
pub fn plain_call(expression: &Expression) -> Option<(Vec<&str>, Vec<&Expression>)> {
    let Expression::FunctionCall(call) = expression else {
        return None;
    };
    let Prefix::Name(token) = call.prefix() else {
        return None;
    };
    let mut names = vec![token.token().token_type_name()];
    let suffixes: Vec<&Suffix> = call.suffixes().collect();
    let (last, fields) = suffixes.split_last()?;
    for suffix in fields {
        let Suffix::Index(Index::Dot { name, .. }) = suffix else {
            return None;
        };
        names.push(name.token().token_type_name());
    }
    let Suffix::Call(Call::AnonymousCall(args)) = last else {
        return None;
    };
    let FunctionArgs::Parentheses { arguments, .. } = args.as_ref() else {
        return None;
    };
    Some((names, arguments.iter().collect()))
}

/// The identifier text of a name token.
trait TokenName {
    fn token_type_name(&self) -> &str;
}

impl TokenName for full_moon::tokenizer::Token {
    fn token_type_name(&self) -> &str {
        match self.token_type() {
            full_moon::tokenizer::TokenType::Identifier { identifier } => identifier.as_str(),
            _ => "",
        }
    }
}
