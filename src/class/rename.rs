//! A pupil's mod under a name of its own for the showcase world: pupils
//! of one lesson all write `first_block`, and one server loads a name
//! once. The copy's mod name, the item names it registers
//! (`first_block:block`), its texture and translation files
//! (`first_block_block.png`, `first_block.fr.tr`) and every mention of
//! them in its text files take the new name. The word is replaced only
//! where it starts a name (`first_block`, `first_block:`, `first_block_`),
//! never inside another word; the copy is then loaded again to be sure.

use std::path::Path;

/// The files whose text is rewritten (the others are copied as they are).
const TEXT_FILES: &[&str] = &["lua", "conf", "tr", "po", "txt", "json"];

/// A name a mod may have: `a-z`, `0-9`, `_`.
pub fn mod_name_for(mod_name: &str, pupil: &str) -> String {
    let pupil: String = pupil
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{mod_name}_{pupil}")
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `text` with every `old` that starts a name (not preceded by a name
/// character, not followed by a letter or digit) replaced by `new`.
pub fn rename_in(text: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(at) = rest.find(old) {
        let head = &rest[..at];
        let previous = head.chars().last().or(before);
        let after = rest[at + old.len()..].chars().next();
        out.push_str(head);
        if !previous.is_some_and(name_char) && !after.is_some_and(|c| c.is_ascii_alphanumeric()) {
            out.push_str(new);
        } else {
            out.push_str(old);
        }
        before = old.chars().last();
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    out
}

/// Copies the mod folder `from` to `to`, renaming `old` to `new` in file
/// names and text files; hidden files and folders (`.mtedu-lesson/`,
/// `.git`) and links are left out.
pub fn copy_renamed(from: &Path, to: &Path, old: &str, new: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let target = to.join(rename_in(&name, old, new));
        if kind.is_dir() {
            copy_renamed(&entry.path(), &target, old, new)?;
        } else if kind.is_file() {
            let text_file = TEXT_FILES
                .iter()
                .any(|ext| name.ends_with(&format!(".{ext}")));
            let bytes = std::fs::read(entry.path())?;
            match (text_file, String::from_utf8(bytes)) {
                (true, Ok(text)) => std::fs::write(&target, rename_in(&text, old, new))?,
                (_, Ok(text)) => std::fs::write(&target, text)?,
                (_, Err(bytes)) => std::fs::write(&target, bytes.into_bytes())?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_names_are_renamed() {
        let code = "minetest.register_node(\"first_block:block\", {tiles = {\"first_block_block.png\"}})\n\
                    local S = minetest.get_translator(\"first_block\")\n\
                    my_first_block = 1; first_blocks = 2; first_block2 = 3\n";
        assert_eq!(
            rename_in(code, "first_block", "first_block_alice"),
            "minetest.register_node(\"first_block_alice:block\", {tiles = {\"first_block_alice_block.png\"}})\n\
             local S = minetest.get_translator(\"first_block_alice\")\n\
             my_first_block = 1; first_blocks = 2; first_block2 = 3\n"
        );
        assert_eq!(
            rename_in("first_blockfirst_block", "first_block", "x"),
            "first_blockfirst_block"
        );
        assert_eq!(
            mod_name_for("first_block", "Jean-Luc"),
            "first_block_jean_luc"
        );
    }

    #[test]
    fn a_copy_renames_files_and_leaves_hidden_ones_out() {
        let temp = tempfile::tempdir().unwrap();
        let from = temp.path().join("first_block");
        std::fs::create_dir_all(from.join("textures")).unwrap();
        std::fs::create_dir_all(from.join(".mtedu-lesson")).unwrap();
        std::fs::write(from.join("mod.conf"), "name = first_block\n").unwrap();
        std::fs::write(from.join("textures/first_block_block.png"), [0x89, 0xff, 0]).unwrap();
        std::fs::write(from.join(".mtedu-lesson/lesson.toml"), "").unwrap();
        let to = temp.path().join("out");
        copy_renamed(&from, &to, "first_block", "first_block_bob").unwrap();
        assert_eq!(
            std::fs::read_to_string(to.join("mod.conf")).unwrap(),
            "name = first_block_bob\n"
        );
        assert_eq!(
            std::fs::read(to.join("textures/first_block_bob_block.png")).unwrap(),
            [0x89, 0xff, 0]
        );
        assert!(!to.join(".mtedu-lesson").exists());
    }
}
