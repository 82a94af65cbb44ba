//! A lesson folder: `lesson.toml` (read into a typed [`Lesson`] by
//! `lesson_toml.rs`), `starter/` and `solution/` mods, `checks/*_spec.lua`
//! (the objectives as specs) and `handout.md`. A pupil's copy made by
//! `mtedu lessons start` keeps lesson.toml and checks in a hidden
//! `.mtedu-lesson/` folder inside the pupil's mod: [`LessonInfo::read`]
//! reads both layouts.

use std::path::{Path, PathBuf};

use full_moon::tokenizer::{Lexer, LexerResult, TokenType};

use super::lesson_toml::{LessonFile, parse_lesson};

/// The hidden folder of a pupil's copy that holds the lesson.
pub const PUPIL_LESSON_DIR: &str = ".mtedu-lesson";

/// One spec file of `checks/` and the `describe` names it opens.
#[derive(Debug, Clone)]
pub struct CheckFile {
    pub path: PathBuf,
    /// The string literals given to `describe(...)`, in order.
    pub describes: Vec<String>,
    /// False when the file could not be read: what it describes is unknown.
    pub readable: bool,
}

#[derive(Debug, Clone)]
pub struct LessonInfo {
    pub dir: PathBuf,
    /// The raw `lesson.toml`, parsed as TOML; the error text when it is not.
    pub manifest: Result<toml::Table, String>,
    /// lesson.toml as a typed lesson, with its problems.
    pub file: LessonFile,
    /// `checks/*_spec.lua`, sorted.
    pub checks: Vec<CheckFile>,
}

impl LessonInfo {
    pub fn read(dir: &Path) -> LessonInfo {
        let path = dir.join("lesson.toml");
        let text = crate::bounded_read::read_regular_text(&path).map_err(|error| error.to_string());
        let manifest = text.clone().and_then(|text| {
            text.parse::<toml::Table>()
                .map_err(|error| error.to_string())
        });
        let folder = if super::folder_name(dir) == PUPIL_LESSON_DIR {
            String::new()
        } else {
            super::folder_name(dir)
        };
        let file = match &text {
            Ok(text) => parse_lesson(text, &folder),
            Err(_) => LessonFile::default(),
        };
        LessonInfo {
            dir: dir.to_path_buf(),
            manifest,
            file,
            checks: check_files(&dir.join("checks")),
        }
    }

    /// Folders of the lesson that hold mods (the pupil's starter, the solution).
    pub fn mod_folders(&self) -> Vec<PathBuf> {
        ["starter", "solution"]
            .iter()
            .map(|name| self.dir.join(name))
            .filter(|dir| dir.is_dir())
            .collect()
    }

    /// The spec files whose tests check objective `check` (a describe name).
    pub fn specs_for(&self, check: &str) -> Vec<&Path> {
        self.checks
            .iter()
            .filter(|file| file.describes.iter().any(|name| name == check))
            .map(|file| file.path.as_path())
            .collect()
    }
}

/// The lesson of a pupil's copy (`<dir>/.mtedu-lesson/`), if `dir` is one.
pub fn pupil_lesson(dir: &Path) -> Option<LessonInfo> {
    let hidden = dir.join(PUPIL_LESSON_DIR);
    hidden
        .join("lesson.toml")
        .is_file()
        .then(|| LessonInfo::read(&hidden))
}

/// Whose work a mod folder is, in a class: the folder itself (`alice`),
/// or, when it is a mod inside a pupil's folder (`alice/first_block`, as
/// `mtedu lessons start` makes it), the folder that holds it.
pub fn pupil_name(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let is_mod = super::classify(&absolute) == Some(super::ContentKind::Mod);
    match absolute.parent() {
        Some(parent) if is_mod && parent.file_name().is_some() => super::folder_name(parent),
        _ => super::folder_name(&absolute),
    }
}

fn check_files(dir: &Path) -> Vec<CheckFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.to_string_lossy().ends_with("_spec.lua"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            // Discovery reports an unreadable spec (MT0004).
            let source = crate::content::read_regular(&path);
            CheckFile {
                describes: source
                    .as_ref()
                    .map(|bytes| describe_names(&String::from_utf8_lossy(bytes)))
                    .unwrap_or_default(),
                readable: source.is_ok(),
                path,
            }
        })
        .collect()
}

/// The string literals right after `describe(` in a spec's source, read
/// with full_moon's lexer so that comments and strings never fool it.
pub fn describe_names(source: &str) -> Vec<String> {
    // full_moon's lexer panics on some input (a stray backtick).
    let lexed =
        super::full_moon_guard::catching(|| Lexer::new(source, super::lua_version()).collect());
    let tokens = match lexed {
        Some(LexerResult::Ok(tokens) | LexerResult::Recovered(tokens, _)) => tokens,
        Some(LexerResult::Fatal(_)) | None => return Vec::new(),
    };
    let significant: Vec<&TokenType> = tokens
        .iter()
        .map(|token| token.token_type())
        .filter(|kind| !kind.is_trivia() && !matches!(kind, TokenType::Eof))
        .collect();
    significant
        .windows(3)
        .filter_map(|window| match window {
            [
                TokenType::Identifier { identifier },
                TokenType::Symbol { symbol },
                TokenType::StringLiteral { literal, .. },
            ] if identifier.as_str() == "describe"
                && *symbol == full_moon::tokenizer::Symbol::LeftParen =>
            {
                Some(literal.to_string())
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::describe_names;

    #[test]
    fn describe_names_skip_comments_and_other_calls() {
        let source = "-- describe(\"no\")\ndescribe(\"block\", function()\n it(\"x\", function() end)\nend)\ndescribe('recipe', f)\nprint(\"describe\")\n";
        assert_eq!(describe_names(source), vec!["block", "recipe"]);
    }
}
