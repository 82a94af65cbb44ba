//! Entries of comma-separated lists (`depends`, `optional_depends`,
//! `supported_games`, `unsupported_games`, `depends.txt` lines) must be
//! names; a space inside one usually means a forgotten comma.

use crate::content::DepOrigin;
use crate::content::{is_valid_mod_name, suggest_mod_name};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const MISSING_COMMA: Code = Code {
    id: "MT1104",
    name: "list-missing-comma",
    severity: Severity::Error,
    doc: "A list entry contains a space: a comma between two names is probably missing.",
};

pub const INVALID_LIST_ENTRY: Code = Code {
    id: "MT1105",
    name: "invalid-list-entry",
    severity: Severity::Error,
    doc: "A list entry is not a valid mod or game name.",
};

const GAME_LIST_KEYS: &[&str] = &["supported_games", "unsupported_games"];

pub struct ListEntries;

impl Rule for ListEntries {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MISSING_COMMA, &INVALID_LIST_ENTRY]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            for dependency in &info.dependencies {
                check_entry(&dependency.name, &dependency.origin, out);
            }
        }
        for (doc, _) in context.workspace.conf_docs() {
            for key in GAME_LIST_KEYS {
                let Some(entry) = doc.conf.get(key) else {
                    continue;
                };
                for item in crate::content::conf::split_list(&entry.value) {
                    let origin = DepOrigin {
                        path: doc.path.clone(),
                        line: entry.line,
                        column: entry.value_column + item.offset,
                    };
                    check_entry(&item.text, &origin, out);
                }
            }
        }
    }
}

fn check_entry(text: &str, origin: &DepOrigin, out: &mut Vec<Diagnostic>) {
    if is_valid_mod_name(text) {
        return;
    }
    let span = Span::on_line(origin.line, origin.column, text.chars().count());
    let diagnostic = if text.split_whitespace().count() > 1 {
        let words: Vec<&str> = text.split_whitespace().collect();
        Diagnostic::new(&MISSING_COMMA, &origin.path)
            .at(span)
            .arg("entry", text)
            .arg("fixed", words.join(", "))
    } else {
        Diagnostic::new(&INVALID_LIST_ENTRY, &origin.path)
            .at(span)
            .arg("entry", text)
            .arg("suggestion", suggest_mod_name(text))
    };
    out.push(diagnostic);
}
