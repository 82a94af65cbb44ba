//! `minetest.register_nod(…)`: a field of `minetest`/`core` that the
//! target engine does not have, with the closest real name; or one that
//! only a newer engine version has (`core.sha256` on 5.6.1), named with
//! the version that has it — unless the file tests for it first.

use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::facts::core_appears_in;
use crate::lint::rule::{FileContext, LintRule};

pub const UNKNOWN_API: Code = Code {
    id: "MT2103",
    name: "unknown-api",
    severity: Severity::Error,
    doc: "A `minetest.x` / `core.x` that no engine version has, usually a typo.",
};

pub const NEWER_API: Code = Code {
    id: "MT2110",
    name: "newer-api",
    severity: Severity::Warning,
    doc: "A `core.x` that only a newer engine version than the target has (`--engine`): the target's server stops there. Fine behind a feature test (`if core.x then`).",
};

pub struct ApiTypo;

impl LintRule for ApiTypo {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNKNOWN_API, &NEWER_API]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for global in &file.analysis.globals {
            if global.name != "minetest" && global.name != "core" {
                continue;
            }
            let Some((field, line, column, written)) = &global.field else {
                continue;
            };
            if *written || file.api_names.contains(field) {
                continue;
            }
            if let Some(since) = core_appears_in(field, file.engine) {
                if !feature_tested(file, &global.name, field) {
                    out.push(
                        Diagnostic::new(&NEWER_API, file.path)
                            .at(Span::on_line(*line, *column, field.chars().count()))
                            .arg("name", format!("{}.{field}", global.name))
                            .arg("since", format!("{} {}", since.product(), since.short()))
                            .arg("target", file.engine.to_string())
                            .arg("flag", since.short()),
                    );
                }
                continue;
            }
            let suggestion = did_you_mean(field, file.api_names.iter().map(String::as_str));
            out.push(
                Diagnostic::new(&UNKNOWN_API, file.path)
                    .at(Span::on_line(*line, *column, field.chars().count()))
                    .arg("name", format!("{}.{field}", global.name))
                    .arg(
                        "suggestion",
                        suggestion.map_or("none".to_owned(), |s| format!("{}.{s}", global.name)),
                    ),
            );
        }
    }
}

/// True when the file reads `table.field` somewhere without calling it:
/// `if core.get_node_raw then`, `local raw = core.get_node_raw or …` — the
/// mod is ready for an engine without it.
fn feature_tested(file: &FileContext, table: &str, field: &str) -> bool {
    file.analysis.globals.iter().any(|g| {
        g.name == table
            && g.field.as_ref().is_some_and(|(f, line, column, written)| {
                f == field && !*written && !called(file.source, *line, *column + f.chars().count())
            })
    })
}

/// True when the text after line `line`, column `after` (1-based, just
/// past a name) calls it: `(`, a string or a table argument.
fn called(source: &str, line: usize, after: usize) -> bool {
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return true;
    };
    let rest: String = text.chars().skip(after.saturating_sub(1)).collect();
    matches!(
        rest.trim_start().chars().next(),
        Some('(' | '"' | '\'' | '{' | '[')
    )
}
