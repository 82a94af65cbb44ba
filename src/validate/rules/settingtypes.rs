//! `settingtypes.txt` of mods and games: lines the settings menu cannot
//! read, defaults that do not fit their type, settings declared twice, and
//! `secure.` settings that only the engine itself may declare.

use std::collections::HashMap;
use std::path::Path;

use crate::content::did_you_mean;
use crate::content::settingtypes::SETTING_TYPES;
use crate::content::{SettingProblem, SettingProblemKind, SettingTypes};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const MALFORMED_LINE: Code = Code {
    id: "MT1501",
    name: "settingtypes-malformed-line",
    severity: Severity::Error,
    doc: "A line is not `name (Readable name) type default`, a `[Section]` or a `#` comment.",
};

pub const UNKNOWN_TYPE: Code = Code {
    id: "MT1502",
    name: "settingtypes-unknown-type",
    severity: Severity::Error,
    doc: "A setting's type is not one the engine knows (int, bool, float, enum…).",
};

pub const BAD_VALUE: Code = Code {
    id: "MT1503",
    name: "settingtypes-bad-value",
    severity: Severity::Error,
    doc: "A setting's default or limits do not fit its type, so the menu drops it.",
};

pub const OUT_OF_RANGE: Code = Code {
    id: "MT1504",
    name: "settingtypes-out-of-range",
    severity: Severity::Error,
    doc: "A number setting's default lies outside its own min and max.",
};

pub const DUPLICATE_SETTING: Code = Code {
    id: "MT1505",
    name: "settingtypes-duplicate",
    severity: Severity::Warning,
    doc: "The same setting name is declared twice in one settingtypes.txt.",
};

pub const SECURE_SETTING: Code = Code {
    id: "MT1506",
    name: "settingtypes-secure-setting",
    severity: Severity::Error,
    doc: "A mod or game declares a `secure.` setting, which the engine refuses.",
};

pub const BYTE_ORDER_MARK: Code = Code {
    id: "MT1507",
    name: "settingtypes-byte-order-mark",
    severity: Severity::Warning,
    doc: "settingtypes.txt starts with a byte order mark that spoils its first line.",
};

pub const NOT_UTF8: Code = Code {
    id: "MT1508",
    name: "settingtypes-not-utf8",
    severity: Severity::Warning,
    doc: "settingtypes.txt is not UTF-8, so accented letters show wrong in the menu.",
};

/// Checks the settingtypes.txt of every mod and game in the workspace.
pub struct Settingtypes;

impl Rule for Settingtypes {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &MALFORMED_LINE,
            &UNKNOWN_TYPE,
            &BAD_VALUE,
            &OUT_OF_RANGE,
            &DUPLICATE_SETTING,
            &SECURE_SETTING,
            &BYTE_ORDER_MARK,
            &NOT_UTF8,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        let workspace = context.workspace;
        let dirs = workspace
            .all_mods()
            .map(|info| info.dir.as_path())
            .chain(workspace.games.iter().map(|game| game.dir.as_path()));
        for dir in dirs {
            check_file(&dir.join("settingtypes.txt"), out);
        }
    }
}

/// The code for a problem the parser found; public so that tests can tell
/// errors from warnings without running the whole rule.
pub fn code_for(kind: &SettingProblemKind) -> &'static Code {
    match kind {
        SettingProblemKind::MalformedLine => &MALFORMED_LINE,
        SettingProblemKind::UnknownType => &UNKNOWN_TYPE,
        SettingProblemKind::BadValue { .. } => &BAD_VALUE,
        SettingProblemKind::OutOfRange { .. } => &OUT_OF_RANGE,
        SettingProblemKind::ByteOrderMark => &BYTE_ORDER_MARK,
        SettingProblemKind::NotUtf8 => &NOT_UTF8,
    }
}

fn check_file(path: &Path, out: &mut Vec<Diagnostic>) {
    let Some(file) = SettingTypes::read(path) else {
        return;
    };
    for problem in &file.problems {
        out.push(describe(path, problem));
    }
    let mut first_lines: HashMap<&str, usize> = HashMap::new();
    for setting in &file.settings {
        let span = Span::on_line(setting.line, 1, setting.name.chars().count());
        if setting.name.contains("secure.") {
            out.push(
                Diagnostic::new(&SECURE_SETTING, path)
                    .at(span)
                    .arg("name", setting.name.as_str()),
            );
        }
        match first_lines.get(setting.name.as_str()) {
            Some(&first) => out.push(
                Diagnostic::new(&DUPLICATE_SETTING, path)
                    .at(span)
                    .arg("name", setting.name.as_str())
                    .arg("first", first),
            ),
            None => {
                first_lines.insert(&setting.name, setting.line);
            }
        }
    }
}

fn describe(path: &Path, problem: &SettingProblem) -> Diagnostic {
    let diagnostic = Diagnostic::new(code_for(&problem.kind), path)
        .at(Span::on_line(problem.line, problem.column, problem.width))
        .arg("name", problem.name.as_str())
        .arg("type", problem.type_name.as_str());
    match &problem.kind {
        SettingProblemKind::MalformedLine => diagnostic.arg("text", problem.text.trim()),
        SettingProblemKind::UnknownType => {
            let suggestion = suggest_type(&problem.type_name).unwrap_or("none");
            diagnostic.arg("suggestion", suggestion)
        }
        SettingProblemKind::BadValue { value, choices } => diagnostic
            .arg("value", value.as_str())
            .arg("has_value", if value.is_empty() { "no" } else { "yes" })
            .arg("choices", choices.as_str()),
        SettingProblemKind::OutOfRange { value, min, max } => {
            // `int 5 10 1`: no default can fit, the limits are the mistake.
            let reversed = matches!(
                (min.parse::<f64>(), max.parse::<f64>()),
                (Ok(min), Ok(max)) if min > max
            );
            diagnostic
                .arg("value", value.as_str())
                .arg("min", if min.is_empty() { "none" } else { min })
                .arg("max", if max.is_empty() { "none" } else { max })
                .arg("limits", if reversed { "reversed" } else { "ordered" })
        }
        SettingProblemKind::ByteOrderMark | SettingProblemKind::NotUtf8 => diagnostic,
    }
}

/// The type a pupil probably meant: common words from other languages
/// first, then near-misspellings of the real names.
fn suggest_type(word: &str) -> Option<&'static str> {
    let alias = match word.to_lowercase().as_str() {
        "integer" | "i32" | "u32" => Some("int"),
        "boolean" | "toggle" | "checkbox" => Some("bool"),
        "double" | "real" | "decimal" | "f32" | "f64" => Some("float"),
        "text" | "str" | "char" => Some("string"),
        "choice" | "list" | "select" | "dropdown" => Some("enum"),
        _ => None,
    };
    alias.or_else(|| did_you_mean(word, SETTING_TYPES.iter().copied()))
}
