//! The loop a running `serve` turns until Ctrl-C or SIGTERM: each save of a watched
//! mod reloads it (or retries a server that is down), the server's events
//! are passed on, and every 2 s the server is asked who is playing.

use std::time::{Duration, Instant};

use serde_json::json;

use super::watch::ModWatcher;
use super::{Event, Session};

/// How long one look for saved files waits.
const LOOK: Duration = Duration::from_millis(100);

/// How often the server is asked for its players.
const PING_EVERY: Duration = Duration::from_secs(2);

/// Serves until the session's stop signal is set, then stops the server.
/// `on_players` gets the names of the players connected, each time the
/// server answers.
pub fn serve_until_stopped(
    mut session: Session,
    watcher: &mut ModWatcher,
    on_event: &mut dyn FnMut(Event),
    on_players: &mut dyn FnMut(Vec<String>),
) {
    let mut asked = Instant::now();
    while !session.stop_requested() {
        if asked.elapsed() > PING_EVERY && session.is_serving() {
            asked = Instant::now();
            if let Ok(answer) = session.ask("ping", json!({})) {
                let players = answer["players"]
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .filter_map(|p| p.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                on_players(players);
            }
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
