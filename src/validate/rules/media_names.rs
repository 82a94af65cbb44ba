//! Names of media files the engine refuses to send: characters outside
//! `a-zA-Z0-9_.-` ("ignoring illegal file name") and media extensions
//! written in capitals (`stone.PNG`, "ignoring unsupported file
//! extension"). Either way the texture or sound never reaches the players.

use crate::content::media::{
    has_legal_characters, media_extension, media_files, suggest_media_name,
};
use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const ILLEGAL_MEDIA_NAME: Code = Code {
    id: "MT1302",
    name: "illegal-media-name",
    severity: Severity::Error,
    doc: "A media file name uses characters other than a-z, A-Z, 0-9, _, . and -: the engine ignores the file.",
};

pub const MEDIA_EXTENSION_CASE: Code = Code {
    id: "MT1305",
    name: "media-extension-case",
    severity: Severity::Error,
    doc: "A media file extension in capitals (`.PNG`): the engine only knows lower-case extensions and ignores the file.",
};

/// Finds media files the engine skips because of their name.
pub struct MediaNames;

impl Rule for MediaNames {
    fn codes(&self) -> &'static [&'static Code] {
        &[&ILLEGAL_MEDIA_NAME, &MEDIA_EXTENSION_CASE]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            for file in media_files(&info.dir) {
                // Other files (notes, image sources) are never sent anyway.
                let Some(extension) = media_extension(&file.name) else {
                    continue;
                };
                let lower = extension.to_ascii_lowercase();
                let (code, suggestion) = if !has_legal_characters(&file.name) {
                    (&ILLEGAL_MEDIA_NAME, suggest_media_name(&file.name))
                } else if extension != lower {
                    let stem = &file.name[..file.name.len() - extension.len()];
                    (&MEDIA_EXTENSION_CASE, format!("{stem}{lower}"))
                } else {
                    continue;
                };
                out.push(
                    Diagnostic::new(code, &file.path)
                        .arg("file", file.name.as_str())
                        .arg("suggestion", suggestion),
                );
            }
        }
    }
}
