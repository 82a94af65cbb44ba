//! mtedu: a toolkit for teaching programming with Minetest / Luanti.
//!
//! Data flows one way: [`content`] (what is on disk, parsed) → [`validate`]
//! (rules over that model) → [`diag`] (what we tell the user). [`cli`] is thin
//! glue; [`host`] knows where this PC keeps its engine, games and mods.

pub mod bounded_read;
pub mod check;
pub mod class;
pub mod cli;
pub mod codes;
pub mod content;
pub mod diag;
pub mod engine;
pub mod fix;
pub mod host;
pub mod i18n;
pub mod leftovers;
pub mod lessons;
pub mod lint;
pub mod pack;
pub mod play;
pub mod scaffold;
pub mod serve;
pub mod teardown;
pub mod testing;
pub mod timestamp;
pub mod validate;

pub use codes::all_codes;
