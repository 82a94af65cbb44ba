//! The source line a finding shows, cut to a window around its caret.
//! Each file is read once; each finding gets only its own line, at most
//! [`WIDTH`] characters of it, so that ten thousand findings on one long
//! line (a `depends` with 10,000 names, a `.tr` line of 300,000 `@n`)
//! cost ten thousand short windows, never ten thousand copies of the line.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::files::{Error, Files};

use super::Span;
use super::visible::{visible_line, visible_source};

/// The most characters of a line shown with a finding.
pub const WIDTH: usize = 120;

/// Characters kept before the caret when a line is cut.
const BEFORE: usize = 40;

/// One finding's snippet: a piece of one line and the line's number, as a
/// one-line file for codespan (empty for a finding without a snippet).
#[derive(Default)]
pub struct Window {
    name: String,
    text: String,
    line_number: usize,
}

impl<'a> Files<'a> for Window {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, Error> {
        Ok(self.line_number)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        Ok(if line_index == 0 {
            0..self.text.len()
        } else {
            self.text.len()..self.text.len()
        })
    }
}

/// A file read for its snippets.
struct Source {
    name: String,
    text: String,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Byte offset of each character of the non-ASCII lines asked for.
    char_offsets: HashMap<usize, Vec<usize>>,
}

/// The files read so far (`None`: cannot be read as text).
#[derive(Default)]
pub struct Sources {
    files: HashMap<PathBuf, Option<Source>>,
}

impl Sources {
    /// The window for `span` in `path`, with the caret's byte range in it;
    /// `None` when the file cannot be read or the span lies outside it.
    pub fn window(&mut self, path: &Path, span: Span) -> Option<(Window, Range<usize>)> {
        let source = self
            .files
            .entry(path.to_path_buf())
            .or_insert_with(|| read(path))
            .as_mut()?;
        let line_start = *source.line_starts.get(span.line.checked_sub(1)?)?;
        let line_end = source.text[line_start..]
            .find('\n')
            .map_or(source.text.len(), |i| line_start + i);
        let line = &source.text[line_start..line_end];
        let offsets = if line.is_ascii() {
            None
        } else {
            Some(
                source
                    .char_offsets
                    .entry(span.line)
                    .or_insert_with(|| line.char_indices().map(|(i, _)| i).collect())
                    .as_slice(),
            )
        };
        let chars = offsets.map_or(line.len(), <[usize]>::len);
        let byte = |char_index: usize| match offsets {
            None => char_index.min(line.len()),
            Some(offsets) => offsets.get(char_index).copied().unwrap_or(line.len()),
        };
        let caret = span.column.saturating_sub(1).min(chars);
        let caret_end = match span.end {
            Some((end_line, end_column)) if end_line == span.line => {
                end_column.saturating_sub(1).clamp(caret, chars) + 1
            }
            // A span over several lines shows its first line.
            Some(_) => chars,
            None => caret + 1,
        }
        .min(chars)
        .max(caret);
        let first = if chars <= WIDTH {
            0
        } else {
            caret.saturating_sub(BEFORE).min(chars - WIDTH)
        };
        let last = (first + WIDTH).min(chars);
        let mut text = String::new();
        if first > 0 {
            text.push('…');
        }
        let shift = text.len();
        text.push_str(&line[byte(first)..byte(last)]);
        if last < chars {
            text.push('…');
        }
        let start = shift + byte(caret.clamp(first, last)) - byte(first);
        let end = shift + byte(caret_end.clamp(first, last)) - byte(first);
        // A caret at the very end of the line still marks one place.
        let end = if end == start && start < text.len() {
            start + text[start..].chars().next().map_or(0, char::len_utf8)
        } else {
            end
        };
        let window = Window {
            name: source.name.clone(),
            text,
            line_number: span.line,
        };
        Some((window, start..end))
    }
}

fn read(path: &Path) -> Option<Source> {
    let bytes = crate::bounded_read::read_regular(path).ok()?;
    // One picture per control character: columns stay the file's.
    let text = visible_source(&String::from_utf8_lossy(&bytes)).into_owned();
    let line_starts = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    Some(Source {
        name: visible_line(&super::render_human::display_path(path, None)).into_owned(),
        text,
        line_starts,
        char_offsets: HashMap::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window_of(text: &str, span: Span) -> (String, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.lua");
        std::fs::write(&path, text).unwrap();
        let (window, range) = Sources::default().window(&path, span).unwrap();
        (window.text.clone(), window.text[range].to_owned())
    }

    #[test]
    fn short_lines_are_whole_and_columns_count_characters() {
        assert_eq!(
            window_of("é = 1\nab = ç\n", Span::at(2, 6)),
            ("ab = ç".to_owned(), "ç".to_owned())
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let (text, marked) = window_of(&line, Span::at(1, 5001));
        assert_eq!(marked, "X");
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.chars().count() <= WIDTH + 2);
    }

    #[test]
    fn a_line_outside_the_file_has_no_window() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.lua");
        std::fs::write(&path, "one\n").unwrap();
        assert!(Sources::default().window(&path, Span::at(9, 1)).is_none());
    }
}
