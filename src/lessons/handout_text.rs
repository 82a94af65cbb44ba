//! The part of a lesson's handout.md a reader wants in the terminal: its
//! handouts hold one `## Français` and one `## English` section, and
//! `mtedu lessons show` prints only the one in the reader's language.

use crate::i18n::Lang;

/// The names a handout's language section may carry, per language.
fn section_names(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &["français", "francais", "french"],
        Lang::En => &["english", "anglais"],
    }
}

/// The handout's section in `lang` (its `##` heading and what follows up
/// to the next `##`), after the title line; the whole handout when it has
/// no such section.
pub fn handout_section(markdown: &str, lang: Lang) -> String {
    let lines: Vec<&str> = markdown.lines().collect();
    let is_section = |line: &str| line.starts_with("## ");
    let start = lines.iter().position(|line| {
        is_section(line)
            && section_names(lang)
                .iter()
                .any(|name| line[3..].trim().to_lowercase() == *name)
    });
    let Some(start) = start else {
        return markdown.trim_end().to_owned() + "\n";
    };
    let end = lines[start + 1..]
        .iter()
        .position(|line| is_section(line))
        .map_or(lines.len(), |offset| start + 1 + offset);
    let title = lines.iter().find(|line| line.starts_with("# "));
    let mut text = String::new();
    if let Some(title) = title {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(lines[start + 1..end].join("\n").trim());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const HANDOUT: &str =
        "# Bloc / Block\n\n## Français\n\nPose le bloc.\n\n## English\n\nPlace the block.\n";

    #[test]
    fn each_language_gets_its_own_section() {
        let fr = handout_section(HANDOUT, Lang::Fr);
        assert_eq!(fr, "# Bloc / Block\n\nPose le bloc.\n");
        let en = handout_section(HANDOUT, Lang::En);
        assert_eq!(en, "# Bloc / Block\n\nPlace the block.\n");
    }

    #[test]
    fn a_handout_in_one_language_is_shown_whole() {
        let text = "# Only\n\nSome steps.\n";
        assert_eq!(handout_section(text, Lang::Fr), text);
    }
}
