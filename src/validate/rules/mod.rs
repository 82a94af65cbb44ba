//! One file per validation rule. Add a rule here and in
//! [`super::all_rules`]; give each of its codes a fixture under
//! `tests/fixtures/validate/` and messages in every `locales/*/mtedu.ftl`.

pub mod conf_keys;
pub mod conf_syntax;
pub mod dependencies;
pub mod discovery;
pub mod games;
pub mod large_files;
pub mod legacy_files;
pub mod lessons;
pub mod licence;
pub mod list_entries;
pub mod media_clash;
pub mod media_folders;
pub mod media_names;
pub mod mod_files;
pub mod names;
pub mod settingtypes;
pub mod translations;
pub mod unreadable;
pub mod worlds;
