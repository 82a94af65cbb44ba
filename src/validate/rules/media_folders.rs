//! Media folders of a mod spelt differently from what the engine reads
//! (`Textures/`, `sound/`…): the engine only opens the exact lower-case
//! plural names, so the files inside never load (on Linux, where names are
//! case-sensitive, the wrong case is as bad as a wrong word).

use crate::content::media::MEDIA_DIRS;
use crate::content::{folder_name, subfolders};
use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const MEDIA_FOLDER_NAME: Code = Code {
    id: "MT1301",
    name: "media-folder-name",
    severity: Severity::Error,
    doc: "A media folder spelt wrongly (`Textures`, `sound`…): the engine never loads its files.",
};

/// Common misspellings of the media folders, lower-cased, with the right name.
const SINGULARS: &[(&str, &str)] = &[
    ("texture", "textures"),
    ("sound", "sounds"),
    ("model", "models"),
    ("medias", "media"),
    ("locales", "locale"),
];

/// The folder the engine expects when `name` is a misspelt media folder.
fn expected_name(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let expected = MEDIA_DIRS
        .iter()
        .copied()
        .find(|dir| *dir == lower)
        .or_else(|| {
            SINGULARS
                .iter()
                .find(|(wrong, _)| *wrong == lower)
                .map(|(_, right)| *right)
        })?;
    (expected != name).then_some(expected)
}

/// Finds misspelt media folders, whose files would silently never load.
pub struct MediaFolders;

impl Rule for MediaFolders {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MEDIA_FOLDER_NAME]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            for dir in subfolders(&info.dir) {
                let folder = folder_name(&dir);
                if let Some(expected) = expected_name(&folder) {
                    out.push(
                        Diagnostic::new(&MEDIA_FOLDER_NAME, &dir)
                            .arg("folder", folder.as_str())
                            .arg("expected", expected),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::expected_name;

    #[test]
    fn misspelt_folders() {
        assert_eq!(expected_name("Textures"), Some("textures"));
        assert_eq!(expected_name("SOUNDS"), Some("sounds"));
        assert_eq!(expected_name("texture"), Some("textures"));
        assert_eq!(expected_name("textures"), None);
        assert_eq!(expected_name("src"), None);
    }
}
