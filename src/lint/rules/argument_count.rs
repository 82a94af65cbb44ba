//! A call of an engine function with too few or too many arguments:
//! `minetest.register_node("x:y")` without its definition,
//! `core.chat_send_player("hi")` without the player's name. The arguments
//! of each function are data (`data/api-arguments-5.6.1.txt`, from
//! lua_api.txt, checked against the real server).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::ApiCall;

pub const TOO_FEW_ARGUMENTS: Code = Code {
    id: "MT2108",
    name: "too-few-arguments",
    severity: Severity::Error,
    doc: "An engine function called without an argument it needs (lua_api.txt 5.6.1).",
};

pub const TOO_MANY_ARGUMENTS: Code = Code {
    id: "MT2109",
    name: "too-many-arguments",
    severity: Severity::Warning,
    doc: "An engine function called with more arguments than it takes: the extra ones are ignored.",
};

/// The arguments of one engine function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The arguments as written in the data, for messages: `pos, node`.
    pub text: String,
    pub required: usize,
    /// `None` when it ends with `...`.
    pub most: Option<usize>,
    /// The names of the required arguments, in order.
    pub required_names: Vec<String>,
}

/// The signatures of the data file, by function name.
pub fn signatures() -> &'static BTreeMap<String, Signature> {
    static TABLE: OnceLock<BTreeMap<String, Signature>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../data/api-arguments-5.6.1.txt")))
}

/// Reads `name(a, [b], ...)` lines; `#` starts a comment line.
pub fn parse(text: &str) -> BTreeMap<String, Signature> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (name, rest) = line.split_once('(')?;
            let inside = rest.strip_suffix(')')?;
            let params: Vec<&str> = inside
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let variadic = params.last() == Some(&"...");
            // `log([level], text)`: an optional argument may come first.
            let required = params
                .iter()
                .filter(|p| !p.starts_with('[') && **p != "...")
                .count();
            let most = (!variadic).then_some(params.len());
            Some((
                name.trim().to_owned(),
                Signature {
                    text: inside.to_owned(),
                    required,
                    most,
                    required_names: params
                        .iter()
                        .filter(|p| !p.starts_with('[') && **p != "...")
                        .map(|p| (*p).to_owned())
                        .collect(),
                },
            ))
        })
        .collect()
}

pub struct ArgumentCount;

impl LintRule for ArgumentCount {
    fn codes(&self) -> &'static [&'static Code] {
        &[&TOO_FEW_ARGUMENTS, &TOO_MANY_ARGUMENTS]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for call in &file.analysis.api_calls {
            if let Some(finding) = check_call(file, call) {
                out.push(finding);
            }
        }
    }
}

fn check_call(file: &FileContext, call: &ApiCall) -> Option<Diagnostic> {
    let signature = signatures().get(&call.function)?;
    let code = if call.exact && call.arguments < signature.required {
        &TOO_FEW_ARGUMENTS
    } else if signature.most.is_some_and(|most| call.arguments > most) {
        &TOO_MANY_ARGUMENTS
    } else {
        return None;
    };
    Some(
        Diagnostic::new(code, file.path)
            .at(Span::on_line(
                call.line,
                call.column,
                call.function.chars().count(),
            ))
            .arg("name", format!("{}.{}", call.base, call.function))
            .arg("given", call.arguments)
            .arg("required", signature.required)
            .arg("most", signature.most.unwrap_or(signature.required))
            .arg("arguments", signature.text.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_optional_and_variadic_arguments() {
        let table = parse("# c\nf(a, [b])\ng(t, f, ...)\nh()\nlog([level], text)\n");
        assert_eq!((table["log"].required, table["log"].most), (1, Some(2)));
        assert_eq!(table["log"].required_names, ["text"]);
        assert_eq!((table["f"].required, table["f"].most), (1, Some(2)));
        assert_eq!((table["g"].required, table["g"].most), (2, None));
        assert_eq!((table["h"].required, table["h"].most), (0, Some(0)));
    }

    #[test]
    fn every_line_of_the_data_is_read() {
        let lines = include_str!("../data/api-arguments-5.6.1.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(signatures().len(), lines);
    }
}
