//! mtedu: a toolkit for teaching programming with Minetest / Luanti.
//!
//! Data flows one way: [`content`] (what is on disk, parsed) → [`validate`]
//! (rules over that model) → [`diag`] (what we tell the user). [`cli`] is thin
//! glue; [`host`] knows where this PC keeps its engine, games and mods.

pub mod cli;
pub mod content;
pub mod diag;
pub mod engine;
pub mod host;
pub mod i18n;
pub mod validate;
