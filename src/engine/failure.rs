//! Running a chunk or a function and turning a Lua error into a
//! [`LuaFailure`]: the message, the `file:line` it points at, and a
//! traceback restricted to mod files (frames of mtedu's own Lua are hidden).

use std::path::{Path, PathBuf};

use mlua::{Function, Lua, MultiValue, Table, Value};

use super::limits::TIME_OUT_MARKER;

/// What kind of failure happened, for choosing the message shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The file does not parse.
    Syntax,
    /// An error raised while running.
    Runtime,
    /// The time budget ran out (endless loop, or far too slow).
    TimeOut,
    /// The memory cap was reached.
    OutOfMemory,
    /// A mod's init.lua exists but cannot be read; `denied` when its
    /// permissions forbid it. The engine stops there too ("cannot open").
    Unreadable { denied: bool },
}

/// One frame of a traceback inside a mod file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub path: PathBuf,
    pub line: usize,
    /// The function's name when Lua knows it.
    pub function: Option<String>,
    /// The name of the function this frame was calling when the error
    /// came (an engine function the pupil's line called, say).
    pub callee: Option<String>,
}

/// A Lua error, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LuaFailure {
    pub kind: FailureKind,
    /// The message without its `file:line:` prefix.
    pub message: String,
    /// The message exactly as Lua (and so the engine) prints it.
    pub raw: String,
    pub location: Option<(PathBuf, usize)>,
    pub traceback: Vec<Frame>,
}

impl LuaFailure {
    /// Builds a failure from an error text such as `/m/init.lua:3: attempt to …`.
    pub fn from_message(kind: FailureKind, raw: &str, traceback: Vec<Frame>) -> LuaFailure {
        let (location, message) = match split_location(raw) {
            Some((path, line, rest)) => (
                Some((full_path(path, line, &traceback), line)),
                rest.to_owned(),
            ),
            None => (
                traceback.first().map(|f| (f.path.clone(), f.line)),
                raw.to_owned(),
            ),
        };
        LuaFailure {
            kind,
            message,
            raw: raw.to_owned(),
            location,
            traceback,
        }
    }
}

/// Lua shortens long chunk names to `...tail`; the traceback has them whole.
fn full_path(path: PathBuf, line: usize, traceback: &[Frame]) -> PathBuf {
    let text = path.to_string_lossy();
    let Some(tail) = text.strip_prefix("...") else {
        return path;
    };
    traceback
        .iter()
        .find(|frame| frame.line == line && frame.path.to_string_lossy().ends_with(tail))
        .map_or(path.clone(), |frame| frame.path.clone())
}

/// Splits `path:line: message`; the path may itself contain `:`.
fn split_location(raw: &str) -> Option<(PathBuf, usize, &str)> {
    let first_line = raw.lines().next()?;
    let mut search = 0;
    while let Some(offset) = first_line[search..].find(": ") {
        let head = &first_line[..search + offset];
        if let Some((path, line)) = head.rsplit_once(':')
            && let Ok(line) = line.parse::<usize>()
            && !path.is_empty()
            && !path.starts_with('[')
        {
            return Some((
                PathBuf::from(path),
                line,
                raw[search + offset + 2..].trim_end(),
            ));
        }
        search += offset + 2;
    }
    None
}

/// The message of an mlua error without mlua's own decorations.
fn error_text(error: &mlua::Error) -> String {
    match error {
        mlua::Error::RuntimeError(message) => message.clone(),
        mlua::Error::CallbackError { cause, .. } => error_text(cause),
        mlua::Error::MemoryError(_) => "not enough memory".to_owned(),
        other => other.to_string(),
    }
}

/// Classifies a runtime error text.
fn kind_of(raw: &str) -> FailureKind {
    if raw.contains(TIME_OUT_MARKER) {
        FailureKind::TimeOut
    } else if raw.contains("not enough memory") {
        FailureKind::OutOfMemory
    } else {
        FailureKind::Runtime
    }
}

/// Where the sandbox keeps the `xpcall` of before any mod ran.
pub const XPCALL_KEY: &str = "mtedu.xpcall";

/// Calls `function` with `args` under a message handler that records the
/// traceback; returns its results or the located failure.
pub fn call_traced(
    lua: &Lua,
    function: &Function,
    args: MultiValue,
) -> Result<MultiValue, LuaFailure> {
    let outcome = (|| -> mlua::Result<Result<MultiValue, LuaFailure>> {
        let handler = lua.create_function(|lua, error: Value| {
            let text = match &error {
                Value::String(s) => s.to_string_lossy(),
                Value::Error(e) => error_text(e),
                other => format!("(error object is a {} value)", other.type_name()),
            };
            let frames = lua.create_table()?;
            let mut below: Option<String> = None;
            for level in 1..64 {
                let Some(frame) = lua.inspect_stack(level, |debug| {
                    let source = debug.source().source.map(|s| s.into_owned());
                    let line = debug.current_line();
                    let name = debug.names().name.map(|s| s.into_owned());
                    (source, line, name)
                }) else {
                    break;
                };
                if let (Some(source), Some(line)) = (frame.0, frame.1)
                    && let Some(path) = source.strip_prefix('@')
                {
                    let entry = lua.create_table()?;
                    entry.set("path", path)?;
                    entry.set("line", line)?;
                    entry.set("name", frame.2.clone())?;
                    entry.set("callee", below.clone())?;
                    frames.push(entry)?;
                }
                below = frame.2;
            }
            let result = lua.create_table()?;
            result.set("message", text)?;
            result.set("frames", frames)?;
            Ok(result)
        })?;
        // The `xpcall` of before the mods ran, never the global one.
        let xpcall: Function = match lua.named_registry_value(XPCALL_KEY) {
            Ok(Value::Function(xpcall)) => xpcall,
            _ => lua.globals().raw_get("xpcall")?,
        };
        let mut all = MultiValue::new();
        all.push_back(Value::Function(function.clone()));
        all.push_back(Value::Function(handler));
        all.extend(args);
        let mut results = xpcall.call::<MultiValue>(all)?.into_iter();
        let ok = matches!(results.next(), Some(Value::Boolean(true)));
        if ok {
            return Ok(Ok(results.collect()));
        }
        let failure = match results.next() {
            Some(Value::Table(table)) => failure_from_table(&table)?,
            Some(Value::String(text)) => {
                let text = text.to_string_lossy();
                LuaFailure::from_message(kind_of(&text), &text, Vec::new())
            }
            other => {
                LuaFailure::from_message(FailureKind::Runtime, &format!("{other:?}"), Vec::new())
            }
        };
        Ok(Err(failure))
    })();
    let result = match outcome {
        Ok(result) => result,
        Err(error) => {
            let text = error_text(&error);
            let kind = match error {
                mlua::Error::MemoryError(_) => FailureKind::OutOfMemory,
                _ => kind_of(&text),
            };
            Err(LuaFailure::from_message(kind, &text, Vec::new()))
        }
    };
    result.map_err(|mut failure| {
        // Lua runs no message handler for memory errors: the place comes
        // from where the budget's hook last saw the mod's code.
        if failure.kind == FailureKind::OutOfMemory && failure.location.is_none() {
            failure.location = super::limits::LastPlace::of(lua);
        }
        failure
    })
}

fn failure_from_table(table: &Table) -> mlua::Result<LuaFailure> {
    let message: String = table.get("message")?;
    let frames: Table = table.get("frames")?;
    let mut traceback = Vec::new();
    for frame in frames.sequence_values::<Table>() {
        let frame = frame?;
        traceback.push(Frame {
            path: PathBuf::from(frame.get::<String>("path")?),
            line: frame.get("line")?,
            function: frame.get("name")?,
            callee: frame.get("callee")?,
        });
    }
    Ok(LuaFailure::from_message(
        kind_of(&message),
        &message,
        traceback,
    ))
}

/// Compiles `source` as the text chunk `@path`; a syntax error becomes a failure.
pub fn compile(lua: &Lua, source: &[u8], path: &Path) -> Result<Function, LuaFailure> {
    if source.first() == Some(&27) {
        return Err(LuaFailure::from_message(
            FailureKind::Syntax,
            super::sandbox::BYTECODE_PROHIBITED,
            Vec::new(),
        ));
    }
    super::chunk_cache::load_text(lua, source, &format!("@{}", path.display())).map_err(|error| {
        let text = match &error {
            mlua::Error::SyntaxError { message, .. } => message.clone(),
            other => other.to_string(),
        };
        let kind = match error {
            mlua::Error::MemoryError(_) => FailureKind::OutOfMemory,
            _ => FailureKind::Syntax,
        };
        // A syntax error has no traceback to restore a shortened path from.
        let frame = Frame {
            path: path.to_path_buf(),
            line: split_location(&text).map_or(0, |(_, line, _)| line),
            function: None,
            callee: None,
        };
        let mut failure = LuaFailure::from_message(kind, &text, vec![frame]);
        failure.traceback.clear();
        failure
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paths_with_colons() {
        let failure = LuaFailure::from_message(
            FailureKind::Runtime,
            "/tmp/a:b/init.lua:12: attempt to call a nil value",
            Vec::new(),
        );
        assert_eq!(
            failure.location,
            Some((PathBuf::from("/tmp/a:b/init.lua"), 12))
        );
        assert_eq!(failure.message, "attempt to call a nil value");
    }

    #[test]
    fn messages_without_location_stay_whole() {
        let failure = LuaFailure::from_message(FailureKind::Runtime, "boom", Vec::new());
        assert_eq!((failure.location, failure.message.as_str()), (None, "boom"));
    }
}
