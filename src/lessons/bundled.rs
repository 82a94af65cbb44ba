//! The lessons shipped inside the binary: the `lessons/` folder of this
//! repository, embedded with rust-embed, since pupils' PCs have only the
//! `mtedu` program.

use rust_embed::RustEmbed;

use crate::content::Lesson;
use crate::content::lesson_toml::parse_lesson;

#[derive(RustEmbed)]
#[folder = "lessons/"]
struct Embedded;

/// A bundled lesson: its folder name and what its lesson.toml says.
#[derive(Debug, Clone)]
pub struct BundledLesson {
    /// The folder name, `01-first-block`.
    pub id: String,
    pub lesson: Lesson,
}

/// Every bundled lesson, in folder order (the order pupils follow).
pub fn bundled_lessons() -> Vec<BundledLesson> {
    let mut ids: Vec<String> = Embedded::iter()
        .filter_map(|path| {
            let (folder, rest) = path.split_once('/')?;
            (rest == "lesson.toml").then(|| folder.to_owned())
        })
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| {
            let text = Embedded::get(&format!("{id}/lesson.toml"))
                .map(|file| String::from_utf8_lossy(&file.data).into_owned())
                .unwrap_or_default();
            BundledLesson {
                lesson: parse_lesson(&text, &id).lesson,
                id,
            }
        })
        .collect()
}

/// The lesson a pupil means by `query`: its full id (`01-first-block`), the
/// id without its number (`first-block`) or the number alone (`1`, `01`).
pub fn find_lesson(query: &str) -> Option<BundledLesson> {
    let query = query.trim().trim_end_matches('/');
    bundled_lessons().into_iter().find(|bundled| {
        let (number, name) = bundled.id.split_once('-').unwrap_or(("", &bundled.id));
        bundled.id == query
            || name == query
            || (!number.is_empty()
                && number.trim_start_matches('0') == query.trim_start_matches('0')
                && query.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The files of bundled lesson `id` under `part/` (`starter`, `checks`),
/// paths relative to that part, sorted.
pub fn lesson_files(id: &str, part: &str) -> Vec<(String, Vec<u8>)> {
    let prefix = format!("{id}/{part}/");
    let mut files: Vec<(String, Vec<u8>)> = Embedded::iter()
        .filter(|path| path.starts_with(&prefix))
        .filter_map(|path| {
            let file = Embedded::get(&path)?;
            Some((path[prefix.len()..].to_owned(), file.data.into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// One file of bundled lesson `id` (`lesson.toml`, `handout.md`).
pub fn lesson_file(id: &str, name: &str) -> Option<Vec<u8>> {
    Embedded::get(&format!("{id}/{name}")).map(|file| file.data.into_owned())
}
