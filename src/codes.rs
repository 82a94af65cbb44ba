//! The one registry of finding codes: every code a command can report, in
//! code order. Documentation (`docs/codes.md`), the catalogue tests and the
//! fixture tests walk this list; `tests/it/codes_registry.rs` scans `src/`
//! for every declared code and fails when one is missing here.
//!
//! Each pass keeps its codes beside the code that reports them and hands
//! them over in one place: validate and lint rules through their `codes()`,
//! the other passes through one `CODES` list each.

use crate::diag::Code;
use crate::{engine, lint, pack, play, validate};

/// Every finding code mtedu can emit, in code order.
pub fn all_codes() -> Vec<&'static Code> {
    // The input codes (`diag::input`) come through validate's discovery and
    // unreadable rules, which report them.
    let mut codes: Vec<&'static Code> = Vec::new();
    for rule in validate::all_rules() {
        codes.extend(rule.codes().iter().copied());
    }
    codes.extend(lint::codes::SYNTAX_CODES.iter().copied());
    for rule in lint::all_rules() {
        codes.extend(rule.codes().iter().copied());
    }
    codes.extend(lint::LOAD_CHECK_CODES.iter().copied());
    codes.extend(engine::findings::CODES.iter().copied());
    codes.extend(pack::CODES.iter().copied());
    codes.extend(play::CODES.iter().copied());
    codes.sort_by_key(|code| code.id);
    codes
}
