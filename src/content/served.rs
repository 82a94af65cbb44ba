//! What `mtedu serve` keeps for a world it served, as other passes read it:
//! `validate` accepts the companion mod's `load_mod_` key, `pack` leaves
//! serve's own files out. `serve` itself lays these files out
//! (`serve/layout.rs`) from the same names.
//!
//! Serve's files live beside the world, in `.<world>.mtedu/`, not inside
//! it: mod security lets every mod the server runs write anywhere in the
//! world folder, and serve's protocol, last good copies and the server's
//! own config must be out of a pupil's mod's reach (measured on 5.6.1,
//! 5.10 and 5.15: a mod can neither read nor write beside the world).

use std::path::{Path, PathBuf};

/// Where serve kept its files inside the world before they moved beside
/// it: left out of archives, moved out by the next `serve`.
pub const LEGACY_STATE_DIR: &str = "mtedu";

/// The file taken while a `serve` runs on a world.
pub const LOCK_FILE: &str = "serve.lock";

/// The companion mod's name (its `load_mod_` key).
pub const COMPANION_NAME: &str = "mtedu_companion";

/// Serve's own folder for `world`: `.<name>.mtedu` beside it (hidden, so
/// neither the content discovery nor a file manager shows it as content).
pub fn state_dir(world: &Path) -> PathBuf {
    let name = world
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "world".to_owned());
    world
        .parent()
        .unwrap_or(Path::new("/"))
        .join(format!(".{name}.mtedu"))
}

/// Serve's folder for `world` when `serve` has used it (its links to the
/// mods served, the companion), beside the world or, for a world served
/// by an older mtedu, inside it.
pub fn served_state(world: &Path) -> Option<PathBuf> {
    let state = state_dir(world);
    if state.join(LOCK_FILE).is_file() {
        return Some(state);
    }
    legacy_state(world)
}

/// `<world>/mtedu` when an older `serve` left its files inside the world.
pub fn legacy_state(world: &Path) -> Option<PathBuf> {
    let state = world.join(LEGACY_STATE_DIR);
    state.join(LOCK_FILE).is_file().then_some(state)
}
