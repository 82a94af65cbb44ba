//! Wrong class codes and teacher tokens: each is answered 403, and an
//! address that keeps guessing is refused (429) for a minute before its
//! guess is even compared, so a code of six characters cannot be found by
//! trying.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong guesses allowed per address within [`WINDOW`].
pub const MAX_FAILURES: usize = 5;
pub const WINDOW: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct Guard {
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl Guard {
    /// False while `address` has had too many wrong guesses lately.
    pub fn allowed(&self, address: IpAddr, now: Instant) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let list = failures.entry(address).or_default();
        list.retain(|at| now.duration_since(*at) < WINDOW);
        list.len() < MAX_FAILURES
    }

    /// One more wrong guess from `address`.
    pub fn failed(&self, address: IpAddr, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.entry(address).or_default().push(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_that_keeps_guessing_waits_a_minute_and_others_do_not() {
        let guard = Guard::default();
        let guesser: IpAddr = "192.0.2.7".parse().unwrap();
        let other: IpAddr = "192.0.2.8".parse().unwrap();
        let start = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert!(guard.allowed(guesser, start));
            guard.failed(guesser, start);
        }
        assert!(!guard.allowed(guesser, start + Duration::from_secs(30)));
        assert!(guard.allowed(other, start));
        assert!(guard.allowed(guesser, start + WINDOW));
    }
}
