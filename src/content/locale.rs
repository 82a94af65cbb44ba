//! A mod's `locale/` folder: which translation files it holds, and what
//! their names say (`<textdomain>.<lang>.tr`).

use std::path::{Path, PathBuf};

/// The kinds of translation file the engine may read from `locale/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocaleKind {
    /// The engine's own `.tr` format, read by every version.
    Tr,
    /// Gettext source files, read only by Luanti 5.10 and later.
    Po,
    /// Compiled gettext files, read only by Luanti 5.10 and later.
    Mo,
}

/// One translation file in a mod's `locale/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFile {
    pub path: PathBuf,
    pub kind: LocaleKind,
}

impl LocaleFile {
    /// The file name, for messages and name checks.
    pub fn file_name(&self) -> String {
        super::folder_name(&self.path)
    }
}

/// Lists the `.tr`, `.po` and `.mo` files directly inside `mod_dir/locale`,
/// sorted by name. Other files (such as `template.txt`) are left out; a
/// missing or unreadable folder gives an empty list.
pub fn locale_files(mod_dir: &Path) -> Vec<LocaleFile> {
    let Ok(entries) = std::fs::read_dir(mod_dir.join("locale")) else {
        return Vec::new();
    };
    let mut files: Vec<LocaleFile> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let path = entry.path();
            let kind = match path.extension()?.to_str()? {
                "tr" => LocaleKind::Tr,
                "po" => LocaleKind::Po,
                "mo" => LocaleKind::Mo,
                _ => return None,
            };
            Some(LocaleFile { path, kind })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The text domain and language a translation file name announces, as in
/// `mymod.fr.tr` → `("mymod", "fr")`. `None` when the name does not have
/// that shape; the engine takes the language from the part after the last
/// dot, so such a file is never loaded for any language.
pub fn split_locale_name(file_name: &str) -> Option<(&str, &str)> {
    let stem = [".tr", ".po", ".mo"]
        .iter()
        .find_map(|ext| file_name.strip_suffix(ext))?;
    let (domain, lang) = stem.rsplit_once('.')?;
    (!domain.is_empty() && is_language_code(lang)).then_some((domain, lang))
}

/// True for codes such as `fr`, `jbo`, `pt_BR`, `sr_Cyrl` or `zh_TW`: two or
/// three small letters, then optionally `_` and letters or digits.
pub fn is_language_code(lang: &str) -> bool {
    let (base, region) = match lang.split_once('_') {
        Some((base, region)) => (base, Some(region)),
        None => (lang, None),
    };
    (2..=3).contains(&base.len())
        && base.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}
