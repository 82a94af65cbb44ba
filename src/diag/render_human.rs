//! Human output: each finding with its source line and a caret, then a
//! one-line summary, through codespan-reporting.
//!
//! codespan-reporting writes the severity in English (`error`, `warning`,
//! `note`); each finding is rendered on its own and that word replaced by
//! the user's language's (`erreur[MT1101]`, `info[MT1801]`). Text taken
//! from the pupil's files (snippets, paths, quoted values) goes through
//! [`super::visible`] so it cannot drive the terminal.

use std::collections::HashMap;
use std::path::Path;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor::Buffer};

use super::snippet::{Sources, Window};
use super::visible::visible_line;
use super::{ArgValue, Diagnostic, Report, Severity, Span};
use crate::i18n::Localizer;

/// Whether to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Always,
    Never,
}

/// Renders the report as text. `quiet` keeps only errors and drops the summary.
pub fn render_human(
    report: &Report,
    localizer: &Localizer,
    color: ColorChoice,
    quiet: bool,
) -> String {
    render_human_with(report, localizer, color, quiet, false)
}

/// Like [`render_human`]; `detail` (`-v`) adds Lua's own words under an
/// explained error (« Lua dit : … »), for whoever wants the raw text.
pub fn render_human_with(
    report: &Report,
    localizer: &Localizer,
    color: ColorChoice,
    quiet: bool,
    detail: bool,
) -> String {
    let config = term::Config::default();
    let mut sources = Sources::default();
    let mut text = String::new();
    // How many of each code each file has shown: past
    // [`MAX_SHOWN_PER_CODE`], the rest are counted, not shown.
    let mut shown: HashMap<(&Path, &str), usize> = HashMap::new();
    for diagnostic in &report.diagnostics {
        if quiet && diagnostic.severity != Severity::Error {
            continue;
        }
        let count = shown
            .entry((diagnostic.path.as_path(), diagnostic.code.id))
            .or_default();
        *count += 1;
        if *count > MAX_SHOWN_PER_CODE {
            continue;
        }
        let mut buffer = match color {
            ColorChoice::Always => Buffer::ansi(),
            ColorChoice::Never => Buffer::no_color(),
        };
        let (rendered, window) = to_codespan(diagnostic, localizer, &mut sources, detail);
        // Writing into memory cannot fail; a vanished file only loses its snippet.
        let window = window.unwrap_or_default();
        let _ = term::emit_to_write_style(&mut buffer, &config, &window, &rendered);
        let one = String::from_utf8_lossy(buffer.as_slice());
        text.push_str(&translate_severity(&one, diagnostic, localizer));
    }
    let mut hidden: Vec<(&(&Path, &str), &usize)> = shown
        .iter()
        .filter(|(_, count)| **count > MAX_SHOWN_PER_CODE)
        .collect();
    hidden.sort();
    for ((path, code), count) in hidden {
        text.push_str(&localizer.text(
            "report-more-not-shown",
            &[
                ("count", (count - MAX_SHOWN_PER_CODE).into()),
                ("code", (*code).into()),
                (
                    "path",
                    visible_line(&display_path(path, None)).into_owned().into(),
                ),
            ],
        ));
        text.push_str("\n\n");
    }
    if !quiet {
        text.push_str(&summary_line(report, localizer));
        text.push('\n');
    }
    text
}

/// Findings of one code shown per file; the rest are counted in one line
/// (a `depends` of 10,000 missing names says the first ones and how many
/// more, instead of ten thousand screens).
pub const MAX_SHOWN_PER_CODE: usize = 50;

/// "2 errors, 1 warning, 0 infos" in the user's language.
fn summary_line(report: &Report, localizer: &Localizer) -> String {
    let summary = report.summary();
    if report.diagnostics.is_empty() {
        return localizer.plain("summary-clean");
    }
    localizer.text(
        "summary-counts",
        &[
            ("errors", summary.errors.into()),
            ("warnings", summary.warnings.into()),
            ("infos", summary.infos.into()),
        ],
    )
}

/// The header of one rendered finding with the severity in the user's
/// language: the first `error[MT…]` becomes `erreur[MT…]` in French, and
/// codespan's `note` becomes `info` (the word of the JSON output).
fn translate_severity(rendered: &str, diagnostic: &Diagnostic, localizer: &Localizer) -> String {
    let (english, key) = match diagnostic.severity {
        Severity::Error => ("error", "severity-error"),
        Severity::Warning => ("warning", "severity-warning"),
        Severity::Info => ("note", "severity-info"),
    };
    let code = diagnostic.code.id;
    rendered.replacen(
        &format!("{english}[{code}]"),
        &format!("{}[{code}]", localizer.plain(key)),
        1,
    )
}

/// The message arguments with the pupil's text made visible.
fn visible_args(diagnostic: &Diagnostic) -> Vec<(&'static str, ArgValue)> {
    diagnostic
        .args
        .iter()
        .map(|(name, value)| match value {
            ArgValue::Text(text) => (*name, ArgValue::Text(visible_line(text).into_owned())),
            ArgValue::Number(_) => (*name, value.clone()),
        })
        .collect()
}

fn to_codespan(
    diagnostic: &Diagnostic,
    localizer: &Localizer,
    sources: &mut Sources,
    detail: bool,
) -> (cs::Diagnostic<()>, Option<Window>) {
    let code = diagnostic.code;
    let args = visible_args(diagnostic);
    let message = localizer.text(code.message_key(), &args);
    let help = localizer.text(&code.help_key(), &args);
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let mut notes = Vec::new();
    let mut labels = Vec::new();
    let window = match diagnostic
        .span
        .and_then(|span| sources.window(&diagnostic.path, span))
    {
        Some((window, range)) => {
            labels.push(cs::Label::primary((), range));
            Some(window)
        }
        None => {
            notes.push(
                localizer.text(
                    "label-where",
                    &[(
                        "place",
                        visible_line(&display_path(&diagnostic.path, diagnostic.span))
                            .into_owned()
                            .into(),
                    )],
                ),
            );
            None
        }
    };
    notes.push(localizer.text("label-help", &[("help", help.into())]));
    if detail {
        notes.extend(raw_text(&args, &message, localizer));
    }
    let rendered = cs::Diagnostic::new(severity)
        .with_code(code.id)
        .with_message(message)
        .with_labels(labels)
        .with_notes(notes);
    (rendered, window)
}

/// « Lua dit : … » for a finding whose `detail` its message does not
/// already quote (a syntax error's message does).
fn raw_text(args: &[(&str, ArgValue)], message: &str, localizer: &Localizer) -> Option<String> {
    let detail = args.iter().find_map(|(name, value)| match value {
        ArgValue::Text(text) if *name == "detail" && !text.is_empty() => Some(text),
        _ => None,
    })?;
    if message.contains(detail.as_str()) {
        return None;
    }
    Some(localizer.text("label-detail", &[("detail", detail.clone().into())]))
}

/// `path` relative to the current folder when it lies inside it, so that
/// messages show paths the way the user typed them.
pub fn relative_to_cwd(path: &Path) -> std::path::PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// `path` or `path:line:column`, with forward slashes.
pub fn display_path(path: &Path, span: Option<Span>) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    let shown = match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => shown,
    };
    match span {
        Some(span) => format!("{shown}:{}:{}", span.line, span.column),
        None => shown,
    }
}
