//! Every message exists in every language, and every finding code has a
//! message and a fix in each.

use std::collections::BTreeSet;

use fluent_syntax::ast::Entry;
use mtedu::all_codes;
use mtedu::i18n::Lang;

fn keys(lang: Lang) -> BTreeSet<String> {
    let source = lang.catalogue_source();
    let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| {
        panic!("{} catalogue has syntax errors: {errors:?}", lang.code())
    });
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn catalogues_have_the_same_keys() {
    let en = keys(Lang::En);
    for lang in Lang::ALL {
        let other = keys(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            lang.code()
        );
    }
}

#[test]
fn every_code_has_a_message_and_a_fix_in_every_language() {
    for lang in Lang::ALL {
        let keys = keys(lang);
        for code in all_codes() {
            assert!(
                keys.contains(code.message_key()),
                "{}: no message for {}",
                lang.code(),
                code.id
            );
            assert!(
                keys.contains(&code.help_key()),
                "{}: no fix for {}",
                lang.code(),
                code.id
            );
        }
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let codes = all_codes();
    let ids: BTreeSet<&str> = codes.iter().map(|code| code.id).collect();
    assert_eq!(ids.len(), codes.len(), "a code is declared twice");
    for code in codes {
        assert!(
            code.id.len() == 6
                && code.id.starts_with("MT")
                && code.id[2..].bytes().all(|b| b.is_ascii_digit()),
            "bad code id {}",
            code.id
        );
    }
}

/// The message keys of a catalogue, in file order.
fn keys_in_order(lang: Lang) -> Vec<String> {
    let source = lang.catalogue_source();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", lang.code()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Finding messages come in code order, each `MTxxxx` followed by its
/// `MTxxxx-help`, so a code's two texts are found in one place and both
/// catalogues read side by side.
#[test]
fn finding_messages_are_in_code_order() {
    let is_code = |key: &str| {
        key.starts_with("MT") && key.len() >= 6 && key[2..6].bytes().all(|b| b.is_ascii_digit())
    };
    for lang in Lang::ALL {
        let codes: Vec<String> = keys_in_order(lang)
            .into_iter()
            .filter(|key| is_code(key))
            .collect();
        let mut expected = codes.clone();
        expected.sort_by_key(|key| (key[..6].to_owned(), key.len() > 6));
        if codes != expected {
            let first = codes
                .iter()
                .zip(&expected)
                .find(|(found, wanted)| found != wanted)
                .map(|(found, wanted)| format!("{found} where {wanted} belongs"))
                .unwrap_or_default();
            panic!(
                "locales/{}/mtedu.ftl: finding messages out of code order ({first}); \
                 put each MTxxxx and MTxxxx-help pair in code order under the Findings headings",
                lang.code()
            );
        }
    }
}

/// Every variable a pattern names, and for each plural selector (one with a
/// `[one]` variant) the numbers it has a variant of its own for (`[0]`).
#[derive(Default)]
struct Variables {
    all: BTreeSet<String>,
    plural: Vec<(String, BTreeSet<String>)>,
}

fn walk_pattern(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Variables) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
    fn inline(expression: &InlineExpression<&str>, out: &mut Variables) {
        match expression {
            InlineExpression::VariableReference { id } => {
                out.all.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => walk_expression(expression, out),
            _ => {}
        }
    }
    fn walk_expression(expression: &Expression<&str>, out: &mut Variables) {
        match expression {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                let keys: Vec<String> = variants
                    .iter()
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } => (*name).to_owned(),
                        VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    })
                    .collect();
                if let InlineExpression::VariableReference { id } = selector
                    && keys.iter().any(|k| k == "one")
                {
                    let exact = keys
                        .into_iter()
                        .filter(|k| k.parse::<u32>().is_ok())
                        .collect();
                    out.plural.push((id.name.to_owned(), exact));
                }
                for variant in variants {
                    walk_pattern(&variant.value, out);
                }
            }
            Expression::Inline(expression) => inline(expression, out),
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, out);
        }
    }
}

/// True when `text` holds `number` as a number of its own (not a digit of
/// a longer one).
fn holds_number(text: &str, number: u32) -> bool {
    let wanted = number.to_string();
    text.match_indices(&wanted).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + wanted.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// French's plural "one" covers 0 and 1: a `[one]` variant written with a
/// literal "1" would print "1 échoué" when nothing failed. Every message
/// choosing by a number says that number, for 0, 1 and 2, in every
/// language — unless it has a variant of its own for exactly that number
/// (`[0] aucun joueur`).
#[test]
fn plural_messages_say_their_number() {
    use mtedu::diag::ArgValue;
    use mtedu::i18n::Localizer;
    let mut checked = 0;
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let localizer = Localizer::new(lang);
        let source = lang.catalogue_source();
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("valid Fluent");
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = &message.value else {
                continue;
            };
            let mut variables = Variables::default();
            walk_pattern(pattern, &mut variables);
            let plural_names: BTreeSet<&str> = variables
                .plural
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            for (name, exact) in &variables.plural {
                for number in [0u32, 1, 2] {
                    let args: Vec<(&str, ArgValue)> = variables
                        .all
                        .iter()
                        .map(|other| {
                            let value = if other == name {
                                ArgValue::Number(number.into())
                            } else if plural_names.contains(other.as_str()) {
                                ArgValue::Number(7)
                            } else {
                                ArgValue::Text("X".into())
                            };
                            (other.as_str(), value)
                        })
                        .collect();
                    let text = localizer.text(message.id.name, &args);
                    checked += 1;
                    if !exact.contains(&number.to_string()) && !holds_number(&text, number) {
                        problems.push(format!(
                            "{} {} with ${name} = {number}: {text}",
                            lang.code(),
                            message.id.name
                        ));
                    }
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} renderings: the walk finds no plural"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
