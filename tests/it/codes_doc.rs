//! `docs/codes.md` lists every finding code; this test keeps it true.
//! After adding a code, run with `MTEDU_BLESS=1` to rewrite the file.

use crate::support;

use std::fmt::Write as _;
use std::path::Path;

use mtedu::all_codes;
use mtedu::i18n::{Lang, Localizer};

fn expected_doc() -> String {
    let english = Localizer::new(Lang::En);
    let mut text = String::from(
        "# Finding codes\n\n\
         Every finding mtedu reports has a stable code. This file is generated\n\
         from the rule files by `MTEDU_BLESS=1 cargo test --test it codes_doc`.\n\n\
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
    support::check_blessed(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md"),
        expected_doc().as_bytes(),
        "out of date: run MTEDU_BLESS=1 cargo test --test it codes_doc",
    );
}
