//! The whole run's time (`mtedu test --timeout`): each piece of code gets
//! its own budget (`--time-limit`), cut short when the run's time is up;
//! what could not run then is reported as not run, never as passed.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{Status, TestResult};

/// The name a spec file's result gets when none of its tests could start.
pub const WHOLE_FILE: &str = "(the whole file)";

/// The time left to a run.
#[derive(Debug, Clone, Copy)]
pub struct RunClock {
    per_test: Duration,
    deadline: Option<Instant>,
}

impl RunClock {
    /// Starts counting now: `per_test` for each piece of code, `whole`
    /// for the run (none: no cap).
    pub fn start(per_test: Duration, whole: Option<Duration>) -> RunClock {
        RunClock {
            per_test,
            deadline: whole.map(|whole| Instant::now() + whole),
        }
    }

    /// True once the run's time is up.
    pub fn is_up(&self) -> bool {
        self.deadline.is_some_and(|end| Instant::now() >= end)
    }

    /// The budget of the next piece of code, and whether the run's end
    /// made it shorter than its own (so that running out of it means "the
    /// run's time is up", not "this code never ends").
    pub fn budget(&self) -> (Duration, bool) {
        match self.deadline {
            Some(end) => {
                let left = end.saturating_duration_since(Instant::now());
                if left < self.per_test {
                    (left.max(Duration::from_millis(1)), true)
                } else {
                    (self.per_test, false)
                }
            }
            None => (self.per_test, false),
        }
    }
}

/// A test (or, with [`WHOLE_FILE`], a whole spec file) the run had no time for.
pub fn not_run(file: &Path, name: &str) -> TestResult {
    TestResult::new(file, name, Status::NotRun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_cut_only_near_the_end() {
        let clock = RunClock::start(Duration::from_secs(10), None);
        assert_eq!(clock.budget(), (Duration::from_secs(10), false));
        assert!(!clock.is_up());
        let clock = RunClock::start(Duration::from_secs(10), Some(Duration::from_secs(2)));
        let (budget, cut) = clock.budget();
        assert!(cut && budget <= Duration::from_secs(2), "{budget:?}");
        let clock = RunClock::start(Duration::from_secs(10), Some(Duration::ZERO));
        assert!(clock.is_up());
        assert_eq!(clock.budget(), (Duration::from_millis(1), true));
    }
}
