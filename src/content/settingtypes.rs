//! `settingtypes.txt`: the settings a mod or game shows in the settings
//! menu, one a line as `name (Readable name) type type_args`, with
//! `[Section]` / `[*Sub-section]` lines and `#` comments (the format is
//! described at the top of the engine's `builtin/settingtypes.txt`).
//!
//! Lines are matched the way the engine's menu code matches them, so what
//! it would reject is reported here; the type arguments are checked in
//! [`super::setting_values`]. The parser never fails: problems become
//! [`SettingProblem`]s.

use super::setting_values::check_values;

/// Every type the engine knows.
pub const SETTING_TYPES: &[&str] = &[
    "int",
    "string",
    "bool",
    "float",
    "enum",
    "path",
    "filepath",
    "key",
    "flags",
    "noise_params_2d",
    "noise_params_3d",
    "v3f",
];

/// One setting line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingEntry {
    pub line: usize,
    pub name: String,
    pub readable_name: String,
    pub type_name: String,
    /// 1-based character column of the type.
    pub type_column: usize,
    /// Everything after the type: the default and other type arguments.
    pub args: String,
    /// 1-based character column where `args` starts.
    pub args_column: usize,
}

/// A `[Section]` line; `level` counts the `*` in front of the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingSection {
    pub line: usize,
    pub level: usize,
    pub name: String,
}

/// What is wrong in a [`SettingProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblemKind {
    /// Not a comment, section or `name (Readable name) type …` line.
    MalformedLine,
    /// A type the engine does not know.
    UnknownType,
    /// A default (or limit) that does not fit the type; `choices` lists the
    /// allowed words for `enum` and `flags`.
    BadValue { value: String, choices: String },
    /// A number default outside its own `min max` limits.
    OutOfRange {
        value: String,
        min: String,
        max: String,
    },
    /// The file starts with a byte order mark, which spoils the first line.
    ByteOrderMark,
    /// The file is not valid UTF-8, so accented letters show wrong.
    NotUtf8,
}

/// Where and what a [`SettingProblemKind`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingProblem {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub kind: SettingProblemKind,
    /// The setting's name and type when the line got that far, else empty.
    pub name: String,
    pub type_name: String,
    /// The whole line, for messages.
    pub text: String,
}

/// A parsed `settingtypes.txt`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingTypes {
    pub settings: Vec<SettingEntry>,
    pub sections: Vec<SettingSection>,
    pub problems: Vec<SettingProblem>,
}

impl SettingTypes {
    /// Reads and parses a file; `None` when it cannot be read.
    pub fn read(path: &std::path::Path) -> Option<SettingTypes> {
        crate::content::read_regular(path)
            .ok()
            .map(|bytes| SettingTypes::parse_bytes(&bytes))
    }

    /// Parses raw bytes, reporting invalid UTF-8 and replacing bad sequences.
    pub fn parse_bytes(bytes: &[u8]) -> SettingTypes {
        match std::str::from_utf8(bytes) {
            Ok(text) => SettingTypes::parse(text),
            Err(error) => {
                let mut file = SettingTypes::parse(&String::from_utf8_lossy(bytes));
                let line = 1 + bytes[..error.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                file.problems
                    .push(plain_problem(line, SettingProblemKind::NotUtf8));
                file
            }
        }
    }

    /// Parses text the way the engine's settings menu reads it.
    pub fn parse(text: &str) -> SettingTypes {
        let mut file = SettingTypes::default();
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                file.problems
                    .push(plain_problem(1, SettingProblemKind::ByteOrderMark));
                rest
            }
            None => text,
        };
        for (index, raw) in text.split('\n').enumerate() {
            // The engine removes every carriage return, not just the last.
            let line: String = raw.chars().filter(|&c| c != '\r').collect();
            file.parse_line(index + 1, &line);
        }
        file
    }

    fn parse_line(&mut self, number: usize, line: &str) {
        if line.starts_with('#') || line.chars().all(is_lua_space) {
            return;
        }
        if let Some(section) = parse_section(number, line) {
            self.sections.push(section);
            return;
        }
        let chars: Vec<char> = line.chars().collect();
        let Some(head) = parse_head(&chars) else {
            let width = chars.len();
            self.problems.push(SettingProblem {
                width,
                text: line.to_owned(),
                ..plain_problem(number, SettingProblemKind::MalformedLine)
            });
            return;
        };
        let args: String = chars[head.args_start..].iter().collect();
        let entry = SettingEntry {
            line: number,
            name: head.name,
            readable_name: head.readable_name,
            type_name: head.type_name,
            type_column: head.type_start + 1,
            args,
            args_column: head.args_start + 1,
        };
        let problem = |column: usize, width: usize, kind: SettingProblemKind| SettingProblem {
            line: number,
            column,
            width,
            kind,
            name: entry.name.clone(),
            type_name: entry.type_name.clone(),
            text: line.to_owned(),
        };
        if !SETTING_TYPES.contains(&entry.type_name.as_str()) {
            let width = entry.type_name.chars().count();
            self.problems.push(problem(
                entry.type_column,
                width,
                SettingProblemKind::UnknownType,
            ));
        } else if let Some((offset, width, kind)) = check_values(&entry.type_name, &entry.args) {
            // A missing value has no place of its own: point at its type.
            let (column, width) = if width == 0 {
                (entry.type_column, entry.type_name.chars().count())
            } else {
                (entry.args_column + offset, width)
            };
            self.problems.push(problem(column, width, kind));
        }
        self.settings.push(entry);
    }
}

fn plain_problem(line: usize, kind: SettingProblemKind) -> SettingProblem {
    SettingProblem {
        line,
        column: 1,
        width: 1,
        kind,
        name: String::new(),
        type_name: String::new(),
        text: String::new(),
    }
}

/// Lua's `%s`: ASCII white space only.
pub(crate) fn is_lua_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

/// Lua's `[%w_%-%.]`: what setting names and types are made of.
pub(crate) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// `[Name]`, `[*Sub]`, optionally followed by ` [context]`.
fn parse_section(number: usize, line: &str) -> Option<SettingSection> {
    let rest = line.strip_prefix('[')?;
    let (inner, after) = rest.split_once(']')?;
    let context_ok = after.is_empty()
        || after
            .strip_prefix(" [")
            .and_then(|a| a.strip_suffix(']'))
            .is_some_and(|c| !c.is_empty() && !c.contains(']'));
    if inner.is_empty() || !context_ok {
        return None;
    }
    let stars = inner.chars().take_while(|&c| c == '*').count();
    // `[**]` still matches the engine's pattern, with one star as the name.
    let level = stars.min(inner.len() - 1);
    Some(SettingSection {
        line: number,
        level,
        name: inner[level..].to_owned(),
    })
}

/// The `name (Readable name) [context] type ` part of a setting line.
struct Head {
    name: String,
    readable_name: String,
    type_name: String,
    type_start: usize,
    args_start: usize,
}

fn parse_head(chars: &[char]) -> Option<Head> {
    let take = |from: usize, pred: &dyn Fn(char) -> bool| {
        from + chars[from..].iter().take_while(|&&c| pred(c)).count()
    };
    let name_end = take(0, &is_name_char);
    if name_end == 0 {
        return None;
    }
    let open = take(name_end, &is_lua_space);
    if chars.get(open) != Some(&'(') {
        return None;
    }
    let readable_end = take(open + 1, &|c| c != ')');
    chars.get(readable_end).filter(|&&c| c == ')')?;
    let mut at = take(readable_end + 1, &is_lua_space);
    if chars.get(at) == Some(&'[') {
        let context_end = take(at + 1, &|c| c != ']');
        if context_end == at + 1 || chars.get(context_end) != Some(&']') {
            return None;
        }
        at = take(context_end + 1, &is_lua_space);
    }
    let type_end = take(at, &is_name_char);
    if type_end == at {
        return None;
    }
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    Some(Head {
        name: text(0, name_end),
        readable_name: text(open + 1, readable_end),
        type_name: text(at, type_end),
        type_start: at,
        args_start: take(type_end, &is_lua_space),
    })
}
