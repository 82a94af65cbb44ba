//! `minetest.register_nod(…)`: a field of `minetest`/`core` that the
//! engine does not have, with the closest real name; or one only a newer
//! engine version than the target has (`core.sha256` on 5.6.1), named with
//! the version that has it. Feature tests and guarded code are fine.

use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::facts::core_appears_in;
use crate::lint::rule::{FileContext, LintRule};

pub const UNKNOWN_API: Code = Code {
    id: "MT2103",
    name: "unknown-api",
    severity: Severity::Error,
    doc: "A `minetest.x` / `core.x` that the target engine (`--engine`) does not have, nor any newer one, is called or indexed, usually a typo.",
};

pub const UNKNOWN_API_READ: Code = Code {
    id: "MT2115",
    name: "unknown-api-read",
    severity: Severity::Warning,
    doc: "A `minetest.x` / `core.x` that the target engine (`--engine`) does not have, nor any newer one, is read: its value is nil.",
};

pub const NEWER_API: Code = Code {
    id: "MT2110",
    name: "newer-api",
    severity: Severity::Warning,
    doc: "A `core.x` that only a newer engine version than the target has (`--engine`) is called or indexed: the target's server stops there. Fine behind a feature test (`if core.x then`).",
};

pub struct ApiTypo;

impl LintRule for ApiTypo {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNKNOWN_API, &UNKNOWN_API_READ, &NEWER_API]
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
            if let Some(since) = core_appears_in(field, file.engine) {
                // Read without a call, it is nil on the target: a capture
                // such as `local raw = core.get_node_raw`.
                if global.field_used {
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
