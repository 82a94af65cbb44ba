//! `docs/codes.md` lists every finding code; this test keeps it true.
//! After adding a code, run with `MTEDU_BLESS=1` to rewrite the file.

use std::fmt::Write as _;
use std::path::Path;

use mtedu::all_codes;
use mtedu::i18n::{Lang, Localizer};

fn expected_doc() -> String {
    let english = Localizer::new(Lang::En);
    let mut text = String::from(
        "# Finding codes\n\n\
         Every finding mtedu reports has a stable code. This file is generated\n\
         from the rule files by `MTEDU_BLESS=1 cargo test --test codes_doc`.\n\n\
         | code | name | severity | what it means |\n|---|---|---|---|\n",
    );
    for code in all_codes() {
        writeln!(
            text,
            "| {} | `{}` | {} | {} |",
            code.id,
            code.name,
            code.severity.as_str(),
            code.doc
        )
        .unwrap();
        assert!(english.has(code.message_key()));
    }
    text
}

#[test]
fn codes_doc_lists_every_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md");
    let expected = expected_doc();
    if std::env::var_os("MTEDU_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "docs/codes.md is out of date: run MTEDU_BLESS=1 cargo test --test codes_doc"
    );
}
