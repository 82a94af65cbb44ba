//! Translation files in a mod's `locale/` folder: `.tr` files the engine
//! would misread or never load, and gettext files old engines ignore. A
//! broken line only loses its own translation (the engine keeps running),
//! so these are warnings.

use crate::content::{LocaleFile, LocaleKind, ModInfo, TrFile, TrProblemKind, split_locale_name};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const MISSING_TEXTDOMAIN: Code = Code {
    id: "MT1401",
    name: "tr-missing-textdomain",
    severity: Severity::Warning,
    doc: "Translations come before any `# textdomain:` line, so they belong to no mod.",
};

pub const TEXTDOMAIN_MISMATCH: Code = Code {
    id: "MT1402",
    name: "tr-textdomain-mismatch",
    severity: Severity::Warning,
    doc: "The `# textdomain:` line names another domain than the file name does.",
};

pub const MISSING_EQUALS: Code = Code {
    id: "MT1403",
    name: "tr-missing-equals",
    severity: Severity::Warning,
    doc: "A translation line has no unescaped `=`, so the engine drops it.",
};

pub const INVALID_ESCAPE: Code = Code {
    id: "MT1404",
    name: "tr-invalid-escape",
    severity: Severity::Warning,
    doc: "`@` followed by something other than `@`, `=`, `n` or a digit 1-9.",
};

pub const ARGS_OUT_OF_ORDER: Code = Code {
    id: "MT1405",
    name: "tr-args-out-of-order",
    severity: Severity::Warning,
    doc: "The original text's `@1`…`@9` are not in order from `@1` without gaps or repeats.",
};

pub const UNKNOWN_ARG: Code = Code {
    id: "MT1406",
    name: "tr-unknown-arg",
    severity: Severity::Warning,
    doc: "The translation uses an `@n` argument the original text does not have.",
};

pub const BAD_FILE_NAME: Code = Code {
    id: "MT1407",
    name: "tr-bad-file-name",
    severity: Severity::Warning,
    doc: "A translation file is not named `<textdomain>.<lang>.tr`, so no language loads it.",
};

pub const GETTEXT_FILE: Code = Code {
    id: "MT1408",
    name: "tr-gettext-file",
    severity: Severity::Info,
    doc: "A `.po` or `.mo` file: only Luanti 5.10 and later read them.",
};

pub const BYTE_ORDER_MARK: Code = Code {
    id: "MT1409",
    name: "tr-byte-order-mark",
    severity: Severity::Warning,
    doc: "The `.tr` file starts with a byte order mark that hides its first line.",
};

pub const NOT_UTF8: Code = Code {
    id: "MT1410",
    name: "tr-not-utf8",
    severity: Severity::Warning,
    doc: "The `.tr` file is not UTF-8, so the engine drops the lines it cannot read.",
};

/// Checks every translation file of every mod in the workspace.
pub struct Translations;

impl Rule for Translations {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &MISSING_TEXTDOMAIN,
            &TEXTDOMAIN_MISMATCH,
            &MISSING_EQUALS,
            &INVALID_ESCAPE,
            &ARGS_OUT_OF_ORDER,
            &UNKNOWN_ARG,
            &BAD_FILE_NAME,
            &GETTEXT_FILE,
            &BYTE_ORDER_MARK,
            &NOT_UTF8,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            for file in info.locale_files() {
                match file.kind {
                    LocaleKind::Tr => check_tr(info, &file, out),
                    LocaleKind::Po | LocaleKind::Mo => out.push(
                        Diagnostic::new(&GETTEXT_FILE, &file.path).arg("file", file.file_name()),
                    ),
                }
            }
        }
    }
}

/// The code for a problem the `.tr` parser found; public so that tests can
/// tell errors from warnings without running the whole rule.
pub fn code_for(kind: &TrProblemKind) -> &'static Code {
    match kind {
        TrProblemKind::MissingEquals => &MISSING_EQUALS,
        TrProblemKind::InvalidEscape { .. } => &INVALID_ESCAPE,
        TrProblemKind::ArgOutOfOrder { .. } => &ARGS_OUT_OF_ORDER,
        TrProblemKind::UnknownArg { .. } => &UNKNOWN_ARG,
        TrProblemKind::ByteOrderMark => &BYTE_ORDER_MARK,
        TrProblemKind::NotUtf8 => &NOT_UTF8,
    }
}

fn check_tr(info: &ModInfo, file: &LocaleFile, out: &mut Vec<Diagnostic>) {
    let file_name = file.file_name();
    let parts = split_locale_name(&file_name);
    if parts.is_none() {
        out.push(
            Diagnostic::new(&BAD_FILE_NAME, &file.path)
                .arg("file", file_name.as_str())
                .arg("mod", info.name.as_str()),
        );
    }
    let Some(tr) = TrFile::read(&file.path) else {
        return;
    };
    for problem in &tr.problems {
        let mut diagnostic = Diagnostic::new(code_for(&problem.kind), &file.path)
            .at(Span::on_line(problem.line, problem.column, problem.width));
        diagnostic = match &problem.kind {
            TrProblemKind::MissingEquals => diagnostic.arg("text", problem.text.trim()),
            TrProblemKind::InvalidEscape { escape } => diagnostic.arg("escape", escape.as_str()),
            TrProblemKind::ArgOutOfOrder { found, expected } => diagnostic
                .arg("found", format!("@{found}"))
                .arg("expected", format!("@{expected}")),
            TrProblemKind::UnknownArg { arg } => diagnostic.arg("arg", format!("@{arg}")),
            TrProblemKind::ByteOrderMark | TrProblemKind::NotUtf8 => diagnostic,
        };
        out.push(diagnostic);
    }
    let expected = parts.map_or(info.name.as_str(), |(domain, _)| domain);
    if let Some(first) = tr.entries.iter().find(|entry| entry.domain.is_none()) {
        out.push(
            Diagnostic::new(&MISSING_TEXTDOMAIN, &file.path)
                .at(Span::on_line(
                    first.line,
                    1,
                    first_line_width(&first.original),
                ))
                .arg("domain", expected),
        );
    }
    if parts.is_none() {
        return;
    }
    for header in tr.headers.iter().filter(|h| h.domain != expected) {
        out.push(
            Diagnostic::new(&TEXTDOMAIN_MISMATCH, &file.path)
                .at(Span::on_line(
                    header.line,
                    header.column,
                    header.domain.chars().count(),
                ))
                .arg("found", header.domain.as_str())
                .arg("expected", expected)
                .arg("file", file_name.as_str()),
        );
    }
}

/// Characters of `text` up to its first line break, for underlining.
fn first_line_width(text: &str) -> usize {
    text.split('\n').next().unwrap_or("").chars().count()
}
