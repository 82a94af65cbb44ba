//! Engine functions that still work but are deprecated, with what to use
//! instead (5.6.1's lua_api.txt marks them so).

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};

pub const DEPRECATED_API: Code = Code {
    id: "MT2106",
    name: "deprecated-api",
    severity: Severity::Warning,
    doc: "A deprecated engine function or table; the message gives its replacement.",
};

/// Deprecated `core` fields and their replacements.
const DEPRECATED: &[(&str, &str)] = &[
    (
        "env",
        "minetest.get_node, minetest.set_node… (call them on minetest itself)",
    ),
    ("setting_get", "minetest.settings:get(name)"),
    ("setting_set", "minetest.settings:set(name, value)"),
    ("setting_getbool", "minetest.settings:get_bool(name)"),
    ("setting_setbool", "minetest.settings:set_bool(name, value)"),
    ("setting_save", "minetest.settings:write()"),
    ("get_mapgen_params", "minetest.get_mapgen_setting(name)"),
    (
        "set_mapgen_params",
        "minetest.set_mapgen_setting(name, value)",
    ),
    ("register_on_auth_fail", "minetest.register_on_authplayer"),
];

pub struct DeprecatedApi;

impl LintRule for DeprecatedApi {
    fn codes(&self) -> &'static [&'static Code] {
        &[&DEPRECATED_API]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for global in &file.analysis.globals {
            if global.name != "minetest" && global.name != "core" {
                continue;
            }
            let Some((field, line, column, false)) = &global.field else {
                continue;
            };
            let Some((_, replacement)) = DEPRECATED.iter().find(|(name, _)| name == field) else {
                continue;
            };
            out.push(
                Diagnostic::new(&DEPRECATED_API, file.path)
                    .at(Span::on_line(*line, *column, field.chars().count()))
                    .arg("name", format!("{}.{field}", global.name))
                    .arg("replacement", *replacement),
            );
        }
    }
}
