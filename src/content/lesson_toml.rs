//! `lesson.toml` read into a typed [`Lesson`]. Parsing keeps the place of
//! every key, so that each problem (a missing title, a duration written as
//! text, an objective without its English hint…) points at a line; the
//! validation rule `lessons` turns problems into findings. Format: see
//! `docs/lessons.md`.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::Lang;

/// A text in both languages every lesson speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// One thing pupils must achieve, checked by specs in `checks/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Objective {
    /// Short id, unique in the lesson (`block`, `recipe`).
    pub id: String,
    /// What to do, shown as a checklist line.
    pub text: Text,
    /// A nudge shown while the objective is not met.
    pub hint: Text,
    /// Names of `describe` blocks in `checks/*_spec.lua`; the objective is
    /// met when every test inside them passes. Defaults to `[id]`.
    pub checks: Vec<String>,
    /// Line of the objective in lesson.toml.
    pub line: usize,
}

/// A lesson as its author described it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lesson {
    /// The folder name in `lessons/` (`01-first-block`).
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// Youngest and oldest pupils it is written for.
    pub ages: (u32, u32),
    /// Minutes a session needs.
    pub duration: u32,
    /// The game the lesson's world runs on.
    pub game: String,
    /// How the packed world is set up (only `classroom` so far).
    pub preset: String,
    pub objectives: Vec<Objective>,
}

/// The world presets `mtedu pack` knows.
pub const PRESETS: &[&str] = &["classroom"];

/// Every key lesson.toml may hold, at the top and in an objective.
pub const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "ages",
    "duration",
    "game",
    "preset",
    "objectives",
];
pub const OBJECTIVE_KEYS: &[&str] = &["id", "text", "hint", "checks"];

/// What kind of value a key wants, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    TwoNumbers,
    FrEn,
    Objectives,
    TextList,
}

impl Expected {
    /// The word used as a message argument.
    pub fn as_str(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::Number => "number",
            Expected::TwoNumbers => "two-numbers",
            Expected::FrEn => "fr-en",
            Expected::Objectives => "objectives",
            Expected::TextList => "text-list",
        }
    }
}

/// Why a value is refused although its type is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    /// Ages outside 5–99 or in the wrong order.
    Ages,
    /// A duration outside 10–600 minutes.
    Duration,
    /// An id with other characters than a-z, 0-9, `-` and `_`.
    Id,
    /// A preset mtedu does not know.
    Preset,
    /// An empty text or list.
    Empty,
}

impl BadValue {
    pub fn as_str(self) -> &'static str {
        match self {
            BadValue::Ages => "ages",
            BadValue::Duration => "duration",
            BadValue::Id => "id",
            BadValue::Preset => "preset",
            BadValue::Empty => "empty",
        }
    }
}

/// What is wrong with lesson.toml; `key` is the dotted path
/// (`objectives.2.hint`), `line`/`column` 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonProblemKind {
    /// Not TOML at all; `detail` is the parser's (English) explanation.
    Syntax {
        detail: String,
    },
    Missing,
    WrongType(Expected),
    /// A fr/en text lacks one language.
    MissingLanguage(Lang),
    BadValue(BadValue),
    /// Two objectives share an id.
    DuplicateObjective,
    /// A key mtedu does not know; `suggestion` is a known key close to it.
    UnknownKey {
        suggestion: Option<String>,
    },
}

/// One problem of lesson.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonProblem {
    pub kind: LessonProblemKind,
    pub key: String,
    pub line: usize,
    pub column: usize,
}

/// lesson.toml read: the lesson (fields left default where they were
/// wrong) and the problems found.
#[derive(Debug, Clone, Default)]
pub struct LessonFile {
    pub lesson: Lesson,
    pub problems: Vec<LessonProblem>,
}

impl LessonFile {
    /// True when the lesson can be used as it is.
    pub fn is_usable(&self) -> bool {
        self.problems
            .iter()
            .all(|p| matches!(p.kind, LessonProblemKind::UnknownKey { .. }))
    }
}

/// Reads lesson.toml's `text`; `folder` is the lesson folder's name, the
/// lesson's id when the file gives none.
pub fn parse_lesson(text: &str, folder: &str) -> LessonFile {
    let mut reader = Reader {
        text,
        problems: Vec::new(),
    };
    let mut lesson = Lesson {
        id: folder.to_owned(),
        ..Lesson::default()
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            reader.problem_at(
                LessonProblemKind::Syntax {
                    detail: error.message().trim().to_owned(),
                },
                "",
                at,
            );
            return LessonFile {
                lesson,
                problems: reader.problems,
            };
        }
    };
    let whole = root.span();
    let table = root.get_ref();
    reader.unknown_keys(table, TOP_KEYS, "");
    if let Some(id) = reader.optional_text(table, "id") {
        if valid_id(&id.0) {
            lesson.id = id.0;
        } else {
            reader.problem_at(LessonProblemKind::BadValue(BadValue::Id), "id", id.1);
        }
    }
    lesson.title = reader.fr_en(table, "title", "title", &whole);
    lesson.summary = reader.fr_en(table, "summary", "summary", &whole);
    lesson.ages = reader.ages(table, &whole);
    lesson.duration = reader.duration(table, &whole);
    lesson.game = reader
        .optional_text(table, "game")
        .map_or_else(|| "minetest_game".to_owned(), |(game, _)| game);
    lesson.preset = match reader.optional_text(table, "preset") {
        Some((preset, at)) if !PRESETS.contains(&preset.as_str()) => {
            reader.problem_at(LessonProblemKind::BadValue(BadValue::Preset), "preset", at);
            preset
        }
        Some((preset, _)) => preset,
        None => PRESETS[0].to_owned(),
    };
    lesson.objectives = reader.objectives(table, &whole);
    LessonFile {
        lesson,
        problems: reader.problems,
    }
}

/// Lesson and objective ids: what fits in a folder or describe name.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

type Value<'i> = Spanned<DeValue<'i>>;

fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<(&'a Value<'i>, usize)> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(k, v)| (v, k.span().start))
}

struct Reader<'t> {
    text: &'t str,
    problems: Vec<LessonProblem>,
}

impl Reader<'_> {
    fn problem_at(&mut self, kind: LessonProblemKind, key: &str, offset: usize) {
        let (line, column) = line_column(self.text, offset);
        self.problems.push(LessonProblem {
            kind,
            key: key.to_owned(),
            line,
            column,
        });
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], prefix: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let suggestion = crate::content::did_you_mean(name, known.iter().copied());
            self.problem_at(
                LessonProblemKind::UnknownKey {
                    suggestion: suggestion.map(str::to_owned),
                },
                &format!("{prefix}{name}"),
                key.span().start,
            );
        }
    }

    /// A text key that may be absent; wrong types are reported.
    fn optional_text(&mut self, table: &DeTable<'_>, key: &str) -> Option<(String, usize)> {
        let (value, at) = get(table, key)?;
        match value.get_ref() {
            DeValue::String(text) => Some((text.to_string(), value.span().start)),
            _ => {
                self.problem_at(
                    LessonProblemKind::WrongType(Expected::Text),
                    key,
                    at.min(value.span().start),
                );
                None
            }
        }
    }

    /// A `{ fr = "…", en = "…" }` table, both texts required.
    fn fr_en(&mut self, table: &DeTable<'_>, key: &str, path: &str, whole: &Range<usize>) -> Text {
        let Some((value, at)) = get(table, key) else {
            self.problem_at(LessonProblemKind::Missing, path, whole.start);
            return Text::default();
        };
        let DeValue::Table(texts) = value.get_ref() else {
            self.problem_at(LessonProblemKind::WrongType(Expected::FrEn), path, at);
            return Text::default();
        };
        self.unknown_keys(texts, &["fr", "en"], &format!("{path}."));
        let mut out = Text::default();
        for lang in Lang::ALL {
            let text = match get(texts, lang.code()) {
                Some((value, _)) => match value.get_ref() {
                    DeValue::String(text) if !text.trim().is_empty() => text.trim().to_owned(),
                    DeValue::String(_) => {
                        self.problem_at(
                            LessonProblemKind::BadValue(BadValue::Empty),
                            &format!("{path}.{}", lang.code()),
                            value.span().start,
                        );
                        String::new()
                    }
                    _ => {
                        self.problem_at(
                            LessonProblemKind::WrongType(Expected::Text),
                            &format!("{path}.{}", lang.code()),
                            value.span().start,
                        );
                        String::new()
                    }
                },
                None => {
                    self.problem_at(LessonProblemKind::MissingLanguage(lang), path, at);
                    String::new()
                }
            };
            match lang {
                Lang::Fr => out.fr = text,
                Lang::En => out.en = text,
            }
        }
        out
    }

    fn number(value: &Value<'_>) -> Option<i64> {
        match value.get_ref() {
            DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix()).ok(),
            _ => None,
        }
    }

    fn ages(&mut self, table: &DeTable<'_>, whole: &Range<usize>) -> (u32, u32) {
        let Some((value, at)) = get(table, "ages") else {
            self.problem_at(LessonProblemKind::Missing, "ages", whole.start);
            return (0, 0);
        };
        let numbers: Option<Vec<i64>> = match value.get_ref() {
            DeValue::Array(items) if items.len() == 2 => items.iter().map(Self::number).collect(),
            _ => None,
        };
        let Some([low, high]) = numbers.as_deref().map(|n| [n[0], n[1]]) else {
            self.problem_at(
                LessonProblemKind::WrongType(Expected::TwoNumbers),
                "ages",
                at,
            );
            return (0, 0);
        };
        if !(5..=99).contains(&low) || !(5..=99).contains(&high) || low > high {
            self.problem_at(
                LessonProblemKind::BadValue(BadValue::Ages),
                "ages",
                value.span().start,
            );
            return (0, 0);
        }
        (low as u32, high as u32)
    }

    fn duration(&mut self, table: &DeTable<'_>, whole: &Range<usize>) -> u32 {
        let Some((value, at)) = get(table, "duration") else {
            self.problem_at(LessonProblemKind::Missing, "duration", whole.start);
            return 0;
        };
        let Some(minutes) = Self::number(value) else {
            self.problem_at(
                LessonProblemKind::WrongType(Expected::Number),
                "duration",
                at,
            );
            return 0;
        };
        if !(10..=600).contains(&minutes) {
            self.problem_at(
                LessonProblemKind::BadValue(BadValue::Duration),
                "duration",
                value.span().start,
            );
            return 0;
        }
        minutes as u32
    }

    fn objectives(&mut self, table: &DeTable<'_>, whole: &Range<usize>) -> Vec<Objective> {
        let Some((value, at)) = get(table, "objectives") else {
            self.problem_at(LessonProblemKind::Missing, "objectives", whole.start);
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.problem_at(
                LessonProblemKind::WrongType(Expected::Objectives),
                "objectives",
                at,
            );
            return Vec::new();
        };
        if items.is_empty() {
            self.problem_at(
                LessonProblemKind::BadValue(BadValue::Empty),
                "objectives",
                at,
            );
        }
        let mut out: Vec<Objective> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = format!("objectives.{}", index + 1);
            let DeValue::Table(fields) = item.get_ref() else {
                self.problem_at(
                    LessonProblemKind::WrongType(Expected::Objectives),
                    "objectives",
                    item.span().start,
                );
                continue;
            };
            let span = item.span();
            self.unknown_keys(fields, OBJECTIVE_KEYS, &format!("{path}."));
            let mut objective = Objective {
                line: line_column(self.text, span.start).0,
                ..Objective::default()
            };
            match self.optional_text(fields, "id") {
                Some((id, at)) if valid_id(&id) => {
                    if out.iter().any(|o| o.id == id) {
                        self.problem_at(LessonProblemKind::DuplicateObjective, &id, at);
                    }
                    objective.id = id;
                }
                Some((_, at)) => {
                    self.problem_at(
                        LessonProblemKind::BadValue(BadValue::Id),
                        &format!("{path}.id"),
                        at,
                    );
                }
                None if get(fields, "id").is_none() => {
                    self.problem_at(
                        LessonProblemKind::Missing,
                        &format!("{path}.id"),
                        span.start,
                    );
                }
                None => {}
            }
            objective.text = self.fr_en(fields, "text", &format!("{path}.text"), &span);
            objective.hint = self.fr_en(fields, "hint", &format!("{path}.hint"), &span);
            objective.checks = self.checks(fields, &path);
            if objective.checks.is_empty() && !objective.id.is_empty() {
                objective.checks = vec![objective.id.clone()];
            }
            out.push(objective);
        }
        out
    }

    fn checks(&mut self, fields: &DeTable<'_>, path: &str) -> Vec<String> {
        let Some((value, at)) = get(fields, "checks") else {
            return Vec::new();
        };
        let names: Option<Vec<String>> = match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(text) => Some(text.to_string()),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        match names {
            Some(names) if !names.is_empty() => names,
            Some(_) => {
                self.problem_at(
                    LessonProblemKind::BadValue(BadValue::Empty),
                    &format!("{path}.checks"),
                    at,
                );
                Vec::new()
            }
            None => {
                self.problem_at(
                    LessonProblemKind::WrongType(Expected::TextList),
                    &format!("{path}.checks"),
                    at,
                );
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
title = { fr = "Mon bloc", en = "My block" }
summary.fr = "Un bloc."
summary.en = "A block."
ages = [8, 12]
duration = 60

[[objectives]]
id = "block"
text = { fr = "Crée un bloc", en = "Make a block" }
hint = { fr = "register_node", en = "register_node" }
"#;

    #[test]
    fn a_good_lesson_has_no_problem() {
        let file = parse_lesson(GOOD, "01-block");
        assert_eq!(file.problems, Vec::new());
        assert_eq!(file.lesson.id, "01-block");
        assert_eq!(file.lesson.ages, (8, 12));
        assert_eq!(file.lesson.game, "minetest_game");
        assert_eq!(file.lesson.objectives[0].checks, vec!["block".to_owned()]);
        assert_eq!(file.lesson.objectives[0].line, 8);
        assert!(file.is_usable());
    }

    #[test]
    fn problems_point_at_their_line() {
        let text = GOOD
            .replace("duration = 60", "duration = \"une heure\"")
            .replace("hint = { fr = \"register_node\", ", "hint = { ");
        let file = parse_lesson(&text, "x");
        let kinds: Vec<_> = file.problems.iter().map(|p| (&p.kind, p.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (&LessonProblemKind::WrongType(Expected::Number), 6),
                (&LessonProblemKind::MissingLanguage(Lang::Fr), 11),
            ]
        );
    }
}
