//! Where names are first written in a mod's Lua files, for the checks
//! over what the mods registered once loaded (`registered.rs`,
//! `undiggable.rs`): their findings point at that place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::files::lua_files;
use crate::content::ModInfo;
use crate::diag::{Code, Diagnostic, Span};

/// Where names are first written in the mods' files: every file read
/// once, and only when there is a name to locate; the words of each line
/// that are wanted indexed in one pass, so that locating all the findings
/// costs one pass over the source, not one per name.
pub struct Places {
    first_file: Option<PathBuf>,
    first: BTreeMap<String, (PathBuf, usize, usize)>,
    texts: Vec<(PathBuf, String)>,
}

impl Places {
    /// The first place each of `needles` is written: as a word of its own
    /// (between quotes, spaces and the texture modifiers' signs) if it is
    /// anywhere, else inside a longer word.
    pub fn of<'a>(mods: &[&ModInfo], needles: impl Iterator<Item = &'a str>) -> Places {
        let wanted: BTreeSet<&str> = needles.filter(|n| !n.is_empty()).collect();
        let mut places = Places {
            first_file: None,
            first: BTreeMap::new(),
            texts: Vec::new(),
        };
        if wanted.is_empty() {
            return places;
        }
        for info in mods {
            for file in lua_files(&info.dir) {
                places.first_file.get_or_insert_with(|| file.clone());
                let text = crate::bounded_read::read_regular_text(&file).unwrap_or_default();
                for (index, line) in text.lines().enumerate() {
                    places.index_line(&file, index + 1, line, &wanted);
                }
                places.texts.push((file, text));
            }
        }
        places.find_unindexed(wanted.into_iter());
        places
    }

    /// Indexes the wanted words of a line, with and without double quotes.
    fn index_line(
        &mut self,
        file: &std::path::Path,
        line_number: usize,
        line: &str,
        wanted: &BTreeSet<&str>,
    ) {
        let separators = |c: char| c.is_whitespace() || "'(){}[],=^\\".contains(c);
        let mut start = 0;
        for piece in line.split(separators) {
            let byte = start;
            start += piece.len() + 1;
            if piece.is_empty() {
                continue;
            }
            let unquoted = piece.trim_matches('"');
            let offset = byte + piece.find(unquoted).unwrap_or(0);
            for (word, at) in [(piece, byte), (unquoted, offset)] {
                if !wanted.contains(word) || self.first.contains_key(word) {
                    continue;
                }
                let column = line[..at].chars().count() + 1;
                self.first
                    .insert(word.to_owned(), (file.to_path_buf(), line_number, column));
            }
        }
    }

    /// Finds the needles no word spells, written inside longer words, with
    /// one pass over every file for all of them.
    fn find_unindexed<'a>(&mut self, needles: impl Iterator<Item = &'a str>) {
        let mut wanted: Vec<&str> = needles
            .filter(|n| !n.is_empty() && !self.first.contains_key(*n))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return;
        }
        let Ok(searcher) = aho_corasick::AhoCorasick::new(&wanted) else {
            return;
        };
        for (file, text) in &self.texts {
            let mut line_starts = vec![0];
            line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
            for found in searcher.find_overlapping_iter(text) {
                let needle = wanted[found.pattern().as_usize()];
                if self.first.contains_key(needle) {
                    continue;
                }
                let line = line_starts.partition_point(|&start| start <= found.start());
                let start = line_starts[line - 1];
                let column = text[start..found.start()].chars().count() + 1;
                self.first
                    .insert(needle.to_owned(), (file.clone(), line, column));
            }
        }
    }

    /// The finding, at the first place `needle` is written.
    pub fn located(&self, code: &'static Code, needle: &str) -> Diagnostic {
        let place = self.first.get(needle).cloned();
        match place {
            Some((file, line, column)) => {
                Diagnostic::new(code, &file).at(Span::on_line(line, column, needle.chars().count()))
            }
            None => Diagnostic::new(code, self.first_file.clone().unwrap_or_default()),
        }
    }
}
