//! Ctrl-C and SIGTERM during `serve`: one flag that every wait of a
//! session looks at (the embedded check of a save, the server's start, a
//! request to the companion, the main loop), so a stop is obeyed within a
//! fraction of a second whatever serve is doing — also while a pupil's
//! save runs for its whole time budget in the embedded engine.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a stop is asked for; clones share the flag. The default is
/// never set (tools and tests that stop a session themselves).
#[derive(Debug, Clone, Default)]
pub struct StopSignal(Arc<AtomicBool>);

impl StopSignal {
    /// Asks every session sharing this signal to stop (from a signal
    /// handler's thread too).
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
