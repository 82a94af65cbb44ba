//! Template sources are never content: a folder such as `mod-templates/`
//! holds the files a generator (minijinja, Jinja, cookiecutter…) turns
//! into a mod, with placeholders where the mod's name goes. Run from such a
//! project, discovery must not take them for broken mods.

use std::path::Path;

/// Files whose placeholders give a template away: the engine's marker files.
const MARKER_FILES: [&str; 6] = [
    "mod.conf",
    "game.conf",
    "modpack.conf",
    "texture_pack.conf",
    "lesson.toml",
    "init.lua",
];

/// The largest marker file read to decide (templates are small).
const MAX_READ: u64 = 256 * 1024;

/// True when one of `dir`'s marker files holds template markup where the
/// engine would read a real value.
pub fn is_template_source(dir: &Path) -> bool {
    MARKER_FILES.iter().any(|name| {
        let path = dir.join(name);
        let small = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_READ);
        if !small {
            return false;
        }
        let Ok(text) = crate::bounded_read::read_regular_text(&path) else {
            return false;
        };
        if name.ends_with(".lua") {
            lua_has_markup(&text)
        } else {
            has_block_tag(&text) || has_expression(&text)
        }
    })
}

/// `{% … %}` anywhere: no conf, TOML or Lua file has it outside a template.
fn has_block_tag(text: &str) -> bool {
    text.match_indices("{%").any(|(at, _)| {
        text[at..]
            .lines()
            .next()
            .is_some_and(|line| line.contains("%}"))
    })
}

/// `{{ name }}` (an identifier or a call between double braces): a value no
/// conf file uses.
fn has_expression(text: &str) -> bool {
    text.match_indices("{{").any(|(at, _)| {
        let rest = &text[at + 2..];
        rest.find("}}").is_some_and(|end| {
            let inner = rest[..end].trim();
            !inner.is_empty() && !inner.contains('\n')
        })
    })
}

/// In Lua, `{{ x }}` is a table in a table; a template shows its markup as
/// a block tag, or inside a string or a comment (`"{{ modname }}"`).
fn lua_has_markup(text: &str) -> bool {
    has_block_tag(text)
        || text.lines().any(|line| {
            let line = line.trim_start();
            let quoted = ["\"{{", "'{{"].iter().any(|open| line.contains(open));
            (quoted || line.starts_with("--")) && has_expression(line)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(name: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        dir
    }

    #[test]
    fn conf_with_placeholders_is_a_template() {
        let dir = folder_with("mod.conf", "name = {{ modname }}\n");
        assert!(is_template_source(dir.path()));
        let dir = folder_with("game.conf", "{% if x %}\ntitle = x\n{% endif %}\n");
        assert!(is_template_source(dir.path()));
    }

    #[test]
    fn lua_templates_show_markup_in_strings_and_comments() {
        let dir = folder_with(
            "init.lua",
            "local S = minetest.get_translator(\"{{ modname }}\")\n",
        );
        assert!(is_template_source(dir.path()));
        let dir = folder_with("init.lua", "-- {{ modname }}: a mod\n");
        assert!(is_template_source(dir.path()));
    }

    #[test]
    fn real_mods_are_not_templates() {
        let lua = "minetest.register_craft({output = \"m:x\", recipe = {{ stone }}})\n";
        let dir = folder_with("init.lua", lua);
        assert!(!is_template_source(dir.path()));
        let dir = folder_with(
            "mod.conf",
            "name = my_mod\ndescription = {braces} are fine\n",
        );
        assert!(!is_template_source(dir.path()));
    }
}
