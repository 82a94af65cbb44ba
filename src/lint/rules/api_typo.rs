//! `minetest.register_nod(…)`: a field of `minetest`/`core` that the
//! engine does not have, with the closest real name.

use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};

pub const UNKNOWN_API: Code = Code {
    id: "MT2103",
    name: "unknown-api",
    severity: Severity::Error,
    doc: "A `minetest.x` / `core.x` that the engine does not have (5.6.1) is called or indexed, usually a typo.",
};

pub const UNKNOWN_API_READ: Code = Code {
    id: "MT2115",
    name: "unknown-api-read",
    severity: Severity::Warning,
    doc: "A `minetest.x` / `core.x` that the engine does not have (5.6.1) is read: its value is nil.",
};

pub struct ApiTypo;

impl LintRule for ApiTypo {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNKNOWN_API, &UNKNOWN_API_READ]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for global in &file.analysis.globals {
            if global.name != "minetest" && global.name != "core" {
                continue;
            }
            let Some((field, line, column, written)) = &global.field else {
                continue;
            };
            if *written
                || file.api_names.contains(field)
                || global.field_tested
                || file.guard_covers(global, Some(field))
            {
                continue;
            }
            // Only a call or an index stops the code; a read gives nil.
            let code = if global.field_used {
                &UNKNOWN_API
            } else {
                &UNKNOWN_API_READ
            };
            let suggestion = did_you_mean(field, file.api_names.iter().map(String::as_str));
            out.push(
                Diagnostic::new(code, file.path)
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
