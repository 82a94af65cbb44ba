//! Human output: each finding with its source line and a caret, then a
//! one-line summary, through codespan-reporting.
//!
//! codespan-reporting writes the severity in English (`error`, `warning`,
//! `note`); each finding is rendered on its own and that word replaced by
//! the user's language's (`erreur[MT1101]`, `info[MT1801]`). Text taken
//! from the pupil's files (snippets, paths, quoted values) goes through
//! [`super::visible`] so it cannot drive the terminal.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};

use super::visible::{visible_line, visible_source};
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
    let config = term::Config::default();
    let mut sources = SourceCache::default();
    let mut text = String::new();
    for diagnostic in &report.diagnostics {
        if quiet && diagnostic.severity != Severity::Error {
            continue;
        }
        let mut buffer = match color {
            ColorChoice::Always => Buffer::ansi(),
            ColorChoice::Never => Buffer::no_color(),
        };
        let rendered = to_codespan(diagnostic, localizer, &mut sources);
        // Writing into memory cannot fail; a vanished file only loses its snippet.
        let _ = term::emit_to_write_style(&mut buffer, &config, &sources.files, &rendered);
        let one = String::from_utf8_lossy(buffer.as_slice());
        text.push_str(&translate_severity(&one, diagnostic, localizer));
    }
    if !quiet {
        text.push_str(&summary_line(report, localizer));
        text.push('\n');
    }
    text
}

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
    sources: &mut SourceCache,
) -> cs::Diagnostic<usize> {
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
    match diagnostic
        .span
        .and_then(|span| sources.locate(&diagnostic.path, span))
    {
        Some((file_id, range)) => labels.push(cs::Label::primary(file_id, range)),
        None => notes.push(
            localizer.text(
                "label-where",
                &[(
                    "place",
                    visible_line(&display_path(&diagnostic.path, diagnostic.span))
                        .into_owned()
                        .into(),
                )],
            ),
        ),
    }
    notes.push(localizer.text("label-help", &[("help", help.into())]));
    cs::Diagnostic::new(severity)
        .with_code(code.id)
        .with_message(message)
        .with_labels(labels)
        .with_notes(notes)
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

/// Files read once for their snippets.
#[derive(Default)]
struct SourceCache {
    files: SimpleFiles<String, String>,
    ids: HashMap<PathBuf, Option<usize>>,
}

impl SourceCache {
    /// The file id and byte range of `span`, or `None` when the file cannot
    /// be read as text or the span lies outside it.
    fn locate(&mut self, path: &Path, span: Span) -> Option<(usize, std::ops::Range<usize>)> {
        let id = *self.ids.entry(path.to_path_buf()).or_insert_with(|| {
            let text = std::fs::read(path).ok()?;
            // One picture per control character: columns stay the file's.
            let text = visible_source(&String::from_utf8_lossy(&text)).into_owned();
            let name = visible_line(&display_path(path, None)).into_owned();
            Some(self.files.add(name, text))
        });
        let id = id?;
        let source = self.files.get(id).ok()?.source();
        let start = byte_offset(source, span.line, span.column)?;
        let end = match span.end {
            Some((line, column)) => byte_offset(source, line, column)
                .map(|offset| next_char_boundary(source, offset))
                .unwrap_or(start),
            None => next_char_boundary(source, start),
        };
        Some((id, start..end.max(start)))
    }
}

/// Byte offset of a 1-based line and character column; a column past the end
/// of the line clamps to the line end.
fn byte_offset(source: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(line - 2)
            .map(|(index, _)| index + 1)?
    };
    let rest = &source[line_start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(index, _)| index);
    Some(line_start + within)
}

fn next_char_boundary(source: &str, offset: usize) -> usize {
    source[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let source = "é = 1\nab = ç\n";
        assert_eq!(byte_offset(source, 1, 1), Some(0));
        assert_eq!(byte_offset(source, 1, 2), Some(2));
        assert_eq!(byte_offset(source, 2, 6), Some(12));
        assert_eq!(byte_offset(source, 9, 1), None);
    }
}
