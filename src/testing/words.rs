//! The words of a test report. A spec's own texts and the values it
//! compares are shown as they are; mtedu's words (what an assertion
//! expected, "the spy was never called", a test's stage such as "loading
//! the mod") are catalogue keys with arguments, put in the reader's
//! language only when the report is written.
//!
//! The assertion library (`lua/assert_core.lua`) writes its words as
//! `lib.said(key, …)` tables: the key of `test-said-<key>` and its
//! arguments `$a`, `$b`… (texts, numbers or more words).

use mlua::{Function, Table, Value};

use super::TestResult;
use crate::diag::ArgValue;
use crate::i18n::Localizer;

/// A piece of a test report.
#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    /// The spec's own text, or a value as the assertion shows it.
    Plain(String),
    /// A number, which the catalogue may choose a plural by.
    Number(i64),
    /// mtedu's words: `test-said-<key>` with `$a`, `$b`… in order.
    Said { key: String, args: Vec<Words> },
}

/// The names Fluent gets for the arguments, in order.
const ARGUMENT_NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

impl Words {
    /// mtedu's words `test-said-<key>` with these arguments.
    pub fn said(key: &str, args: Vec<Words>) -> Words {
        Words::Said {
            key: key.to_owned(),
            args,
        }
    }

    /// The text in the localizer's language.
    pub fn render(&self, localizer: &Localizer) -> String {
        match self {
            Words::Plain(text) => text.clone(),
            Words::Number(number) => number.to_string(),
            Words::Said { key, args } => {
                let args: Vec<(&str, ArgValue)> = ARGUMENT_NAMES
                    .iter()
                    .zip(args)
                    .map(|(name, arg)| {
                        let value = match arg {
                            Words::Number(number) => ArgValue::Number(*number),
                            other => ArgValue::Text(other.render(localizer)),
                        };
                        (*name, value)
                    })
                    .collect();
                localizer.text(&format!("test-said-{key}"), &args)
            }
        }
    }

    /// Reads what the assertion library left: a text, a number or a
    /// `said` table (anything else is shown as Lua names its type).
    pub fn from_lua(value: &Value) -> Option<Words> {
        Some(match value {
            Value::Nil => return None,
            Value::String(text) => Words::Plain(text.to_string_lossy()),
            Value::Integer(number) => Words::Number(*number),
            Value::Number(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
                Words::Number(*number as i64)
            }
            Value::Number(number) => Words::Plain(number.to_string()),
            Value::Boolean(flag) => Words::Plain(flag.to_string()),
            Value::Table(table) => match table.raw_get::<Option<String>>("said").ok().flatten() {
                Some(key) => {
                    let count: usize = table
                        .raw_get::<Option<usize>>("n")
                        .ok()
                        .flatten()
                        .unwrap_or(0);
                    let args = (1..=count.min(ARGUMENT_NAMES.len()))
                        .map(|index| {
                            table
                                .raw_get::<Value>(index)
                                .ok()
                                .and_then(|v| Words::from_lua(&v))
                                .unwrap_or_else(|| Words::Plain("nil".into()))
                        })
                        .collect();
                    Words::Said { key, args }
                }
                None => Words::Plain("table".into()),
            },
            other => Words::Plain(other.type_name().to_owned()),
        })
    }
}

/// Gives each errored result whose error the spec API raised with its own
/// words (`lib.runner_error`: an unknown mineunit module, a `require`
/// mtedu does not offer…) those words, read from `api.__said`.
pub(super) fn add_runner_words(api: &Table, results: &mut [TestResult]) {
    let Ok(said) = api.raw_get::<Function>("__said") else {
        return;
    };
    for result in results.iter_mut().filter(|r| r.message.is_none()) {
        if let Some(failure) = &result.failure {
            result.message = runner_words(&said, &failure.raw);
        }
    }
}

/// The runner's words for an error message, when the spec API raised it.
pub(super) fn runner_words(said: &Function, message: &str) -> Option<Words> {
    let value: Value = said.call(message).ok()?;
    Words::from_lua(&value).filter(|words| matches!(words, Words::Said { .. }))
}

impl From<&str> for Words {
    fn from(text: &str) -> Words {
        Words::Plain(text.to_owned())
    }
}

impl From<String> for Words {
    fn from(text: String) -> Words {
        Words::Plain(text)
    }
}

/// The stages a result can stand for instead of a test (mtedu's names,
/// put in the reader's language when shown).
pub mod stage {
    /// A spec file that could not run at all.
    pub const LOADING: &str = "(loading)";
    /// The spec file's own code, outside its tests.
    pub const SPEC_FILE: &str = "(running the spec file)";
    /// The blocks' teardowns.
    pub const TEARDOWN: &str = "(teardown)";
    /// Loading the tested mod: `(loading mod <name>)`.
    pub const LOADING_MOD: (&str, &str) = ("(loading mod ", ")");
}

/// A result's name as the reader sees it: a test's own name, or its stage.
pub fn shown_name(name: &str, localizer: &Localizer) -> String {
    let key = match name {
        stage::LOADING => "test-stage-loading",
        stage::SPEC_FILE => "test-stage-spec-file",
        stage::TEARDOWN => "test-stage-teardown",
        super::clock::WHOLE_FILE => "test-stage-whole-file",
        _ => {
            let (open, close) = stage::LOADING_MOD;
            return match name
                .strip_prefix(open)
                .and_then(|rest| rest.strip_suffix(close))
            {
                Some(modname) => {
                    localizer.text("test-stage-loading-mod", &[("mod", modname.into())])
                }
                None => name.to_owned(),
            };
        }
    };
    localizer.plain(key)
}

/// `text` as a player reads it (the engine's `core.strip_escapes`): an
/// escape sequence `ESC(…)` or `ESC` and one character is left out, as the
/// `\27(…)` a shown value writes for it.
pub fn strip_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\u{1b}') && !text.contains("\\27") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let (skip, after) = if let Some(after) = rest.strip_prefix('\u{1b}') {
            (true, after)
        } else if let Some(after) = rest.strip_prefix("\\27") {
            (true, after)
        } else {
            (false, rest)
        };
        if !skip {
            let c = rest.chars().next().expect("not empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        rest = if let Some(inside) = after.strip_prefix('(') {
            inside.find(')').map_or("", |end| &inside[end + 1..])
        } else {
            let mut chars = after.chars();
            chars.next();
            chars.as_str()
        };
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn escape_sequences_are_left_out_as_the_engine_does() {
        assert_eq!(strip_escapes("\u{1b}(T@bloc)Bonjour\u{1b}E"), "Bonjour");
        assert_eq!(
            strip_escapes("\"\\27(T@bloc)Bonjour \\27(c@#ff0000)toi\\27E\""),
            "\"Bonjour toi\""
        );
        assert_eq!(strip_escapes("plain \\n text"), "plain \\n text");
    }

    #[test]
    fn words_are_said_in_each_language() {
        let words = Words::said(
            "not",
            vec![Words::said("calls-at-least", vec![Words::Number(2)])],
        );
        assert_eq!(
            words.render(&Localizer::new(Lang::En)),
            "not at least 2 calls"
        );
        assert_eq!(
            words.render(&Localizer::new(Lang::Fr)),
            "pas au moins 2 appels"
        );
    }

    #[test]
    fn stages_are_named_in_each_language() {
        let fr = Localizer::new(Lang::Fr);
        assert_eq!(
            shown_name("(loading mod bloc)", &fr),
            "(chargement du mod bloc)"
        );
        assert_eq!(
            shown_name(stage::TEARDOWN, &fr),
            "(nettoyage après les blocs)"
        );
        assert_eq!(shown_name("mon test", &fr), "mon test");
    }
}
