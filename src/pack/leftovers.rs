//! The hidden temporary files and folders of `pack` and `install`
//! (`.mtedu-pack-<pid>-…`, `.mtedu-install-<pid>-…`, `.mtedu-check-<pid>-…`).
//!
//! A run stopped by Ctrl-C or SIGTERM removes its own (the loops check
//! [`super::Progress::stopped`]); before a run writes into a folder it
//! removes those there of killed runs ([`crate::leftovers`]), or that
//! nothing has touched for an hour (a live run keeps writing).

use std::path::Path;
use std::time::Duration;

pub use crate::leftovers::prefix;

/// The temporary archive of `pack`, beside the output.
pub const PACK: &str = ".mtedu-pack-";
/// The temporary folder of `install`, beside the target.
pub const INSTALL: &str = ".mtedu-install-";
/// The folder the self-check extracts into, beside the output.
pub const CHECK: &str = ".mtedu-check-";

/// Older than this and untouched, a temporary file is abandoned whoever
/// owns it (a process id may have been reused).
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// Removes, in `dir`, what killed runs of pack or install left behind.
pub fn remove_stale(dir: &Path) {
    crate::leftovers::remove_stale(dir, &[PACK, INSTALL, CHECK], Some(ABANDONED_AFTER));
}
