//! mtedu: a toolkit for teaching programming with Minetest / Luanti.
//!
//! Data flows one way: [`content`] (what is on disk, parsed) → [`validate`]
//! (rules over that model) → [`diag`] (what we tell the user). [`cli`] is thin
//! glue; [`host`] knows where this PC keeps its engine, games and mods.

pub mod check;
pub mod cli;
pub mod content;
pub mod diag;
pub mod engine;
pub mod explain;
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
pub mod testing;
pub mod validate;

/// Every finding code mtedu can emit, in code order: the one list that
/// documentation and catalogue tests walk.
pub fn all_codes() -> Vec<&'static diag::Code> {
    let mut codes = validate::all_codes();
    codes.extend(engine::findings::CODES.iter().copied());
    codes.extend(lint::all_codes());
    codes.extend(pack::CODES.iter().copied());
    codes.extend(play::CODES.iter().copied());
    codes.sort_by_key(|code| code.id);
    codes
}
