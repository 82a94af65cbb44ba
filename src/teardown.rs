//! What a one-shot command leaves to the operating system. `mtedu lint`
//! and `mtedu check` end the process right after printing: freeing a
//! whole game's syntax trees and its Lua state piece by piece then costs
//! milliseconds the exit does at once (C compilers' drivers skip the same
//! work). [`dispose`] drops a value, except in such a command, where it is
//! left for the exit. Anything that runs on (serve, a lesson session, the
//! library's other callers, the tests) never sets the flag, so it frees
//! everything.

use std::sync::atomic::{AtomicBool, Ordering};

static ONE_SHOT: AtomicBool = AtomicBool::new(false);

/// Says the process ends once the current command has printed: called by
/// the command line for the commands that lint or check once.
pub fn ends_after_this_command() {
    ONE_SHOT.store(true, Ordering::Relaxed);
}

/// Frees `value`, or leaves it to the exit in a one-shot command.
pub fn dispose<T>(value: T) {
    if ONE_SHOT.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}
