//! The engine's mod-name rule (`[a-z0-9_]+`) and a friendly correction.

/// Names that break the engine or Lua when used as a mod name.
pub const RESERVED_NAMES: &[&str] = &[
    "core",
    "minetest",
    "luanti",
    "builtin",
    "lua",
    "_G",
    "string",
    "table",
    "math",
    "os",
    "io",
    "debug",
    "coroutine",
    "package",
    "bit",
    "jit",
    "ffi",
    "vector",
    "and",
    "break",
    "do",
    "else",
    "elseif",
    "end",
    "false",
    "for",
    "function",
    "goto",
    "if",
    "in",
    "local",
    "nil",
    "not",
    "or",
    "repeat",
    "return",
    "then",
    "true",
    "until",
    "while",
];

/// True when the engine accepts `name` as a mod (or modpack, game) name.
pub fn is_valid_mod_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A valid name close to `name`: lower case, `-`, spaces and dots become `_`,
/// accents lose their marks, anything else is dropped.
pub fn suggest_mod_name(name: &str) -> String {
    let mut out = String::new();
    for c in ascii_folded(name).chars() {
        let c = c.to_ascii_lowercase();
        match c {
            'a'..='z' | '0'..='9' | '_' => out.push(c),
            '-' | ' ' | '.' if !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    let trimmed = out.trim_matches('_');
    if trimmed.is_empty() {
        "my_mod".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `text` with every letter that is not ASCII written as the ASCII
/// letters it stands for (é → e, ç → c, œ → oe, ß → ss), keeping case and
/// everything else: pupils type accents, the engine's names refuse them.
pub fn ascii_folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_ascii() => c.to_string(),
            c if c.is_alphabetic() => deunicode::deunicode_char(c)
                .filter(|ascii| ascii.chars().all(|a| a.is_ascii_alphanumeric()))
                .map_or_else(|| c.to_string(), str::to_owned),
            c => c.to_string(),
        })
        .collect()
}

/// The name an item or node name becomes with only the characters the
/// engine allows after `mod:` (letters, digits, `_`): accents folded,
/// anything else `_`.
pub fn suggest_item_name(name: &str) -> String {
    ascii_folded(name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_names() {
        assert!(is_valid_mod_name("my_mod2"));
        assert!(!is_valid_mod_name("my-mod"));
        assert!(!is_valid_mod_name("MyMod"));
        assert!(!is_valid_mod_name(""));
    }

    #[test]
    fn suggestions_are_valid() {
        assert_eq!(suggest_mod_name("mon-bloc"), "mon_bloc");
        assert_eq!(suggest_mod_name("Mon Épée!"), "mon_epee");
        assert_eq!(suggest_mod_name("!!!"), "my_mod");
        for name in ["mon-bloc", "Mon Épée!", "a..b", "--x--"] {
            assert!(is_valid_mod_name(&suggest_mod_name(name)));
        }
    }

    #[test]
    fn accents_are_folded_not_replaced() {
        assert_eq!(suggest_item_name("bloc_rayé"), "bloc_raye");
        assert_eq!(suggest_item_name("garçon-cœur"), "garcon_coeur");
        assert_eq!(suggest_item_name("Ça_va"), "Ca_va");
        assert_eq!(suggest_item_name("bloc🙂"), "bloc_");
        assert_eq!(ascii_folded("Straße à Noël"), "Strasse a Noel");
    }
}
