//! The `.tr` parser and the locale file-name helpers, case by case: what
//! the engine reads from each kind of line, and where problems are placed.

use mtedu::content::translation::TrHeader;
use mtedu::content::{TrFile, TrProblemKind, split_locale_name};

fn kinds(file: &TrFile) -> Vec<(usize, usize, TrProblemKind)> {
    file.problems
        .iter()
        .map(|p| (p.line, p.column, p.kind.clone()))
        .collect()
}

#[test]
fn reads_headers_pairs_and_domains() {
    let file = TrFile::parse("Early=Tôt\n# textdomain:  mymod \n# comment\n\nHello=Bonjour\n");
    assert_eq!(
        file.headers,
        vec![TrHeader {
            line: 2,
            column: 16,
            domain: "mymod".into()
        }]
    );
    let pairs: Vec<_> = file
        .entries
        .iter()
        .map(|e| {
            (
                e.line,
                e.original.as_str(),
                e.translated.as_str(),
                e.domain.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            (1, "Early", "Tôt", None),
            (5, "Hello", "Bonjour", Some("mymod")),
        ]
    );
    assert!(file.problems.is_empty());
}

#[test]
fn escapes_are_kept_and_split_at_the_first_unescaped_equals() {
    let file = TrFile::parse("a@=b@@c@n@1=x@=y=z @1\n");
    let entry = &file.entries[0];
    assert_eq!(entry.original, "a@=b@@c@n@1");
    assert_eq!(entry.translated, "x@=y=z @1");
    assert!(file.problems.is_empty(), "{:?}", file.problems);
}

#[test]
fn at_sign_at_the_end_of_a_line_continues_it() {
    let file = TrFile::parse("One@\ntwo=Un@\ndeux\nNext=Suivant\r\n");
    let pairs: Vec<_> = file
        .entries
        .iter()
        .map(|e| (e.line, e.original.as_str(), e.translated.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![(1, "One\ntwo", "Un\ndeux"), (4, "Next", "Suivant")]
    );
}

#[test]
fn continuation_at_the_end_of_the_file_is_not_a_pair() {
    let file = TrFile::parse("Dangling@");
    assert_eq!(kinds(&file), vec![(1, 1, TrProblemKind::MissingEquals)]);
}

#[test]
fn problems_are_placed_by_characters() {
    let file = TrFile::parse("é @x=@2 @@\n@1 @1=@1\n@1=@3\nno equals here\n");
    assert_eq!(
        kinds(&file),
        vec![
            (
                1,
                3,
                TrProblemKind::InvalidEscape {
                    escape: "@x".into()
                }
            ),
            (1, 6, TrProblemKind::UnknownArg { arg: 2 }),
            (
                2,
                4,
                TrProblemKind::ArgOutOfOrder {
                    found: 1,
                    expected: 2
                }
            ),
            (3, 4, TrProblemKind::UnknownArg { arg: 3 }),
            (4, 1, TrProblemKind::MissingEquals),
        ]
    );
}

#[test]
fn blank_lines_and_empty_translations_are_fine() {
    let file = TrFile::parse("# textdomain: m\n   \nHello=\n");
    assert!(file.problems.is_empty());
    assert_eq!(file.entries[0].translated, "");
}

#[test]
fn encoding_problems_are_reported() {
    let file = TrFile::parse("\u{feff}# textdomain: m\n");
    assert_eq!(kinds(&file), vec![(1, 1, TrProblemKind::ByteOrderMark)]);
    assert_eq!(file.headers[0].domain, "m");
    let file = TrFile::parse_bytes(b"# textdomain: m\nCafe=Caf\xe9\n");
    assert_eq!(kinds(&file), vec![(2, 1, TrProblemKind::NotUtf8)]);
}

#[test]
fn locale_names_give_domain_and_language() {
    assert_eq!(split_locale_name("mymod.fr.tr"), Some(("mymod", "fr")));
    assert_eq!(
        split_locale_name("my.mod.pt_BR.tr"),
        Some(("my.mod", "pt_BR"))
    );
    assert_eq!(
        split_locale_name("__builtin.jbo.tr"),
        Some(("__builtin", "jbo"))
    );
    assert_eq!(
        split_locale_name("mymod.sr_Cyrl.po"),
        Some(("mymod", "sr_Cyrl"))
    );
    assert_eq!(split_locale_name("fr.tr"), None);
    assert_eq!(split_locale_name(".fr.tr"), None);
    assert_eq!(split_locale_name("mymod.french.tr"), None);
    assert_eq!(split_locale_name("mymod.FR.tr"), None);
    assert_eq!(split_locale_name("mymod.fr.txt"), None);
}
