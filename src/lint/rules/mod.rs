//! One file per lint rule over a file's [`super::scope::Analysis`]. Add a
//! rule here and in [`super::all_rules`]; give each code a fixture under
//! `tests/fixtures/lint/<rule>/<case>/` and messages in every catalogue.

pub mod abm_interval;
pub mod api_typo;
pub mod argument_count;
pub mod command_message;
pub mod comparison_in_table;
pub mod craft_shape;
pub mod definition_fields;
pub mod deprecated_api;
pub mod dot_method;
pub mod global_in_function;
pub mod item_eat_uncalled;
pub mod light_source;
pub mod local_below_function;
pub mod registered_twice;
pub mod shadowed_local;
pub mod text_plus;
pub mod undefined_global;
pub mod unused_argument;
pub mod unused_local;
