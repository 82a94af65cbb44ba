//! Findings → edits. Each fix is checked against the file's text: the
//! edit is planned only when the text at the finding's place is exactly
//! what the finding says.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Fixed;
use crate::diag::{ArgValue, Code, Diagnostic};
use crate::lint::codes::FOREIGN_OPERATOR;
use crate::lint::rules::api_typo::UNKNOWN_API;
use crate::lint::rules::deprecated_api::DEPRECATED_API;

/// One replacement on one line; `column` counts characters from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub line: usize,
    pub column: usize,
    pub old: String,
    pub new: String,
    pub code: &'static Code,
}

impl Edit {
    pub(super) fn into_fixed(self, path: &std::path::Path) -> Fixed {
        Fixed {
            path: path.to_path_buf(),
            line: self.line,
            code: self.code,
            before: self.old,
            after: self.new,
        }
    }
}

/// The edits for the findings, by file, with the text they were planned on.
pub fn plan(findings: &[Diagnostic]) -> BTreeMap<PathBuf, (String, Vec<Edit>)> {
    let mut out: BTreeMap<PathBuf, (String, Vec<Edit>)> = BTreeMap::new();
    let api = crate::lint::globals::api_names();
    for finding in findings {
        let Some(span) = finding.span else { continue };
        if !out.contains_key(&finding.path) {
            let Ok(source) = std::fs::read_to_string(&finding.path) else {
                continue;
            };
            out.insert(finding.path.clone(), (source, Vec::new()));
        }
        let (source, edits) = out.get_mut(&finding.path).expect("inserted above");
        let Some(line_text) = source.lines().nth(span.line.saturating_sub(1)) else {
            continue;
        };
        let rest: String = line_text
            .chars()
            .skip(span.column.saturating_sub(1))
            .collect();
        let before: Option<char> = span
            .column
            .checked_sub(2)
            .and_then(|i| line_text.chars().nth(i));
        let edit = |old: &str, new: &str| Edit {
            line: span.line,
            column: span.column,
            old: old.to_owned(),
            new: new.to_owned(),
            code: finding.code,
        };
        let planned = match finding.code.id {
            id if id == DEPRECATED_API.id
                && text(finding, "name").is_some_and(|n| n.ends_with(".env")) =>
            {
                ["env:", "env."]
                    .into_iter()
                    .find(|old| rest.starts_with(old))
                    .map(|old| edit(old, ""))
            }
            id if id == FOREIGN_OPERATOR.id => {
                let after = rest.chars().nth(2);
                let spaced = |word: &str| {
                    let mut new = String::new();
                    if !before.is_some_and(char::is_whitespace) {
                        new.push(' ');
                    }
                    new.push_str(word);
                    if !after.is_some_and(char::is_whitespace) {
                        new.push(' ');
                    }
                    new
                };
                match text(finding, "operator") {
                    Some("!=") if rest.starts_with("!=") => Some(edit("!=", "~=")),
                    Some("&&") if rest.starts_with("&&") => Some(edit("&&", &spaced("and"))),
                    Some("||") if rest.starts_with("||") => Some(edit("||", &spaced("or"))),
                    _ => None,
                }
            }
            id if id == UNKNOWN_API.id => {
                let field = text(finding, "name")
                    .and_then(|n| n.split_once('.'))
                    .map(|(_, f)| f);
                let suggestion = text(finding, "suggestion")
                    .and_then(|s| s.split_once('.'))
                    .map(|(_, f)| f);
                match (field, suggestion) {
                    (Some(field), Some(suggestion))
                        if rest.starts_with(field) && only_closest(field, suggestion, &api) =>
                    {
                        Some(edit(field, suggestion))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        edits.extend(planned);
    }
    out.retain(|_, (_, edits)| !edits.is_empty());
    out
}

/// A text argument of a finding.
fn text<'a>(finding: &'a Diagnostic, key: &str) -> Option<&'a str> {
    finding.args.iter().find_map(|(name, value)| match value {
        ArgValue::Text(text) if *name == key => Some(text.as_str()),
        _ => None,
    })
}

/// True when `suggestion` is the only engine name as close to `word` as it is.
fn only_closest(word: &str, suggestion: &str, api: &std::collections::BTreeSet<String>) -> bool {
    let lowered = word.to_lowercase();
    let best = strsim::damerau_levenshtein(&lowered, suggestion);
    let ties = api
        .iter()
        .filter(|name| strsim::damerau_levenshtein(&lowered, name) <= best)
        .count();
    ties == 1 && api.contains(suggestion)
}
