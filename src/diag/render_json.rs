//! JSON output: one document on stdout, schema version 1.

use serde::Serialize;

use super::render_human::display_path;
use super::{Report, Severity};
use crate::i18n::Localizer;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    help: String,
    /// Lua's own words for a Lua error (the explained message is above).
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// The counts as a JSON object, for commands whose documents embed them.
pub fn json_summary(report: &Report) -> serde_json::Value {
    let summary = report.summary();
    serde_json::json!({ "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos })
}

/// The findings as JSON values, for commands whose documents embed them.
pub fn json_diagnostics(report: &Report, localizer: &Localizer) -> serde_json::Value {
    serde_json::to_value(diagnostics(report, localizer)).expect("plain data always serializes")
}

fn diagnostics<'a>(report: &'a Report, localizer: &Localizer) -> Vec<JsonDiagnostic<'a>> {
    report
        .diagnostics
        .iter()
        .map(|diagnostic| JsonDiagnostic {
            code: diagnostic.code.id,
            severity: diagnostic.severity,
            file: display_path(&diagnostic.path, None),
            line: diagnostic.span.map(|span| span.line),
            column: diagnostic.span.map(|span| span.column),
            message: localizer.text(diagnostic.code.message_key(), &diagnostic.args),
            help: localizer.text(&diagnostic.code.help_key(), &diagnostic.args),
            detail: diagnostic
                .args
                .iter()
                .find_map(|(name, value)| match value {
                    super::ArgValue::Text(text) if *name == "detail" => Some(text.clone()),
                    _ => None,
                }),
        })
        .collect()
}

/// Renders the report as the documented JSON document (no trailing newline).
pub fn render_json(report: &Report, localizer: &Localizer) -> String {
    serde_json::to_string(&document(report, localizer)).expect("plain data always serializes")
}

/// The same document with more top-level keys after the others, for
/// commands that add to it (`check` adds `objectives` in a lesson copy,
/// the commands that load code the `engine` they targeted).
pub fn render_json_with(
    report: &Report,
    localizer: &Localizer,
    extra: &[(&str, serde_json::Value)],
) -> String {
    #[derive(Serialize)]
    struct Extended<'a> {
        #[serde(flatten)]
        document: Document<'a>,
        #[serde(flatten)]
        extra: std::collections::BTreeMap<String, serde_json::Value>,
    }
    let extended = Extended {
        document: document(report, localizer),
        extra: extra
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect(),
    };
    serde_json::to_string(&extended).expect("plain data always serializes")
}

fn document<'a>(report: &'a Report, localizer: &Localizer) -> Document<'a> {
    let summary = report.summary();
    Document {
        version: 1,
        diagnostics: diagnostics(report, localizer),
        summary: JsonSummary {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
        },
    }
}
