//! The engine's `Settings` file syntax, shared by `mod.conf`, `modpack.conf`,
//! `game.conf`, `world.mt` and `texture_pack.conf`.
//!
//! Each line is trimmed; empty lines and lines starting with `#` are skipped;
//! otherwise the text before the first `=` is the key and the rest is the
//! value, both trimmed. A value of exactly `"""` starts a multi-line value
//! that ends at a line holding only `"""`; a value of `{` starts a group
//! that ends at a line holding only `}`. When a key repeats, the engine keeps
//! the last one. The parser never fails: what it cannot read becomes a
//! [`ConfProblem`].

use std::path::{Path, PathBuf};

/// One `key = value` of a conf file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfEntry {
    pub key: String,
    pub value: String,
    /// 1-based line of the key.
    pub line: usize,
    /// 1-based character column where the key starts.
    pub key_column: usize,
    /// 1-based character column where the value starts on `line`.
    pub value_column: usize,
}

/// Something in a conf file the engine would not read as the author meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfProblemKind {
    /// A line with text but no `=`: the engine ignores it.
    MissingEquals,
    /// A line like `= value`.
    EmptyKey,
    /// A `"""` value never closed: the engine swallows the rest of the file.
    UnclosedMultiline,
    /// A `{` group never closed.
    UnclosedGroup,
    /// The file starts with a UTF-8 byte order mark, which becomes part of the first key.
    ByteOrderMark,
    /// The file is not valid UTF-8.
    NotUtf8,
}

/// Where and what a [`ConfProblemKind`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfProblem {
    pub line: usize,
    pub column: usize,
    pub kind: ConfProblemKind,
    /// The offending line, trimmed, for messages.
    pub text: String,
}

/// A parsed conf file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfFile {
    pub entries: Vec<ConfEntry>,
    pub problems: Vec<ConfProblem>,
}

/// A conf file together with where it was read from.
#[derive(Debug, Clone)]
pub struct ConfDoc {
    pub path: PathBuf,
    pub conf: ConfFile,
}

impl ConfDoc {
    /// Reads and parses `path`; `None` when the file does not exist or cannot be read.
    pub fn read(path: &Path) -> Option<ConfDoc> {
        let bytes = crate::content::read_regular(path).ok()?;
        Some(ConfDoc {
            path: path.to_path_buf(),
            conf: ConfFile::parse_bytes(&bytes),
        })
    }

    /// The value the engine would use for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.conf.get(key).map(|entry| entry.value.as_str())
    }
}

impl ConfFile {
    /// Parses raw bytes, reporting invalid UTF-8 and replacing bad sequences.
    pub fn parse_bytes(bytes: &[u8]) -> ConfFile {
        match std::str::from_utf8(bytes) {
            Ok(text) => ConfFile::parse(text),
            Err(error) => {
                let text = String::from_utf8_lossy(bytes);
                let mut conf = ConfFile::parse(&text);
                let line = 1 + bytes[..error.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                conf.problems.push(ConfProblem {
                    line,
                    column: 1,
                    kind: ConfProblemKind::NotUtf8,
                    text: String::new(),
                });
                conf
            }
        }
    }

    /// Parses text the way the engine reads a `Settings` file.
    pub fn parse(text: &str) -> ConfFile {
        let mut conf = ConfFile::default();
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                conf.problems.push(ConfProblem {
                    line: 1,
                    column: 1,
                    kind: ConfProblemKind::ByteOrderMark,
                    text: String::new(),
                });
                rest
            }
            None => text,
        };
        let mut lines = text.split('\n').enumerate();
        while let Some((index, raw)) = lines.next() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
            let Some(eq) = trimmed.find('=') else {
                conf.problem(line, indent + 1, ConfProblemKind::MissingEquals, trimmed);
                continue;
            };
            let key = trimmed[..eq].trim();
            let after = &trimmed[eq + 1..];
            let value = after.trim();
            if key.is_empty() {
                conf.problem(line, indent + 1, ConfProblemKind::EmptyKey, trimmed);
                continue;
            }
            let value_column = indent
                + trimmed[..eq + 1].chars().count()
                + after.chars().take_while(|c| c.is_whitespace()).count()
                + 1;
            let value = match value {
                "\"\"\"" => match read_block(&mut lines, "\"\"\"") {
                    Some(body) => body,
                    None => {
                        conf.problem(
                            line,
                            indent + 1,
                            ConfProblemKind::UnclosedMultiline,
                            trimmed,
                        );
                        continue;
                    }
                },
                "{" => {
                    if read_group(&mut lines).is_none() {
                        conf.problem(line, indent + 1, ConfProblemKind::UnclosedGroup, trimmed);
                        continue;
                    }
                    "{}".to_owned()
                }
                other => other.to_owned(),
            };
            conf.entries.push(ConfEntry {
                key: key.to_owned(),
                value,
                line,
                key_column: indent + 1,
                value_column,
            });
        }
        conf
    }

    fn problem(&mut self, line: usize, column: usize, kind: ConfProblemKind, text: &str) {
        self.problems.push(ConfProblem {
            line,
            column,
            kind,
            text: text.to_owned(),
        });
    }

    /// The entry the engine would use for `key` (the last one).
    pub fn get(&self, key: &str) -> Option<&ConfEntry> {
        self.entries.iter().rev().find(|entry| entry.key == key)
    }
}

/// Collects lines up to a line that trims to `end`; `None` at end of file.
fn read_block<'a>(lines: &mut impl Iterator<Item = (usize, &'a str)>, end: &str) -> Option<String> {
    let mut body: Vec<&str> = Vec::new();
    for (_, raw) in lines {
        if raw.trim() == end {
            return Some(body.join("\n"));
        }
        body.push(raw.strip_suffix('\r').unwrap_or(raw));
    }
    None
}

/// Skips a `{ … }` group, nested groups included; `None` at end of file.
fn read_group<'a>(lines: &mut impl Iterator<Item = (usize, &'a str)>) -> Option<()> {
    let mut depth = 1usize;
    for (_, raw) in lines {
        let trimmed = raw.trim();
        if trimmed == "}" {
            depth -= 1;
            if depth == 0 {
                return Some(());
            }
        } else if trimmed.ends_with('{') && trimmed.contains('=') {
            depth += 1;
        }
    }
    None
}

/// One entry of a comma-separated list value, such as `depends`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub text: String,
    /// Character offset of the entry within the value.
    pub offset: usize,
}

/// Splits a comma-separated value the way the engine does, trimming each
/// entry and dropping empty ones.
pub fn split_list(value: &str) -> Vec<ListItem> {
    let mut items = Vec::new();
    let mut offset = 0;
    for part in value.split(',') {
        let leading = part.chars().take_while(|c| c.is_whitespace()).count();
        let text = part.trim();
        if !text.is_empty() {
            items.push(ListItem {
                text: text.to_owned(),
                offset: offset + leading,
            });
        }
        offset += part.chars().count() + 1;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_values_and_positions() {
        let conf = ConfFile::parse("# comment\n  name = my_mod\ndepends=default, farming\n");
        assert_eq!(conf.problems, vec![]);
        let name = conf.get("name").unwrap();
        assert_eq!(
            (
                name.value.as_str(),
                name.line,
                name.key_column,
                name.value_column
            ),
            ("my_mod", 2, 3, 10)
        );
        assert_eq!(conf.get("depends").unwrap().value, "default, farming");
    }

    #[test]
    fn last_duplicate_wins() {
        let conf = ConfFile::parse("name = a\nname = b\n");
        assert_eq!(conf.get("name").unwrap().value, "b");
        assert_eq!(conf.entries.len(), 2);
    }

    #[test]
    fn multiline_values() {
        let conf =
            ConfFile::parse("description = \"\"\"\nline one\n  line two\n\"\"\"\nname = x\n");
        assert_eq!(
            conf.get("description").unwrap().value,
            "line one\n  line two"
        );
        assert_eq!(conf.get("name").unwrap().line, 5);
    }

    #[test]
    fn problems_are_reported_not_fatal() {
        let conf =
            ConfFile::parse("\u{feff}name = a\ndepends default\n= x\nd = \"\"\"\nnever closed\n");
        let kinds: Vec<_> = conf
            .problems
            .iter()
            .map(|p| (p.line, p.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (1, ConfProblemKind::ByteOrderMark),
                (2, ConfProblemKind::MissingEquals),
                (3, ConfProblemKind::EmptyKey),
                (4, ConfProblemKind::UnclosedMultiline),
            ]
        );
        assert_eq!(conf.get("name").unwrap().value, "a");
    }

    #[test]
    fn lists_split_on_commas() {
        let items = split_list(" default ,farming,, mobs redo");
        let texts: Vec<_> = items.iter().map(|i| (i.text.as_str(), i.offset)).collect();
        assert_eq!(
            texts,
            vec![("default", 1), ("farming", 10), ("mobs redo", 20)]
        );
    }
}
