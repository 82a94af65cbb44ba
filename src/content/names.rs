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
    for c in name.chars() {
        let c = strip_accent(c).to_ascii_lowercase();
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

/// The base letter of the accented letters French pupils type (also used
/// for media file names).
pub(crate) fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' => 'y',
        other => other,
    }
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
}
