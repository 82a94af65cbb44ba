//! The one explainer of Lua errors: a Lua error and its traceback become
//! a child's message (what went wrong, the fix) at the pupil's own line,
//! in French or English. `check`, `test`, `info` and `serve` (terminal and
//! game chat) all go through it; the raw Lua text stays available as
//! `detail` (JSON, `-v`).
//!
//! `shape.rs` reads Lua's own messages, `engine_checks.rs` the engine's
//! checks on what a function was given (a node where a position goes, an
//! item missing, `groups = {snappy == 3}`), as the real server words them.
//!
//! The words live in the catalogues (`explain-what`, `explain-fix`,
//! selected on the `shape` argument); this module only reads the error.

mod engine_checks;
pub mod shape;

use crate::content::did_you_mean;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::facts::Facts;
use super::{EngineVersion, FailureKind, Frame, LuaFailure};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use shape::{Named, Shape, shape_of};

/// An explained Lua error: the catalogue arguments, the pupil's line and
/// the raw text.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// Arguments for `explain-what` / `explain-fix` (`shape`, `name`, …).
    pub args: Vec<(&'static str, ArgValue)>,
    /// The innermost line inside the pupil's files, if any.
    pub place: Option<(PathBuf, usize)>,
    /// Lua's own message, as the engine prints it.
    pub detail: String,
}

impl Explained {
    /// What went wrong, in the localizer's language.
    pub fn what(&self, localizer: &Localizer) -> String {
        localizer.text("explain-what", &self.args)
    }

    /// What to change.
    pub fn fix(&self, localizer: &Localizer) -> String {
        localizer.text("explain-fix", &self.args)
    }

    /// The shape's key (`index-nil`, `arith-string`, …).
    pub fn shape(&self) -> &str {
        match self.args.iter().find(|(name, _)| *name == "shape") {
            Some((_, ArgValue::Text(text))) => text,
            _ => "other",
        }
    }

    /// One short line for the game chat: `init.lua:12: what fix`.
    pub fn chat_line(&self, localizer: &Localizer) -> String {
        let place = self.place.as_ref().map(|(path, line)| {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            format!("{file}:{line}: ")
        });
        format!(
            "{}{} {}",
            place.unwrap_or_default(),
            self.what(localizer),
            self.fix(localizer)
        )
    }
}

/// Explains `failure`; `ours` tells the pupil's files (the mods being
/// checked) from the game's and the engine's.
pub fn explain(failure: &LuaFailure, ours: &dyn Fn(&Path) -> bool) -> Explained {
    let pupil_frame = if failure.message.contains("stack overflow") {
        recursive_call(&failure.traceback, ours)
    } else {
        failure.traceback.iter().find(|frame| ours(&frame.path))
    };
    // mtedu's own chunks are named `[mtedu]/…`: Lua's message then starts
    // with that place, which is no file of the pupil's.
    let (inside_mtedu, message) = match internal_place(&failure.message) {
        Some(rest) => (true, rest),
        None => (false, failure.message.as_str()),
    };
    // A message without a place comes from a C function (the engine's
    // checks, raised at level 0): the pupil's line raised it only through
    // `error` or `assert`.
    let placeless_callee = failure.message == failure.raw
        && pupil_frame
            .and_then(|frame| frame.callee.as_deref())
            .is_some_and(|callee| !matches!(callee, "error" | "assert"));
    let raised_by_pupil = !inside_mtedu
        && !placeless_callee
        && failure
            .location
            .as_ref()
            .is_some_and(|(path, line)| ours(path) && pupil_frame.is_none_or(|f| f.line == *line));
    let place = pupil_frame
        .map(|frame| (frame.path.clone(), frame.line))
        .or_else(|| failure.location.clone().filter(|(path, _)| ours(path)));
    let source_line = place.as_ref().and_then(|(path, line)| line_of(path, *line));
    let callee = pupil_frame.and_then(|frame| frame.callee.clone());
    let args = match failure.kind {
        FailureKind::TimeOut => vec![("shape", "time-out".into())],
        FailureKind::OutOfMemory => vec![("shape", "memory".into())],
        _ => shape_args(
            message,
            raised_by_pupil || place.is_none(),
            callee.as_deref(),
            source_line.as_deref().unwrap_or(""),
        ),
    };
    let mut args = args;
    for (name, empty) in [
        ("name", ""),
        ("kind", "none"),
        ("value", ""),
        ("function", ""),
        ("signature", "none"),
        ("expected", "none"),
        ("suggestion", ""),
    ] {
        if !args.iter().any(|(key, _)| *key == name) {
            args.push((name, ArgValue::Text(empty.to_owned())));
        }
    }
    Explained {
        args,
        place,
        detail: failure.message.clone(),
    }
}

/// `vector.add` for the callee `add` when the line writes it so.
fn qualified(source_line: &str, function: &str) -> String {
    for separator in ['.', ':'] {
        let call = format!("{separator}{function}(");
        if let Some(at) = source_line.find(&call) {
            let head = &source_line[..at];
            let start = head
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .map_or(0, |i| i + 1);
            if start < at {
                return format!("{}{separator}{function}", &head[start..]);
            }
        }
    }
    function.to_owned()
}

/// The message after a `[mtedu]/file.lua:12: ` place, if it has one.
fn internal_place(message: &str) -> Option<&str> {
    let rest = message.strip_prefix('[')?;
    let (_, after) = rest.split_once("]")?;
    let after = after.split_once(": ")?.1;
    Some(after)
}

/// The pupil's line that appears most often in a traceback: the call a
/// function makes to itself, for a stack overflow.
fn recursive_call<'a>(traceback: &'a [Frame], ours: &dyn Fn(&Path) -> bool) -> Option<&'a Frame> {
    let pupil: Vec<&Frame> = traceback.iter().filter(|f| ours(&f.path)).collect();
    pupil
        .iter()
        .max_by_key(|frame| {
            pupil
                .iter()
                .filter(|other| other.path == frame.path && other.line == frame.line)
                .count()
        })
        .copied()
}

/// Explains an error text and a Lua traceback (`debug.traceback`'s text),
/// as the server's safety net hands them over. A C function's line
/// (`[C]: in function 'set_node'`) names what the Lua frame below it
/// called: the engine's own checks are told as such, not as the pupil's
/// own error.
pub fn explain_text(raw: &str, traceback: &str, ours: &dyn Fn(&Path) -> bool) -> Explained {
    let mut frames: Vec<Frame> = Vec::new();
    // The function the frame above (the one called) runs, Lua's or C's.
    let mut called: Option<String> = None;
    for line in traceback.lines() {
        let line = line.trim();
        let Some((place, rest)) = line.split_once(": ") else {
            continue;
        };
        let function = rest
            .strip_prefix("in function '")
            .and_then(|r| r.split_once('\''))
            .map(|(name, _)| name.to_owned());
        let lua_place = place
            .rsplit_once(':')
            .and_then(|(path, number)| Some((path, number.parse().ok()?)));
        match lua_place {
            Some((path, number)) => frames.push(Frame {
                path: PathBuf::from(path),
                line: number,
                function: function.clone(),
                callee: called.take(),
            }),
            None if place == "[C]" => {}
            None => continue,
        }
        called = function;
    }
    explain(
        &LuaFailure::from_message(FailureKind::Runtime, raw, frames),
        ours,
    )
}

fn text(value: impl Into<String>) -> ArgValue {
    ArgValue::Text(value.into())
}

/// The catalogue arguments for a runtime message.
fn shape_args(
    message: &str,
    raised_by_pupil: bool,
    callee: Option<&str>,
    source_line: &str,
) -> Vec<(&'static str, ArgValue)> {
    if let Some(name) = message.strip_prefix("not simulated yet: ") {
        return vec![("shape", text("not-simulated")), ("name", text(name))];
    }
    if let Some(method) = dot_call(source_line, message) {
        return vec![("shape", text("dot-call")), ("name", text(method))];
    }
    let message = engine_checks::unwrapped(message);
    if !raised_by_pupil
        && let Some(args) = engine_checks::engine_check(
            message,
            &callee.map_or_else(String::new, |f| qualified(source_line, f)),
            &callee
                .and_then(|f| signature_on(source_line, f))
                .unwrap_or_else(|| "none".to_owned()),
        )
        .filter(|args| callee.is_some() || groups_shape(args))
    {
        return args;
    }
    let shape = shape_of(message);
    if !raised_by_pupil
        && !matches!(shape, Shape::BadArgument { .. } | Shape::Recursion)
        && let Some(function) = callee
    {
        // The error comes from inside an engine or game function the
        // pupil's line called: the pupil gave it something it cannot use.
        let value = if message.contains("(a nil value)") || message.contains("got nil") {
            "nil"
        } else {
            "other"
        };
        return vec![
            ("shape", text("engine-call")),
            ("function", text(qualified(source_line, function))),
            (
                "signature",
                text(signature_of(function).unwrap_or_else(|| "none".to_owned())),
            ),
            ("value", text(value)),
        ];
    }
    match shape {
        Shape::Operation {
            operation,
            named,
            value,
        } => operation_args(operation, named, &value, source_line),
        Shape::Compare { left, right } => {
            let nil = left == "nil" || right == "nil";
            vec![
                ("shape", text(if nil { "compare-nil" } else { "compare" })),
                ("value", text(format!("{left}/{right}"))),
            ]
        }
        Shape::BadArgument {
            number,
            function,
            expected,
            got,
        } => {
            // A player object where its name (a text) is wanted.
            let shape = if expected == "string" && got == "userdata" {
                "object-for-name"
            } else {
                "bad-argument"
            };
            vec![
                ("shape", text(shape)),
                ("number", number.into()),
                (
                    "signature",
                    text(signature_on(source_line, &function).unwrap_or_else(|| "none".to_owned())),
                ),
                ("function", text(qualified(source_line, &function))),
                ("expected", text(expected)),
                (
                    "got",
                    text(if got == "no value" { "nothing" } else { &got }),
                ),
            ]
        }
        Shape::Recursion => vec![("shape", text("recursion"))],
        Shape::Blocked => vec![
            ("shape", text("blocked")),
            ("message", text(first_line(message))),
        ],
        Shape::MissingFile => vec![
            ("shape", text("missing-file")),
            ("message", text(first_line(message))),
        ],
        Shape::Other if raised_by_pupil => vec![
            ("shape", text("own-error")),
            ("message", text(first_line(message))),
        ],
        Shape::Other => vec![
            ("shape", text("other")),
            ("message", text(first_line(message))),
        ],
    }
}

/// The groups shapes need no function name (the pupil's line registers).
fn groups_shape(args: &[(&'static str, ArgValue)]) -> bool {
    matches!(&args[0].1, ArgValue::Text(shape) if shape.starts_with("groups-"))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").to_owned()
}

fn operation_args(
    operation: &str,
    named: Option<Named>,
    value: &str,
    source_line: &str,
) -> Vec<(&'static str, ArgValue)> {
    let (kind, name) = named.map_or(("none".to_owned(), String::new()), |n| (n.kind, n.name));
    let shape = match (operation, value) {
        ("arith", "string") => "arith-string".to_owned(),
        ("call", "nil") if kind == "method" => "call-method-nil".to_owned(),
        (operation, "nil") => format!("{operation}-nil"),
        (operation, _) => format!("{operation}-value"),
    };
    // A method the engine's objects have, called on a value that is none of
    // them (the node a callback gave where the player was expected).
    if shape == "call-method-nil" && method_names().contains(&name) {
        return vec![
            ("shape", text("method-wrong-object")),
            ("kind", text(kind)),
            ("name", text(name)),
            ("value", text(value)),
        ];
    }
    let suggestion = match shape.as_str() {
        "call-nil" if kind == "field" => engine_name_suggestion(&name, source_line),
        "call-method-nil" => {
            did_you_mean(&name, method_names().iter().map(String::as_str)).map(|m| format!(":{m}"))
        }
        _ => None,
    };
    let shape = if suggestion.is_some() {
        "call-typo".to_owned()
    } else {
        shape
    };
    vec![
        ("shape", text(shape)),
        ("kind", text(kind)),
        ("name", text(name)),
        ("value", text(value)),
        ("suggestion", text(suggestion.unwrap_or_default())),
    ]
}

/// `minetest.chat_send_playr(` → `minetest.chat_send_player`.
fn engine_name_suggestion(name: &str, source_line: &str) -> Option<String> {
    let table = ["minetest", "core"]
        .into_iter()
        .find(|table| source_line.contains(&format!("{table}.{name}")))?;
    let names = core_names();
    if names.iter().any(|known| known == name) {
        return None;
    }
    did_you_mean(name, names.iter().map(String::as_str)).map(|best| format!("{table}.{best}"))
}

/// An engine object's method written `obj.method(…)` on this line, when
/// the error is the kind such a call gives (the object is missing).
fn dot_call(source_line: &str, message: &str) -> Option<String> {
    let plausible = message.contains("'self'")
        || message.starts_with("bad argument #1")
        || message.contains("expected, got no value");
    if !plausible {
        return None;
    }
    method_names()
        .iter()
        .find(|method| {
            let dotted = format!(".{method}(");
            source_line.contains(&dotted) && !source_line.contains(&format!(":{method}("))
        })
        .cloned()
}

/// Names of the real 5.6.1 `core` table.
fn core_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        Facts::of(EngineVersion::V5_6)
            .core
            .iter()
            .map(|entry| entry.name.clone())
            .collect()
    })
}

/// Methods of the engine's objects (players and entities, items,
/// inventories, metadata, timers) as measured on the real server.
fn method_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let all: std::collections::BTreeSet<String> = Facts::of(EngineVersion::V5_6)
            .methods
            .values()
            .flatten()
            .cloned()
            .collect();
        all.into_iter().collect()
    })
}

/// The argument list of `function` as this line calls it: an object's
/// method (`inv:add_item(…)`) or an engine function.
fn signature_on(source_line: &str, function: &str) -> Option<String> {
    if source_line.contains(&format!(":{function}(")) {
        return engine_checks::method_signature(function).map(str::to_owned);
    }
    signature_of(function)
}

/// `set_node(pos, node)` from the argument list of the engine functions.
fn signature_of(function: &str) -> Option<String> {
    include_str!("../../lint/data/api-arguments-5.6.1.txt")
        .lines()
        .find(|line| {
            line.strip_prefix(function)
                .is_some_and(|rest| rest.starts_with('('))
        })
        .map(str::to_owned)
}

fn line_of(path: &Path, line: usize) -> Option<String> {
    let text = crate::bounded_read::read_regular_text(path).ok()?;
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.trim().to_owned())
}

#[cfg(test)]
mod tests;
