//! What stopped the server, from the evidence: a mod's
//! `core.request_shutdown` (the companion tells who called it, see
//! `companion/shutdown.lua`), else the log's error lines without the
//! companion's own caught errors, else nothing: the cause is unknown (an
//! empty log in [`Event::Crashed`]).

use serde_json::Value;

use super::super::process::error_lines;
use super::super::safety::Safety;
use super::Event;

/// A shutdown a mod asked for, as the companion told it.
#[derive(Debug, Clone)]
pub(super) struct ShutdownRequest {
    mod_name: String,
    place: String,
    message: String,
}

/// The request in a `shutdown_requested` event: `Some(None)` when it
/// cancels one, `None` for another event.
pub(super) fn shutdown_request(event: &Value) -> Option<Option<ShutdownRequest>> {
    if event["event"] != "shutdown_requested" {
        return None;
    }
    if event["cancel"] == Value::Bool(true) {
        return Some(None);
    }
    let text = |key: &str| event[key].as_str().unwrap_or_default().to_owned();
    Some(Some(ShutdownRequest {
        mod_name: text("mod"),
        place: text("place"),
        message: text("message"),
    }))
}

/// What to tell about a server that stopped by itself, given the shutdown
/// a mod asked for (if any) and the server's log of this run.
pub(super) fn stop_event(request: Option<ShutdownRequest>, log: &str) -> Event {
    if let Some(request) = request {
        return Event::Safety(Safety::ShutdownBy {
            mod_name: request.mod_name,
            place: request.place,
            message: request.message,
        });
    }
    let errors = error_lines(log);
    Event::Crashed {
        log: errors[errors.len().saturating_sub(8)..].join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_shutdown_asked_by_a_mod_is_blamed_on_that_mod_not_on_the_log() {
        let request = shutdown_request(&json!({"event": "shutdown_requested", "mod": "a",
            "place": "/m/a/init.lua:4", "message": "bye", "cancel": false}))
        .unwrap();
        let log = "ERROR[Main]: [mtedu] register_globalstep of b failed and is turned off: boom\n";
        match stop_event(request, log) {
            Event::Safety(Safety::ShutdownBy {
                mod_name, place, ..
            }) => {
                assert_eq!(
                    (mod_name.as_str(), place.as_str()),
                    ("a", "/m/a/init.lua:4")
                );
            }
            other => panic!("{other:?}"),
        }
        // No request and only the companion's caught error: unknown.
        match stop_event(None, log) {
            Event::Crashed { log } => assert_eq!(log, ""),
            other => panic!("{other:?}"),
        }
        let cancel = json!({"event": "shutdown_requested", "cancel": true});
        assert!(matches!(shutdown_request(&cancel), Some(None)));
    }
}
