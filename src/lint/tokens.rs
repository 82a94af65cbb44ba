//! The significant tokens of a Lua file (no whitespace or comments), with
//! 1-based line and column, from full_moon's lexer.

use full_moon::tokenizer::{Lexer, LexerResult, Symbol, Token, TokenType};

use crate::content::lua_version;

/// One significant token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub text: String,
    pub symbol: Option<Symbol>,
    pub line: usize,
    pub column: usize,
}

impl Tok {
    pub fn is(&self, symbol: Symbol) -> bool {
        self.symbol == Some(symbol)
    }
}

/// Tokens of `source`, plus what the lexer could not read (with its position).
pub fn tokens(source: &str) -> (Vec<Tok>, Vec<(String, usize, usize)>) {
    let (raw, errors): (Vec<Token>, Vec<_>) = match Lexer::new(source, lua_version()).collect() {
        LexerResult::Ok(tokens) => (tokens, Vec::new()),
        LexerResult::Recovered(tokens, errors) => (tokens, errors),
        LexerResult::Fatal(errors) => (Vec::new(), errors),
    };
    let significant = raw
        .iter()
        .filter(|token| {
            !matches!(
                token.token_type(),
                TokenType::Whitespace { .. }
                    | TokenType::SingleLineComment { .. }
                    | TokenType::MultiLineComment { .. }
                    | TokenType::Shebang { .. }
                    | TokenType::Eof
            )
        })
        .map(|token| Tok {
            text: token.to_string(),
            symbol: match token.token_type() {
                TokenType::Symbol { symbol } => Some(*symbol),
                _ => None,
            },
            line: token.start_position().line(),
            column: token.start_position().character(),
        })
        .collect();
    let errors = errors
        .iter()
        .map(|error| {
            (
                error.error().to_string(),
                error.position().line(),
                error.position().character(),
            )
        })
        .collect();
    (significant, errors)
}

/// The indentation (in columns, tabs counting 4) of a 1-based line.
pub fn indentation(source: &str, line: usize) -> usize {
    source
        .lines()
        .nth(line.saturating_sub(1))
        .map(|text| {
            text.chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum()
        })
        .unwrap_or(0)
}
