//! What a session tells: the events for the terminal (and, translated,
//! the game's chat) and why a hard reload was needed; the companion's own
//! events relayed as such.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

use super::super::explain::explain_callback;
use super::super::safety::{Safety, privileges_event};
use super::{Session, blame};
use crate::diag::Report;

/// Why a hard reload was needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HardReason {
    /// The mod registers other names, crafts, ABMs… than the server has.
    NamesChanged(String),
    /// A texture, sound or model the players already have changed.
    MediaChanged(String),
    /// Re-running the mod in the live server did not work.
    SoftFailed { mod_name: String, message: String },
    /// Tiles, descriptions… changed while players are connected: the
    /// change reaches a client only when it joins again.
    LooksChanged {
        mod_name: String,
        players: Vec<String>,
    },
}

impl HardReason {
    /// The mod the hard reload is for.
    pub fn mod_name(&self) -> &str {
        match self {
            HardReason::NamesChanged(name) | HardReason::MediaChanged(name) => name,
            HardReason::SoftFailed { mod_name, .. } | HardReason::LooksChanged { mod_name, .. } => {
                mod_name
            }
        }
    }
}

/// What happened, for the terminal (and, translated, the game's chat).
#[derive(Debug)]
pub enum Event {
    Started {
        port: u16,
        took: Duration,
    },
    /// The files have errors: nothing was sent to the server.
    Rejected {
        mod_name: String,
        report: Report,
    },
    /// The check found warnings (the change goes on; terminal only).
    Warnings {
        mod_name: String,
        report: Report,
    },
    SoftReloaded {
        mod_name: String,
        took: Duration,
        /// What clients draw changed: players see it when they (re)join.
        looks_changed: bool,
    },
    /// Players are connected: the server restarts in [`RESTART_WARNING`]
    /// and shows them the engine's reconnect dialog.
    Restarting {
        reason: HardReason,
        players: Vec<String>,
    },
    HardReloaded {
        reason: HardReason,
        took: Duration,
    },
    /// A callback failed in the live server and was turned off.
    CallbackError {
        mod_name: String,
        callback: String,
        /// Lua's own text, as the server has it.
        message: String,
        /// The same error for a child, at the pupil's line.
        explained: crate::engine::explain::Explained,
    },
    /// The server stopped by itself; `log` holds its last error lines.
    Crashed {
        log: String,
    },
    /// The world did not load; the latest backup was put back.
    Restored {
        backup: PathBuf,
    },
    /// The server runs again after a crash; players can join.
    Back {
        took: Duration,
    },
    /// Too many crashes in a row: serve waits for the next save.
    GaveUp,
    /// A watched mod's folder is, or holds, a link leading out of it:
    /// nothing of it reaches the server, which keeps its last good copy.
    LinkRefused {
        mod_name: String,
        link: PathBuf,
        target: PathBuf,
    },
    /// The safety net against what a pupil's mod does to the server.
    Safety(Safety),
    Stopped,
}

/// Turns an event into chat lines for the players: `(language code,
/// text)` pairs, the first for players whose language has none (empty:
/// nothing to say). Each player reads the line in the language of their
/// game.
pub type ChatText = Box<dyn Fn(&Event) -> Vec<(String, String)>>;

impl Session {
    /// The companion's events: callback errors told, shutdown requests kept.
    pub(super) fn relay_events(&mut self, on_event: &mut dyn FnMut(Event)) {
        for event in self.channel.events() {
            if let Some(request) = blame::shutdown_request(&event) {
                self.shutdown_asked = request;
            } else if let Some(change) = privileges_event(&event) {
                on_event(Event::Safety(change));
            } else if event["event"] == "callback_error" {
                let message = event["message"].as_str().unwrap_or_default();
                let traceback = event["traceback"].as_str().unwrap_or_default();
                let event = Event::CallbackError {
                    mod_name: event["mod"].as_str().unwrap_or_default().to_owned(),
                    callback: event["callback"].as_str().unwrap_or_default().to_owned(),
                    message: message.to_owned(),
                    explained: explain_callback(&self.layout, &self.roots, message, traceback),
                };
                self.tell_players(&event);
                on_event(event);
            }
        }
    }

    pub(super) fn tell_players(&mut self, event: &Event) {
        if self.server.is_none() {
            return;
        }
        let lines = (self.chat)(event);
        if !lines.is_empty() {
            let _ = self.request("chat", json!({"messages": lines}));
        }
    }
}
