//! The language of the run, chosen before clap parses anything: the help
//! and clap's errors must already speak it.

use std::ffi::OsString;

use crate::i18n::Lang;

/// `--lang fr|en` (or `--lang=…`) among the raw arguments, else the locale
/// variables. A value mtedu does not know falls back to the locale, so the
/// error about it is in the user's language.
pub fn lang_before_parsing(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = if word == "--lang" {
            words.next().map(|value| value.into_owned())
        } else {
            word.strip_prefix("--lang=").map(str::to_owned)
        };
        match value.as_deref() {
            Some("fr") => return Lang::Fr,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(args: &[&str]) -> Lang {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        lang_before_parsing(&args)
    }

    #[test]
    fn the_flag_wins_wherever_it_is() {
        assert_eq!(lang(&["mtedu", "--lang", "fr", "validate"]), Lang::Fr);
        assert_eq!(lang(&["mtedu", "validate", "--lang=en"]), Lang::En);
        assert_eq!(lang(&["mtedu", "validate", "x", "--lang", "fr"]), Lang::Fr);
    }

    #[test]
    fn after_double_dash_it_is_a_path() {
        let args = ["mtedu", "validate", "--", "--lang", "fr"];
        assert_eq!(lang(&args), Lang::from_env());
    }
}
