//! Renders a template folder with minijinja: `mod-templates/common/` first,
//! then `mod-templates/<template>/` (which may replace a common file), plus
//! the generated texture. `MODNAME` in a path becomes the mod name.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Environment, context};
use rust_embed::RustEmbed;

use super::{NewModOptions, lang_code, title_of};
use crate::i18n::Lang;

#[derive(RustEmbed)]
#[folder = "mod-templates/"]
struct Templates;

/// Every file of the new mod, path relative to the mod folder → bytes.
pub(super) fn render(options: &NewModOptions) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let name = options.name.as_str();
    let template = options.template;
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for prefix in ["common/".to_owned(), format!("{}/", template.name())] {
        for path in Templates::iter().filter(|p| p.starts_with(&prefix)) {
            let file = Templates::get(&path).expect("listed by iter");
            let text = String::from_utf8_lossy(&file.data).into_owned();
            sources.insert(path[prefix.len()..].to_owned(), text);
        }
    }
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    let french = options.lang == Lang::Fr;
    env.add_function(
        "say",
        move |fr: String, en: String| {
            if french { fr } else { en }
        },
    );
    let (picture, item) = template.picture();
    let texture = format!("{name}_{item}.png");
    let ctx = context! {
        modname => name,
        title => title_of(name),
        lang => lang_code(options.lang),
        author => options.author.trim(),
        template => template.name(),
        depends => template.depends(),
        texture => texture,
        about => template.about(french),
    };
    let mut out = Vec::new();
    for (path, source) in &sources {
        let text = env
            .render_str(source, ctx.clone())
            .map_err(|error| std::io::Error::other(format!("{path}: {error}")))?;
        out.push((
            PathBuf::from(path.replace("MODNAME", name)),
            text.into_bytes(),
        ));
    }
    out.push((PathBuf::from("textures").join(texture), picture.png()));
    Ok(out)
}

/// Renders the files under `mod-templates/<folder>/` (the `lesson` and
/// `game` folders) with `modname`, `title`, `id` and `author`; paths are
/// relative to that folder.
pub(super) fn render_folder(
    folder: &str,
    values: &FolderValues,
    lang: Lang,
) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    let french = lang == Lang::Fr;
    env.add_function(
        "say",
        move |fr: String, en: String| {
            if french { fr } else { en }
        },
    );
    let ctx = context! {
        modname => values.modname.as_str(),
        title => values.title.as_str(),
        id => values.id.as_str(),
        author => values.author.trim(),
        lang => lang_code(lang),
    };
    let prefix = format!("{folder}/");
    let mut out = Vec::new();
    for path in Templates::iter().filter(|p| p.starts_with(&prefix)) {
        let file = Templates::get(&path).expect("listed by iter");
        let source = String::from_utf8_lossy(&file.data).into_owned();
        let text = env
            .render_str(&source, ctx.clone())
            .map_err(|error| std::io::Error::other(format!("{path}: {error}")))?;
        out.push((PathBuf::from(&path[prefix.len()..]), text.into_bytes()));
    }
    Ok(out)
}

/// What the lesson and game templates are filled with.
pub(super) struct FolderValues {
    pub modname: String,
    pub title: String,
    pub id: String,
    pub author: String,
}
