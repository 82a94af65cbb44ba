//! Syntax errors explained for beginners. LuaJIT (the engine's Lua) says
//! whether the file compiles and roughly what is wrong; the tokens then
//! locate the real cause: the block that lacks its `end` (by indentation),
//! the `if` without `then`, the `=` that should be `==`, the comma missing
//! between two table fields, the unclosed string, the stray `end` or `}`,
//! the line after a `return` (`after_return.rs`).

use std::path::Path;

use full_moon::tokenizer::Symbol;

use super::codes::*;
use super::tokens::{Tok, indentation, tokens};
use crate::diag::{Diagnostic, Span};

/// The one finding for a file that does not compile, or `None`.
pub fn check(path: &Path, source: &str) -> Option<Diagnostic> {
    let Some(message) = luajit_error(path, source) else {
        return foreign_operator(path, source);
    };
    let (line, detail) = split_message(&message);
    // The explanation reads full_moon's tokens; if full_moon fails on the
    // file, LuaJIT's own message is the finding.
    let found = super::front_end::catching(|| {
        let (toks, lexer_errors) = tokens(source);
        explain(source, &toks, &lexer_errors, line, detail)
    })
    .flatten();
    Some(
        match found {
            Some(diagnostic) => diagnostic,
            None => Diagnostic::new(&SYNTAX_ERROR, path)
                .at(Span::at(line.max(1), 1))
                .arg("detail", detail),
        }
        .with_path(path),
    )
}

/// LuaJIT's compile error for the file, if any.
fn luajit_error(path: &Path, source: &str) -> Option<String> {
    let lua = mlua::Lua::new_with(mlua::StdLib::NONE, mlua::LuaOptions::new()).ok()?;
    match lua
        .load(source)
        .set_name(format!("@{}", path.display()))
        .set_mode(mlua::prelude::LuaChunkMode::Text)
        .into_function()
    {
        Ok(_) => None,
        Err(mlua::Error::SyntaxError { message, .. }) => Some(message),
        Err(other) => Some(other.to_string()),
    }
}

/// `(line, message)` from `path:line: message`.
fn split_message(message: &str) -> (usize, &str) {
    let mut search = 0;
    while let Some(offset) = message[search..].find(": ") {
        let head = &message[..search + offset];
        if let Some((_, line)) = head.rsplit_once(':')
            && let Ok(line) = line.parse()
        {
            return (line, &message[search + offset + 2..]);
        }
        search += offset + 2;
    }
    (0, message)
}

trait WithPath {
    fn with_path(self, path: &Path) -> Self;
}

impl WithPath for Diagnostic {
    fn with_path(mut self, path: &Path) -> Self {
        self.path = path.to_path_buf();
        self
    }
}

fn at(code: &'static crate::diag::Code, tok: &Tok) -> Diagnostic {
    Diagnostic::new(code, "").at(Span::on_line(
        tok.line,
        tok.column,
        tok.text.chars().count(),
    ))
}

/// The text LuaJIT quotes after "near".
fn near(detail: &str) -> Option<&str> {
    let start = detail.rfind(" near '")? + 7;
    detail[start..].strip_suffix('\'')
}

fn explain(
    source: &str,
    toks: &[Tok],
    lexer_errors: &[(String, usize, usize)],
    line: usize,
    detail: &str,
) -> Option<Diagnostic> {
    if detail.starts_with("unfinished string") || detail.starts_with("unfinished long string") {
        let (_, l, c) = lexer_errors
            .iter()
            .find(|(kind, _, _)| kind.contains("string"))
            .cloned()
            .unwrap_or_default();
        let line = if l > 0 { l } else { line };
        return Some(Diagnostic::new(&UNCLOSED_STRING, "").at(Span::at(line, c.max(1))));
    }
    if detail.starts_with("unfinished long comment") {
        let (_, l, c) = lexer_errors.first().cloned().unwrap_or_default();
        return Some(Diagnostic::new(&UNCLOSED_COMMENT, "").at(Span::at(l.max(1), c.max(1))));
    }
    if detail.starts_with("'then' expected") {
        let opener = toks
            .iter()
            .rev()
            .find(|t| t.line <= line && (t.is(Symbol::If) || t.is(Symbol::ElseIf)))?;
        if near(detail) == Some("=")
            && let Some(equals) = toks
                .iter()
                .find(|t| t.line >= opener.line && t.line <= line && t.is(Symbol::Equal))
        {
            return Some(at(&ASSIGN_IN_CONDITION, equals));
        }
        return Some(at(&MISSING_THEN, opener).arg("keyword", opener.text.as_str()));
    }
    if detail.starts_with("'do' expected") {
        let opener = toks
            .iter()
            .rev()
            .find(|t| t.line <= line && (t.is(Symbol::While) || t.is(Symbol::For)))?;
        return Some(at(&MISSING_DO, opener).arg("keyword", opener.text.as_str()));
    }
    let block_end_expected = ["'end' expected", "'<eof>' expected", "'until' expected"]
        .iter()
        .any(|start| detail.starts_with(start));
    if block_end_expected
        && let Some(tok) = near_token(toks, line, detail)
        && let Some(index) = toks.iter().position(|t| std::ptr::eq(t, tok))
        && let Some(finding) = super::after_return::explain(toks, index)
    {
        return Some(finding);
    }
    if detail.starts_with("'end' expected") {
        if let Some(else_tok) = else_if(toks) {
            return Some(at(&ELSE_IF, else_tok));
        }
        let (suspect, innermost) = unclosed_block(source, toks);
        let opener = suspect.or(innermost)?;
        return Some(at(&MISSING_END, opener).arg("keyword", opener.text.as_str()));
    }
    if detail.starts_with("'}' expected") || detail.starts_with("')' expected") {
        let near_tok = near_token(toks, line, detail)?;
        if near_tok.is(Symbol::End) || near_tok.is(Symbol::Until) {
            return Some(at(&STRAY_CLOSER, near_tok).arg("token", near_tok.text.as_str()));
        }
        let index = toks.iter().position(|t| std::ptr::eq(t, near_tok))?;
        let before = index.checked_sub(1).map(|i| &toks[i])?;
        let separator = before.is(Symbol::Comma) || before.is(Symbol::Semicolon);
        if near_tok.line > before.line
            && !separator
            && !before.is(Symbol::LeftBrace)
            && !before.is(Symbol::LeftParen)
        {
            return Some(
                Diagnostic::new(&MISSING_COMMA, "")
                    .at(Span::at(
                        before.line,
                        before.column + before.text.chars().count(),
                    ))
                    .arg("next", near_tok.text.as_str()),
            );
        }
        return None;
    }
    if detail.starts_with("unexpected symbol near")
        && let (Some(opener), _) = unclosed_block(source, toks)
    {
        // An `end` consumed too early: the block whose end is missing is
        // the one indented deeper than the `end` that closed it.
        return Some(at(&MISSING_END, opener).arg("keyword", opener.text.as_str()));
    }
    if detail.starts_with("'<eof>' expected") || detail.starts_with("unexpected symbol near") {
        let tok = near_token(toks, line, detail)?;
        let closers = [
            Symbol::End,
            Symbol::RightBrace,
            Symbol::RightParen,
            Symbol::RightBracket,
            Symbol::Until,
        ];
        if closers.iter().any(|s| tok.is(*s)) {
            return Some(at(&STRAY_CLOSER, tok).arg("token", tok.text.as_str()));
        }
    }
    None
}

/// The token LuaJIT names in "near 'x'" on (or before) its error line.
fn near_token<'a>(toks: &'a [Tok], line: usize, detail: &str) -> Option<&'a Tok> {
    let text = near(detail)?;
    toks.iter()
        .filter(|t| t.line <= line)
        .rev()
        .find(|t| t.text == text || (text.len() > 1 && t.text.starts_with(text)))
}

/// `else if` on one line: a new `if` that needs its own `end` (`elseif` was meant).
fn else_if(toks: &[Tok]) -> Option<&Tok> {
    toks.windows(2)
        .find(|pair| {
            pair[0].is(Symbol::Else) && pair[1].is(Symbol::If) && pair[0].line == pair[1].line
        })
        .map(|pair| &pair[0])
}

/// The block opener that most likely lacks its `end`: the first opener
/// closed by an `end` indented less than the opener's line (that `end`
/// belonged to an outer block), and the innermost one left open.
fn unclosed_block<'a>(source: &str, toks: &'a [Tok]) -> (Option<&'a Tok>, Option<&'a Tok>) {
    struct Open<'a> {
        tok: &'a Tok,
        indent: usize,
        awaiting_do: bool,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut suspect: Option<&Tok> = None;
    for tok in toks {
        let Some(symbol) = tok.symbol else { continue };
        match symbol {
            Symbol::Function | Symbol::If | Symbol::Repeat => stack.push(Open {
                tok,
                indent: indentation(source, tok.line),
                awaiting_do: false,
            }),
            Symbol::While | Symbol::For => stack.push(Open {
                tok,
                indent: indentation(source, tok.line),
                awaiting_do: true,
            }),
            Symbol::Do => match stack.last_mut() {
                Some(open) if open.awaiting_do => open.awaiting_do = false,
                _ => stack.push(Open {
                    tok,
                    indent: indentation(source, tok.line),
                    awaiting_do: false,
                }),
            },
            Symbol::End | Symbol::Until => {
                if let Some(open) = stack.pop()
                    && suspect.is_none()
                    && indentation(source, tok.line) < open.indent
                {
                    suspect = Some(open.tok);
                }
            }
            _ => {}
        }
    }
    (suspect, stack.last().map(|open| open.tok))
}

/// Operators of other languages that mtedu's LuaJIT accepts but the
/// engine's LuaJIT 2.1 refuses, with the Lua word to write instead.
const FOREIGN_OPERATORS: &[(&str, &str)] =
    &[("!=", "~="), ("&&", "and"), ("||", "or"), ("!", "not")];

/// A file LuaJIT compiles but full_moon (Lua 5.1 + LuaJIT syntax, as the
/// engine reads it) refuses: usually `!=`, `&&`, `||` or `!` from another
/// language.
fn foreign_operator(path: &Path, source: &str) -> Option<Diagnostic> {
    let (start, message) = super::front_end::catching(|| {
        let ast = full_moon::parse_fallible(source, crate::content::lua_version());
        let error = ast.errors().first()?;
        Some((error.range().0, error.error_message().to_string()))
    })
    .flatten()?;
    let line_text = source
        .lines()
        .nth(start.line().saturating_sub(1))
        .unwrap_or("");
    for (operator, lua) in FOREIGN_OPERATORS {
        if let Some(byte) = line_text.find(operator) {
            let column = line_text[..byte].chars().count() + 1;
            return Some(
                Diagnostic::new(&FOREIGN_OPERATOR, path)
                    .at(Span::on_line(
                        start.line(),
                        column,
                        operator.chars().count(),
                    ))
                    .arg("operator", *operator)
                    .arg("lua", *lua),
            );
        }
    }
    Some(
        Diagnostic::new(&SYNTAX_ERROR, path)
            .at(Span::at(start.line().max(1), start.character().max(1)))
            .arg("detail", message),
    )
}
