//! When the server stops by itself: the stop told at once with its cause,
//! restarts with the last good code, bounded ([`MAX_CRASHES`] within
//! [`CRASH_WINDOW`], then serve waits for the next save), the latest
//! backup put back when the world no longer loads.

use std::time::{Duration, Instant};

use super::super::backup;
use super::super::process::ServerProcess;
use super::{Event, Session, blame};

/// Crashes allowed within [`CRASH_WINDOW`] before serve stops restarting.
const MAX_CRASHES: usize = 3;
const CRASH_WINDOW: Duration = Duration::from_secs(60);

impl Session {
    /// When the server stopped by itself: says so at once, restarts it
    /// (bounded) and says when it is back.
    pub(super) fn notice_crash(&mut self, on_event: &mut dyn FnMut(Event)) {
        let crashed = self.server.as_mut().is_some_and(ServerProcess::has_exited);
        if !crashed {
            return;
        }
        // What the companion wrote before the server ended.
        self.relay_events(on_event);
        let log = self.server.take().map(|s| s.log_text()).unwrap_or_default();
        on_event(blame::stop_event(self.shutdown_asked.take(), &log));
        self.restart_bounded(on_event);
    }

    /// Counts a crash; restarts the server unless there were too many in
    /// [`CRASH_WINDOW`]. True when it runs again.
    pub(super) fn restart_bounded(&mut self, on_event: &mut dyn FnMut(Event)) -> bool {
        let now = Instant::now();
        self.crashes
            .retain(|at| now.duration_since(*at) < CRASH_WINDOW);
        self.crashes.push(now);
        if self.crashes.len() > MAX_CRASHES {
            on_event(Event::GaveUp);
            return false;
        }
        self.restart_after_crash(on_event);
        self.server.is_some()
    }

    /// Starts the server again with the last good code; [`Event::Back`]
    /// once players can join.
    fn restart_after_crash(&mut self, on_event: &mut dyn FnMut(Event)) {
        let started = Instant::now();
        self.start_again(on_event);
        if self.server.is_some() {
            on_event(Event::Back {
                took: started.elapsed(),
            });
        }
    }

    fn start_again(&mut self, on_event: &mut dyn FnMut(Event)) {
        self.look_for_links(on_event);
        let checked = match self.check() {
            Ok(checked) => checked,
            Err(_) => return,
        };
        if checked.has_errors() {
            on_event(Self::rejected(&checked, self.options.mods.keys()));
        }
        if let Err(error) = self.point_links(&checked, self.options.mods.keys()) {
            on_event(Event::Crashed {
                log: error.to_string(),
            });
            return;
        }
        if let Err(first) = self.start_server() {
            self.server = None;
            let Some(latest) = backup::list(&self.layout).pop() else {
                on_event(Event::Crashed {
                    log: first.to_string(),
                });
                return;
            };
            if backup::restore(&self.layout, &latest).is_ok() {
                on_event(Event::Restored { backup: latest });
                if let Err(error) = self.start_server() {
                    self.server = None;
                    on_event(Event::Crashed {
                        log: error.to_string(),
                    });
                }
            }
        }
    }

    /// Starts the server again after [`Event::GaveUp`] (on the next save).
    pub fn retry(&mut self, on_event: &mut dyn FnMut(Event)) {
        self.crashes.clear();
        self.switched_off.clear();
        self.restart_after_crash(on_event);
    }
}
