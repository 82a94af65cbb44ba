//! The engine's `locale/*.tr` translation files, read the way the engine
//! reads them (see "Translation file format" in lua_api.txt).
//!
//! A line starting with `# textdomain:` sets the text domain of the lines
//! after it; other empty lines and lines starting with `#` are skipped.
//! Every other line is `original=translated`, split at the first `=` not
//! escaped by `@`. Escapes are `@@`, `@=`, `@n` (newline), `@1`…`@9`
//! (arguments) and `@` at the end of a line (the text goes on on the next
//! line). The parser never fails: what the engine would misread becomes a
//! [`TrProblem`].

/// A `# textdomain: name` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrHeader {
    pub line: usize,
    /// 1-based character column of the text after `# textdomain:`.
    pub column: usize,
    /// The domain, trimmed, as the engine reads it.
    pub domain: String,
}

/// One `original=translated` pair, escapes kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrEntry {
    /// 1-based line where the pair starts.
    pub line: usize,
    pub original: String,
    pub translated: String,
    /// The text domain in force, `None` before any `# textdomain:` line.
    pub domain: Option<String>,
}

/// What is wrong in a [`TrProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrProblemKind {
    /// A line with no unescaped `=`: the engine drops it.
    MissingEquals,
    /// `@` followed by something other than `@`, `=`, `n`, 1-9 or the end of the line.
    InvalidEscape { escape: String },
    /// An argument of the original out of the order `@1`, `@2`, `@3`…
    ArgOutOfOrder { found: u8, expected: u8 },
    /// The translation uses an argument the original does not have.
    UnknownArg { arg: u8 },
    /// The file starts with a byte order mark, which hides the first line's meaning.
    ByteOrderMark,
    /// The file is not valid UTF-8.
    NotUtf8,
}

/// Where and what a [`TrProblemKind`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrProblem {
    pub line: usize,
    pub column: usize,
    /// How many characters the problem covers, for underlining.
    pub width: usize,
    pub kind: TrProblemKind,
    /// The line concerned, for messages.
    pub text: String,
}

/// A parsed `.tr` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrFile {
    pub headers: Vec<TrHeader>,
    pub entries: Vec<TrEntry>,
    pub problems: Vec<TrProblem>,
}

const HEADER: &str = "# textdomain:";

impl TrFile {
    /// Reads and parses a file; `None` when it cannot be read.
    pub fn read(path: &std::path::Path) -> Option<TrFile> {
        crate::content::read_regular(path)
            .ok()
            .map(|bytes| TrFile::parse_bytes(&bytes))
    }

    /// Parses raw bytes, reporting invalid UTF-8 and replacing bad sequences.
    pub fn parse_bytes(bytes: &[u8]) -> TrFile {
        match std::str::from_utf8(bytes) {
            Ok(text) => TrFile::parse(text),
            Err(error) => {
                let mut file = TrFile::parse(&String::from_utf8_lossy(bytes));
                let line = 1 + bytes[..error.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                file.problem(line, 1, 1, TrProblemKind::NotUtf8, "");
                file
            }
        }
    }

    /// Parses text the way the engine reads a translation file.
    pub fn parse(text: &str) -> TrFile {
        let mut file = TrFile::default();
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                file.problem(1, 1, 1, TrProblemKind::ByteOrderMark, "");
                rest
            }
            None => text,
        };
        let lines: Vec<&str> = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .collect();
        let mut domain: Option<String> = None;
        let mut index = 0;
        while index < lines.len() {
            let raw = lines[index];
            if let Some(rest) = raw.strip_prefix(HEADER) {
                // The engine keeps the text up to the next `:`, trimmed.
                let value = rest.split(':').next().unwrap_or("");
                let column =
                    HEADER.len() + 1 + value.chars().take_while(|c| c.is_whitespace()).count();
                file.headers.push(TrHeader {
                    line: index + 1,
                    column,
                    domain: value.trim().to_owned(),
                });
                domain = Some(value.trim().to_owned());
            }
            // Blank lines are harmless; the engine only logs them.
            if raw.trim().is_empty() || raw.starts_with('#') {
                index += 1;
                continue;
            }
            index = file.read_entry(&lines, index, domain.as_ref()) + 1;
        }
        file
    }

    /// Reads the pair starting on `lines[start]`; returns the index of the
    /// last line it used (more than `start` when `@` continues a line).
    fn read_entry(&mut self, lines: &[&str], start: usize, domain: Option<&String>) -> usize {
        let mut cursor = Cursor::new(lines, start);
        let original = self.scan(&mut cursor, true);
        if !original.found_equals {
            self.problem(
                start + 1,
                1,
                lines[start].chars().count(),
                TrProblemKind::MissingEquals,
                lines[start],
            );
            return cursor.line;
        }
        cursor.column += 1;
        let translated = self.scan(&mut cursor, false);
        for (k, arg) in original.args.iter().enumerate() {
            let expected = u8::try_from(k + 1).unwrap_or(u8::MAX);
            if arg.number != expected {
                let kind = TrProblemKind::ArgOutOfOrder {
                    found: arg.number,
                    expected,
                };
                self.problem(arg.line, arg.column, 2, kind, lines[arg.line - 1]);
                break;
            }
        }
        for arg in &translated.args {
            if !original.args.iter().any(|a| a.number == arg.number) {
                let kind = TrProblemKind::UnknownArg { arg: arg.number };
                self.problem(arg.line, arg.column, 2, kind, lines[arg.line - 1]);
            }
        }
        self.entries.push(TrEntry {
            line: start + 1,
            original: original.text,
            translated: translated.text,
            domain: domain.cloned(),
        });
        cursor.line
    }

    /// Reads one side of a pair: up to an unescaped `=` when `stop_at_equals`,
    /// else to the end of the (possibly continued) line.
    fn scan(&mut self, cursor: &mut Cursor, stop_at_equals: bool) -> Side {
        let mut side = Side::default();
        loop {
            let Some(&c) = cursor.chars.get(cursor.column) else {
                return side;
            };
            if c == '=' && stop_at_equals {
                side.found_equals = true;
                return side;
            }
            if c != '@' {
                side.text.push(c);
                cursor.column += 1;
                continue;
            }
            let Some(&next) = cursor.chars.get(cursor.column + 1) else {
                // `@` ends the line: the text goes on on the next one.
                side.text.push('\n');
                if !cursor.next_line() {
                    return side;
                }
                continue;
            };
            match next {
                '@' | '=' | 'n' => {}
                '1'..='9' => side.args.push(Arg {
                    number: next as u8 - b'0',
                    line: cursor.line + 1,
                    column: cursor.column + 1,
                }),
                _ => {
                    let kind = TrProblemKind::InvalidEscape {
                        escape: format!("@{next}"),
                    };
                    let line = cursor.lines[cursor.line];
                    self.problem(cursor.line + 1, cursor.column + 1, 2, kind, line);
                }
            }
            side.text.push('@');
            side.text.push(next);
            cursor.column += 2;
        }
    }

    fn problem(
        &mut self,
        line: usize,
        column: usize,
        width: usize,
        kind: TrProblemKind,
        text: &str,
    ) {
        self.problems.push(TrProblem {
            line,
            column,
            width,
            kind,
            text: text.to_owned(),
        });
    }
}

/// An `@1`…`@9` argument and where it is.
#[derive(Debug)]
struct Arg {
    number: u8,
    line: usize,
    column: usize,
}

/// One side of `original=translated`.
#[derive(Debug, Default)]
struct Side {
    text: String,
    args: Vec<Arg>,
    found_equals: bool,
}

/// A reading position: 0-based line index and character index in it.
struct Cursor<'a> {
    lines: &'a [&'a str],
    line: usize,
    chars: Vec<char>,
    column: usize,
}

impl<'a> Cursor<'a> {
    fn new(lines: &'a [&'a str], line: usize) -> Self {
        Cursor {
            lines,
            line,
            chars: lines[line].chars().collect(),
            column: 0,
        }
    }

    /// Moves to the start of the next line; false at the end of the file.
    fn next_line(&mut self) -> bool {
        if self.line + 1 >= self.lines.len() {
            self.column = self.chars.len();
            return false;
        }
        self.line += 1;
        self.chars = self.lines[self.line].chars().collect();
        self.column = 0;
        true
    }
}
