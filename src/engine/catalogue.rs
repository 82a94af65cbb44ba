//! The API catalogue: every name of the real server's `core` table and
//! whether mtedu simulates it, in part, or not at all.

use std::collections::BTreeMap;

use super::{Engine, EngineVersion, LoadRequest};

/// How far mtedu simulates one name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Simulated,
    /// Works, with the limits described.
    Partial(String),
    /// Raises "not simulated yet: core.<name>".
    NotSimulated,
}

/// One catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// The Lua type in the real engine (`function`, `table`, `number`, `userdata`).
    pub kind: String,
    pub status: Status,
}

/// Every core name of the real server of `version` with its status in mtedu.
pub fn coverage_of(version: EngineVersion) -> Result<Vec<Entry>, String> {
    let engine = Engine::new(&LoadRequest {
        engine: version,
        ..LoadRequest::default()
    })?;
    let stubbed: std::collections::BTreeSet<String> = engine.stubbed_names().into_iter().collect();
    let partial: BTreeMap<String, String> = engine.partial_names();
    Ok(super::lua_bridge::catalogue_entries(version)
        .map(|(name, kind)| Entry {
            name: name.to_owned(),
            kind: kind.to_owned(),
            status: if stubbed.contains(name) {
                Status::NotSimulated
            } else if let Some(limits) = partial.get(name) {
                Status::Partial(limits.clone())
            } else {
                Status::Simulated
            },
        })
        .collect())
}

/// [`coverage_of`] the library's default version (5.6.1).
pub fn coverage() -> Result<Vec<Entry>, String> {
    coverage_of(EngineVersion::default())
}

/// Methods of engine objects (`VoxelManip:calc_lighting`,
/// `ObjectRef:set_sky`…) that work with documented limits, with them.
pub fn method_limits() -> Result<BTreeMap<String, String>, String> {
    let engine = Engine::new(&LoadRequest::default())?;
    Ok(engine
        .partial_names()
        .into_iter()
        .filter(|(name, _)| name.contains(':'))
        .collect())
}
