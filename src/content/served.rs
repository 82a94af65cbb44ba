//! What `mtedu serve` leaves in a world it served, as other passes read it:
//! `validate` accepts the companion mod's `load_mod_` key, `pack` leaves
//! serve's own folder out. `serve` itself lays these files out
//! (`serve/layout.rs`) from the same names.

use std::path::{Path, PathBuf};

/// The world's folder holding everything of serve's own.
pub const STATE_DIR: &str = "mtedu";

/// The file taken while a `serve` runs on a world.
pub const LOCK_FILE: &str = "serve.lock";

/// The companion mod's name (its `load_mod_` key).
pub const COMPANION_NAME: &str = "mtedu_companion";

/// `<world>/mtedu` when `serve` has used this world (what `pack` leaves
/// out: links, logs, the companion, last good copies).
pub fn served_state(world: &Path) -> Option<PathBuf> {
    let state = world.join(STATE_DIR);
    state.join(LOCK_FILE).is_file().then_some(state)
}
