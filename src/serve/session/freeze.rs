//! The frozen server: a pupil's `while true do end` in a callback stops
//! the real server's only Lua thread (the engine has no instruction
//! budget), so every player is stuck. The companion is pinged every
//! [`PING_EVERY`] without waiting; no answer for [`FROZEN_AFTER`] while a
//! ping waits for [`PING_WAITS`] means frozen (both: serve's own loop may
//! have been busy, sending no ping) when a mod's callback runs, and after
//! [`SILENT_UNKNOWN_AFTER`] when none does: said at once, the server is killed
//! (SIGTERM would wait for the stuck thread), and restarted with the mod
//! whose callback was running (`companion/running.lua`) switched off until
//! the pupil saves it again. Players who join are told why. A freeze counts
//! as a crash for the crash-loop limit.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::super::error::ServeError;
use super::super::layout::Layout;
use super::super::protocol::Posted;
use super::super::safety::{Running, Safety, parse_running};
use super::super::world::{point_link, write_atomically};
use super::{Event, Session};

/// How often the companion is pinged.
pub const PING_EVERY: Duration = Duration::from_millis(500);
/// How long the companion may stay silent before the server counts as
/// frozen.
pub const FROZEN_AFTER: Duration = Duration::from_secs(2);
/// How long the last ping must have waited too (an answer takes one
/// server step, 50 ms).
pub const PING_WAITS: Duration = Duration::from_secs(1);
/// How long it may stay silent while no mod's callback runs: the engine
/// itself is busy, or the machine overloaded (measured: a fresh server
/// silent for 2 s on a loaded machine), which a kill would not help.
pub const SILENT_UNKNOWN_AFTER: Duration = Duration::from_secs(10);

/// The file the companion rewrites on each callback's entry and exit.
const RUNNING_FILE: &str = "running";

impl Session {
    /// Pings the companion when it is time; handles a server frozen for
    /// [`FROZEN_AFTER`].
    pub(super) fn watch_freeze(&mut self, on_event: &mut dyn FnMut(Event)) {
        if self.server.is_none() {
            return;
        }
        match self.channel.posted() {
            Posted::Answered(answer) => self.seen_players = Some(players_of(&answer)),
            Posted::Waiting { sent, silent } if sent >= PING_WAITS && silent >= FROZEN_AFTER => {
                let running = running_now(&self.layout.io);
                if running.is_some() || silent >= SILENT_UNKNOWN_AFTER {
                    self.frozen(running, silent, on_event);
                }
                return;
            }
            Posted::Waiting { .. } => return,
            Posted::Nothing => {}
        }
        if self.pinged.is_none_or(|at| at.elapsed() >= PING_EVERY) {
            self.pinged = Some(Instant::now());
            let _ = self.channel.post("ping", json!({}));
        }
    }

    /// The players the last answered ping listed (once).
    pub fn take_players(&mut self) -> Option<Vec<String>> {
        self.seen_players.take()
    }

    fn frozen(
        &mut self,
        running: Option<Running>,
        silent: Duration,
        on_event: &mut dyn FnMut(Event),
    ) {
        let off = running
            .as_ref()
            .map(|r| r.mod_name.clone())
            .filter(|name| self.options.mods.contains_key(name));
        let event = Safety::Frozen {
            running,
            silent,
            switched_off: off.is_some(),
        };
        on_event(Event::Safety(event.clone()));
        if let Some(mut server) = self.server.take() {
            server.kill();
        }
        if let Some(name) = off {
            self.switched_off.insert(name.clone());
            // Its next save is served again, by a restart.
            self.live.remove(&name);
        }
        if self.restart_bounded(on_event) {
            let lines = (self.chat)(&Event::Safety(event));
            if !lines.is_empty() {
                let _ = self.request("notice", json!({"messages": lines}));
            }
        }
    }
}

/// The callback the server's companion last recorded as running.
fn running_now(io: &Path) -> Option<Running> {
    parse_running(&std::fs::read_to_string(io.join(RUNNING_FILE)).ok()?)
}

fn players_of(answer: &Value) -> Vec<String> {
    answer["players"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Points the server's link for `name` at an empty mod of that name: the
/// server still has the mod (nothing depending on it breaks) but runs none
/// of its code.
pub(super) fn switch_off(layout: &Layout, name: &str) -> Result<(), ServeError> {
    let dir = layout.switched_off.join(name);
    write_atomically(&dir.join("mod.conf"), format!("name = {name}\n").as_bytes())?;
    write_atomically(
        &dir.join("init.lua"),
        b"-- Switched off by mtedu serve: this mod froze the server.\n",
    )?;
    point_link(&layout.link(name), &dir)
}
