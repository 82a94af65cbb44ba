//! What `serve` uses when the user names none: the first server program
//! this PC has, a world of mtedu's own kept from one session to the next.

use std::path::{Path, PathBuf};

use crate::host::HostEnv;
use crate::host::engines::{EngineKind, find_programs};

/// The first server program found (`mtedu doctor` lists them).
pub fn server_program() -> Option<PathBuf> {
    find_programs(&HostEnv::from_env())
        .into_iter()
        .find(|(_, kind, _)| *kind == EngineKind::Server)
        .map(|(path, _, _)| path)
}

/// `~/.local/share/mtedu/worlds/<game>`: kept from one session to the next.
pub fn default_world(game: &str) -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("mtedu/worlds").join(game)
}
