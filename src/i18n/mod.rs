//! Messages in French and English, through Fluent catalogues embedded in
//! the binary (`locales/<lang>/mtedu.ftl`).
//!
//! The language comes from `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`:
//! French when the value starts with `fr`, English otherwise.

use std::collections::HashMap;

use fluent::FluentValue;
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::FluentLanguageLoader;
use rust_embed::RustEmbed;

use crate::diag::ArgValue;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Catalogues;

/// A language mtedu speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// Every language with a catalogue, for tests that compare them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The catalogue folder name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Reads a locale string such as `fr_FR.UTF-8`, `fr` or `en_GB`.
    pub fn from_locale(value: &str) -> Lang {
        if value.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }

    /// The raw Fluent source of this language's catalogue.
    pub fn catalogue_source(self) -> String {
        let file = Catalogues::get(&format!("{}/mtedu.ftl", self.code()))
            .expect("every language has an embedded catalogue");
        String::from_utf8_lossy(&file.data).into_owned()
    }
}

/// Turns message keys and arguments into text in one language.
pub struct Localizer {
    loader: std::sync::Arc<FluentLanguageLoader>,
    lang: Lang,
}

impl Localizer {
    /// The localizer of `lang`. Each language's catalogues are parsed once
    /// per process and shared: a command makes several localizers (the
    /// command line's, the report's, the engine's), each a millisecond or
    /// two of parsing otherwise.
    pub fn new(lang: Lang) -> Self {
        static LOADERS: std::sync::Mutex<Vec<(Lang, std::sync::Arc<FluentLanguageLoader>)>> =
            std::sync::Mutex::new(Vec::new());
        let mut loaders = LOADERS.lock().unwrap_or_else(|e| e.into_inner());
        let loader = match loaders.iter().find(|(known, _)| *known == lang) {
            Some((_, loader)) => loader.clone(),
            None => {
                let loader = std::sync::Arc::new(Localizer::load(lang));
                loaders.push((lang, loader.clone()));
                loader
            }
        };
        Localizer { loader, lang }
    }

    fn load(lang: Lang) -> FluentLanguageLoader {
        let loader = FluentLanguageLoader::new("mtedu", Lang::En.code().parse().expect("valid id"));
        let requested: unic_langid::LanguageIdentifier =
            lang.code().parse().expect("valid language id");
        loader
            .load_languages(&Catalogues, &[requested])
            .expect("embedded catalogues are valid Fluent");
        // Unicode isolation marks show up as garbage in many terminals.
        loader.set_use_isolating(false);
        loader
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True when the key exists in this language's catalogue.
    pub fn has(&self, key: &str) -> bool {
        self.loader.has(key)
    }

    /// The message for `key`, with `args` filled in.
    pub fn text(&self, key: &str, args: &[(&str, ArgValue)]) -> String {
        if args.is_empty() {
            return self.loader.get(key);
        }
        let map: HashMap<&str, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    ArgValue::Text(text) => FluentValue::from(text.as_str()),
                    ArgValue::Number(number) => FluentValue::from(*number),
                };
                (*name, value)
            })
            .collect();
        self.loader.get_args_concrete(key, map)
    }

    /// A message without arguments.
    pub fn plain(&self, key: &str) -> String {
        self.loader.get(key)
    }
}
