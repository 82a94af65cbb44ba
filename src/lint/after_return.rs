//! Code after `return` or `break` in the same block. It could never run,
//! and LuaJIT (like Lua 5.1) refuses the file: it wants the block to end
//! right after them, and says "'end' expected" at the next line, which
//! reads like a missing `end`. Found on the tokens: going back from the
//! token LuaJIT names, the statement just before is a `return` or `break`.

use full_moon::tokenizer::Symbol;

use super::codes::CODE_AFTER_RETURN;
use super::tokens::Tok;
use crate::diag::{Diagnostic, Span};

/// The finding when `toks[at]`, the token LuaJIT stopped at, follows a
/// `return` (with its values) or a `break`.
pub fn explain(toks: &[Tok], at: usize) -> Option<Diagnostic> {
    let next = toks.get(at)?;
    if !starts_statement(next) {
        // `return x })`: a closer LuaJIT did not expect is a block left
        // open, not code after the return.
        return None;
    }
    let leaver = leaving_statement(toks, at)?;
    Some(
        Diagnostic::new(&CODE_AFTER_RETURN, "")
            .at(Span::on_line(
                next.line,
                next.column,
                next.text.chars().count(),
            ))
            .arg("keyword", leaver.text.as_str())
            .arg("line", leaver.line),
    )
}

/// A name or a word that begins a statement.
fn starts_statement(tok: &Tok) -> bool {
    match tok.symbol {
        None => tok
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_'),
        Some(symbol) => matches!(
            symbol,
            Symbol::Local
                | Symbol::If
                | Symbol::For
                | Symbol::While
                | Symbol::Do
                | Symbol::Repeat
                | Symbol::Function
                | Symbol::Return
                | Symbol::Break
                | Symbol::Goto
        ),
    }
}

/// The `return` or `break` whose statement ends just before `toks[at]`.
fn leaving_statement(toks: &[Tok], at: usize) -> Option<&Tok> {
    let before = toks.get(at.checked_sub(1)?)?;
    if before.is(Symbol::Break) {
        return Some(before);
    }
    // Walk back over the values of a `return`: brackets and anonymous
    // functions nest; any statement word at the outer level means the
    // statement before was not a `return`.
    let mut depth = 0usize;
    for tok in toks[..at].iter().rev() {
        let Some(symbol) = tok.symbol else { continue };
        match symbol {
            Symbol::RightParen | Symbol::RightBrace | Symbol::RightBracket | Symbol::End => {
                depth += 1;
            }
            Symbol::LeftParen
            | Symbol::LeftBrace
            | Symbol::LeftBracket
            | Symbol::Function
            | Symbol::If
            | Symbol::Do => depth = depth.checked_sub(1)?,
            Symbol::Return if depth == 0 => return Some(tok),
            Symbol::Local
            | Symbol::Then
            | Symbol::Else
            | Symbol::ElseIf
            | Symbol::While
            | Symbol::For
            | Symbol::Repeat
            | Symbol::Until
            | Symbol::In
            | Symbol::Equal
            | Symbol::Semicolon
            | Symbol::Goto
            | Symbol::Break
                if depth == 0 =>
            {
                return None;
            }
            _ => {}
        }
    }
    None
}
