//! One `serve` per world: an OS file lock, released even when mtedu is
//! killed, so a stale lock never blocks a class.

use std::fs::{File, TryLockError};

use super::error::ServeError;
use super::layout::Layout;

/// Held for the whole session.
pub struct WorldLock {
    _file: File,
}

impl WorldLock {
    pub fn take(layout: &Layout) -> Result<WorldLock, ServeError> {
        std::fs::create_dir_all(&layout.state).map_err(ServeError::io(&layout.state))?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&layout.lock)
            .map_err(ServeError::io(&layout.lock))?;
        match file.try_lock() {
            Ok(()) => Ok(WorldLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(ServeError::Busy {
                world: layout.world.clone(),
            }),
            Err(TryLockError::Error(error)) => Err(ServeError::Io {
                path: layout.lock.clone(),
                error,
            }),
        }
    }
}
