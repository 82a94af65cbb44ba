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
