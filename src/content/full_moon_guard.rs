//! A guard around full_moon: its tokenizer and parser panic on some input
//! (a stray backtick reaches an `unreachable!`). [`catching`] turns such a
//! panic into `None` without printing it, so a pupil's file never crashes
//! mtedu; the caller reads `None` as "does not parse".

use std::cell::Cell;
use std::sync::Once;

thread_local! {
    /// Set while a guarded call runs: its panic is expected, not printed.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse`, turning a panic into `None` (without printing it).
pub fn catching<T>(parse: impl FnOnce() -> T) -> Option<T> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                default(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    GUARDED.with(|g| g.set(was));
    result.ok()
}
