//! Property test of the Lua front-end (LuaJIT's verdict, full_moon's
//! tokenizer and parser, the scope analysis, the syntax explanations):
//! random token soups and deep nesting must never crash mtedu, and a file
//! that does not compile always gets one syntax finding with a line. The
//! conf, `.tr` and `settingtypes.txt` parsers have theirs in
//! `parsers_never_panic.rs`.

use std::path::Path;

use mtedu::lint::front_end::{luajit_compiles, on_big_stack};
use mtedu::lint::{globals, syntax};
use proptest::prelude::*;

/// Tokens that steer the tokenizer and the parser into their corners.
const TOKENS: &[&str] = &[
    "local", "function", "end", "if", "then", "else", "elseif", "for", "in", "do", "while",
    "repeat", "until", "return", "break", "goto", "::l::", "nil", "true", "false", "and", "or",
    "not", "x", "core", "minetest", "=", "==", "~=", "!=", "<=", ">=", "<", ">", "+", "-", "*",
    "/", "%", "^", "#", "..", "...", ".", ":", ",", ";", "(", ")", "{", "}", "[", "]", "[[", "]]",
    "[==[", "--", "--[[", "\"", "'", "\\", "`", "@", "$", "!", "&&", "||", "0x", "1e", "1", "0.5",
    "\n", " ", "\t", "\r", "é", "\u{0}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|tokens| tokens.join(" "))
}

/// Nesting far deeper than any parser's stack would take recursively.
fn nested() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&[("(", ")"), ("{", "}"), ("function() ", " end"), ("-(", ")")][..]),
        1usize..20_000,
    )
        .prop_map(|((open, close), depth)| {
            format!("local x = {}1{}\n", open.repeat(depth), close.repeat(depth))
        })
}

fn examine(source: String) {
    on_big_stack(move || {
        let _ = globals::analyse_source(source.clone());
        let finding = syntax::check(Path::new("/pupil/init.lua"), &source);
        // A file the engine's Lua refuses is always explained, at a line.
        if !luajit_compiles(&source, None) {
            let finding = finding.expect("a file that does not parse has a finding");
            assert!(finding.span.expect("the finding has a line").line >= 1);
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn token_soups_never_crash(source in soup()) {
        examine(source);
    }

    #[test]
    fn deep_nesting_never_crashes(source in nested()) {
        examine(source);
    }
}

#[test]
fn a_backtick_and_two_thousand_parentheses_are_syntax_findings() {
    for source in [
        "local a = 1\nlocal b = `x`\n".to_owned(),
        format!("local x = {}1{}\n", "(".repeat(2000), ")".repeat(2000)),
    ] {
        let finding = on_big_stack(|| syntax::check(Path::new("/pupil/init.lua"), &source))
            .expect("a syntax finding");
        assert_eq!(finding.code.id, "MT2001", "{source}");
    }
}
