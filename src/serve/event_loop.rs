//! The loop a running `serve` turns until Ctrl-C or SIGTERM: each save of a watched
//! mod reloads it (or retries a server that is down), the server's events
//! are passed on, and the players the watchdog's pings list (see
//! `session/freeze.rs`) are shown; `serve --per-pupil` turns its class's
//! servers the same way.

use std::time::Duration;

use super::pupils::Class;
use super::watch::ModWatcher;
use super::{Event, Session, StopSignal};

/// How long one look for saved files waits.
const LOOK: Duration = Duration::from_millis(100);

/// Serves until the session's stop signal is set, then stops the server.
/// `on_players` gets the names of the players connected, each time the
/// server answers.
pub fn serve_until_stopped(
    mut session: Session,
    watcher: &mut ModWatcher,
    on_event: &mut dyn FnMut(Event),
    on_players: &mut dyn FnMut(Vec<String>),
) {
    while !session.stop_requested() {
        if let Some(players) = session.take_players() {
            on_players(players);
        }
        let changed = watcher.changed(LOOK);
        if !changed.is_empty() {
            if session.is_serving() {
                session.reload(&changed, on_event);
            } else {
                session.retry(on_event);
            }
        }
        session.poll(on_event);
    }
    session.stop(on_event);
}

/// Serves every pupil's server until `stop` is set, then stops them all.
pub fn serve_class_until_stopped(
    mut class: Class,
    stop: &StopSignal,
    on_event: &mut dyn FnMut(&str, Event),
) {
    while !stop.is_requested() {
        class.step(LOOK, on_event);
    }
    class.stop(on_event);
}
