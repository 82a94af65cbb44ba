//! The [`Diagnostic`] value: a code, a place, and message arguments.

use std::path::PathBuf;

use super::{Code, Severity};

/// A place in a file, 1-based; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    /// Inclusive end on the same or a later line; `None` marks one character.
    pub end: Option<(usize, usize)>,
}

impl Span {
    /// A span covering one position.
    pub fn at(line: usize, column: usize) -> Self {
        Span {
            line,
            column,
            end: None,
        }
    }

    /// A span from `column` covering `width` characters on one line.
    pub fn on_line(line: usize, column: usize, width: usize) -> Self {
        Span {
            line,
            column,
            end: Some((line, column + width.max(1) - 1)),
        }
    }
}

/// A value inserted into a Fluent message.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    Text(String),
    Number(i64),
}

impl From<&str> for ArgValue {
    fn from(value: &str) -> Self {
        ArgValue::Text(value.to_owned())
    }
}

impl From<String> for ArgValue {
    fn from(value: String) -> Self {
        ArgValue::Text(value)
    }
}

impl From<usize> for ArgValue {
    fn from(value: usize) -> Self {
        ArgValue::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// One finding about the user's files.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: &'static Code,
    pub severity: Severity,
    /// The file or folder concerned, as the user would type it.
    pub path: PathBuf,
    pub span: Option<Span>,
    pub args: Vec<(&'static str, ArgValue)>,
}

impl Diagnostic {
    /// A finding about a whole file or folder.
    pub fn new(code: &'static Code, path: impl Into<PathBuf>) -> Self {
        Diagnostic {
            code,
            severity: code.severity,
            path: path.into(),
            span: None,
            args: Vec::new(),
        }
    }

    /// Points the finding at a place inside the file.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a message argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<ArgValue>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Sort key: by file, then place, then code, so output is stable.
    pub fn sort_key(&self) -> (PathBuf, Option<Span>, &'static str) {
        (self.path.clone(), self.span, self.code.id)
    }
}
