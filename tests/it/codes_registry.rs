//! Every finding code declared anywhere in `src/` is in the one registry
//! ([`mtedu::all_codes`]), documented in `docs/codes.md`, has a message and
//! a fix in every catalogue using the same `$variables` as English, and a
//! fixture that triggers it. The codes are found by scanning the sources
//! (`id: "MT…"` in a `Code { … }`, or `code("MT…", …)`), not by asking the
//! registry, so a code declared but never registered fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use mtedu::i18n::Lang;

use crate::support::fixtures;

/// The code ids declared in `source`: a literal `"MT" + 4 digits` right
/// after `id:` or `code(`.
fn declared_ids(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut offset = 0;
    while let Some(at) = source[offset..].find("\"MT") {
        let start = offset + at;
        offset = start + 1;
        let literal = &source[start + 1..];
        let digits: String = literal[2..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.len() != 4 || !literal[6..].starts_with('"') {
            continue;
        }
        let before = source[..start].trim_end();
        if before.ends_with("id:") || before.ends_with("code(") {
            ids.push(literal[..6].to_owned());
        }
    }
    ids
}

/// Every declared code id and the file declaring it.
fn declared_codes() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    crate::support::rust_files(&src, &mut files);
    let mut codes = BTreeMap::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for id in declared_ids(&source) {
            let shown = file.strip_prefix(&src).unwrap().display().to_string();
            if let Some(first) = codes.insert(id.clone(), shown.clone()) {
                panic!("{id} is declared twice: src/{first} and src/{shown}");
            }
        }
    }
    codes
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Each message key of a catalogue with the `$variables` its text uses.
fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let source = lang.catalogue_source();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", lang.code()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                Some((message.id.name.to_owned(), variables))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_declared_code_is_registered_documented_translated_and_tested() {
    let declared = declared_codes();
    assert!(
        declared.len() > 50,
        "the scan found the codes: {declared:?}"
    );
    let registered: BTreeSet<&str> = mtedu::all_codes().iter().map(|code| code.id).collect();
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md"))
        .unwrap();
    let english = catalogue(Lang::En);
    let (validate, engine, lint, pack, install) = fixtures::all_cases();
    let playtime = fixtures::playtime_cases();
    let expectations: String = [validate, engine, lint, pack, install, playtime]
        .iter()
        .flatten()
        .map(|case| std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default())
        .collect();
    let mut problems = Vec::new();
    for (id, file) in &declared {
        if !registered.contains(id.as_str()) {
            problems.push(format!(
                "{id} (src/{file}) is not in the registry (mtedu::all_codes)"
            ));
        }
        if !docs.contains(&format!("| {id} |")) {
            problems.push(format!(
                "{id} (src/{file}) is not in docs/codes.md (MTEDU_BLESS=1 cargo test --test it codes_doc)"
            ));
        }
        for key in [id.clone(), format!("{id}-help")] {
            let Some(variables) = english.get(&key) else {
                problems.push(format!("{key} has no English message"));
                continue;
            };
            for lang in Lang::ALL {
                match catalogue(lang).get(&key) {
                    None => problems.push(format!("{key} has no {} message", lang.code())),
                    Some(theirs) if theirs != variables => problems.push(format!(
                        "{key}: the {} message uses {theirs:?}, English {variables:?}",
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
        }
        if !expectations
            .lines()
            .any(|line| line.starts_with(&format!("{id} ")))
        {
            problems.push(format!(
                "{id} (src/{file}) has no fixture whose expected.txt shows it"
            ));
        }
    }
    for id in &registered {
        if !declared.contains_key(*id) {
            problems.push(format!(
                "{id} is registered but the scan of src/ did not find its declaration"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_sees_both_ways_of_declaring_a_code() {
    let source = "pub const A: Code = Code {\n    id: \"MT1234\",\n};\n\
                  pub const B: Code = code(\n    \"MT4321\",\n    \"b\",\n);\n\
                  const REPEATS: &[(&str, &str)] = &[(\"MT3003\", \"MT1201\")];";
    assert_eq!(declared_ids(source), ["MT1234", "MT4321"]);
}
