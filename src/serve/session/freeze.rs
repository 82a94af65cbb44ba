//! The frozen server: a pupil's `while true do end` in a callback stops
//! the real server's only Lua thread (the engine has no instruction
//! budget), so every player is stuck. The companion is pinged every
//! [`PING_EVERY`] without waiting; no answer for [`FROZEN_AFTER`] while a
//! ping waits for [`PING_WAITS`] means frozen (both: serve's own loop may
//! have been busy, sending no ping) when a mod's callback runs and the
//! server keeps a core busy, after [`SILENT_UNKNOWN_AFTER`] when no
//! callback runs, after [`SILENT_IDLE_AFTER`] when it uses no processor
//! (slow, as on a busy disk): said at once, the server is killed
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
/// How long it may stay silent while no mod's callback runs (the engine
/// itself at work).
pub const SILENT_UNKNOWN_AFTER: Duration = Duration::from_secs(10);
/// A server silent without using the processor waits (on a disk, a lock):
/// a loop that never ends keeps a core busy. Slow, not frozen, it is
/// killed only after this long.
pub const SILENT_IDLE_AFTER: Duration = Duration::from_secs(60);
/// The share of one core a loop that never ends keeps using (a waiting
/// server uses next to none; the machine may be shared).
const BUSY_SHARE: f64 = 0.3;

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
                let busy = self.pinged.is_none_or(|(at, cpu)| {
                    let used = cpu.zip(self.server.as_ref().and_then(|s| cpu_time(s.pid())));
                    used.is_none_or(|(then, now)| {
                        now.saturating_sub(then).as_secs_f64()
                            >= BUSY_SHARE * at.elapsed().as_secs_f64()
                    })
                });
                let limit = match (busy, &running) {
                    (true, Some(_)) => FROZEN_AFTER,
                    (true, None) => SILENT_UNKNOWN_AFTER,
                    (false, _) => SILENT_IDLE_AFTER,
                };
                if silent >= limit {
                    self.frozen(running, silent, on_event);
                }
                return;
            }
            Posted::Waiting { .. } => return,
            Posted::Nothing => {}
        }
        if self.pinged.is_none_or(|(at, _)| at.elapsed() >= PING_EVERY) {
            let cpu = self.server.as_ref().and_then(|s| cpu_time(s.pid()));
            self.pinged = Some((Instant::now(), cpu));
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

/// The processor time process `pid` used so far (all its threads), from
/// `/proc/<pid>/stat`.
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command's `(name)`: state is the 1st field, utime the
    // 12th, stime the 13th.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf reads a constant of the system.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Some(Duration::from_millis(ticks * 1000 / per_second))
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

#[cfg(test)]
mod tests {
    use super::cpu_time;

    #[test]
    fn a_busy_process_uses_processor_time() {
        let before = cpu_time(std::process::id()).expect("/proc/<pid>/stat");
        let started = std::time::Instant::now();
        let mut x = 0u64;
        while started.elapsed() < std::time::Duration::from_millis(300) {
            x = std::hint::black_box(x.wrapping_add(1));
        }
        let after = cpu_time(std::process::id()).unwrap();
        assert!(after > before, "{before:?} → {after:?}");
    }
}
