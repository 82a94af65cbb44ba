//! A save of watched mods: the embedded check first, then a soft reload
//! in the live server when it can take the change (same names, crafts,
//! media, looks while players are connected), else a hard reload: players
//! told, the world backed up, the server restarted (the backup put back
//! when the world no longer loads).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::super::backup;
use super::super::error::ServeError;
use super::super::media::{compare, media_state};
use super::{Event, HardReason, RESTART_WARNING, Session};
use crate::diag::Report;

impl Session {
    /// Handles saves of `changed` mods: check, then soft or hard reload.
    pub fn reload(&mut self, changed: &BTreeSet<String>, on_event: &mut dyn FnMut(Event)) {
        let started = Instant::now();
        self.look_for_links(on_event);
        // A refused mod's save goes nowhere; the others' go on.
        let changed: &BTreeSet<String> = &changed.difference(&self.refused).cloned().collect();
        if changed.is_empty() {
            return;
        }
        // A mod switched off for freezing the server is back once saved.
        for name in changed {
            self.switched_off.remove(name);
        }
        let checked = match self.check() {
            Ok(checked) => checked,
            Err(ServeError::Stopped) => return,
            Err(error) => {
                on_event(Event::Crashed {
                    log: error.to_string(),
                });
                return;
            }
        };
        if checked.has_errors() {
            let event = Self::rejected(&checked, changed);
            self.tell_players(&event);
            on_event(event);
            return;
        }
        if !checked.warnings.diagnostics.is_empty() {
            on_event(Event::Warnings {
                mod_name: changed.iter().cloned().collect::<Vec<_>>().join(", "),
                report: Report::new(checked.warnings.diagnostics.clone()),
            });
        }
        // The server may have been started on last good copies: from now on
        // it reads the pupils' folders again.
        let _ = self.point_links(&checked, changed);
        let renamed = changed
            .iter()
            .find(|name| checked.signatures.get(*name) != self.live.get(*name));
        let mut added = Vec::new();
        let mut replaced = None;
        for name in changed {
            let Some(dir) = self.options.mods.get(name) else {
                continue;
            };
            let now = media_state(dir);
            let before = self
                .media
                .insert(name.clone(), now.clone())
                .unwrap_or_default();
            let change = compare(&before, &now);
            if !change.replaced.is_empty() {
                replaced = Some(name.clone());
            }
            added.extend(change.added.into_iter().map(|file| (name.clone(), file)));
        }
        // What connected clients draw changed: they see it only after a
        // rejoin (item definitions reach a client once, when it joins).
        let new_looks: BTreeSet<String> = changed
            .iter()
            .filter(|name| checked.looks.get(*name) != self.looks.get(*name))
            .cloned()
            .collect();
        let reason = match (renamed, replaced) {
            (Some(name), _) => Some(HardReason::NamesChanged(name.clone())),
            (None, Some(name)) => Some(HardReason::MediaChanged(name)),
            (None, None) => match self.send_media(&added) {
                Some(reason) => Some(reason),
                None => {
                    let players = self.players();
                    match new_looks.first() {
                        Some(name) if !players.is_empty() => Some(HardReason::LooksChanged {
                            mod_name: name.clone(),
                            players,
                        }),
                        _ => self.soft_reload(changed, &new_looks, started, on_event),
                    }
                }
            },
        };
        if self.server.is_some() {
            self.looks = checked.looks.clone();
        }
        if let Some(reason) = reason {
            match self.hard_reload(&reason, on_event) {
                Ok(()) => {
                    self.live = checked.signatures;
                    self.looks = checked.looks;
                    on_event(Event::HardReloaded {
                        reason,
                        took: started.elapsed(),
                    });
                }
                Err(error) => on_event(Event::Crashed {
                    log: error.to_string(),
                }),
            }
        }
        self.notice_crash(on_event);
    }

    /// Sends new media files to the players; the reason for a hard
    /// reload when the server refuses one.
    fn send_media(&mut self, added: &[(String, PathBuf)]) -> Option<HardReason> {
        for (name, file) in added {
            let path = self.layout.link(name).join(file);
            let answer = self.request("media", json!({"path": path.display().to_string()}));
            if matches!(answer, Err(ServeError::ServerGone)) {
                return None;
            }
            if !matches!(&answer, Ok(value) if value["ok"] == Value::Bool(true)) {
                return Some(HardReason::SoftFailed {
                    mod_name: name.clone(),
                    message: format!("{}", file.display()),
                });
            }
        }
        None
    }

    /// Soft reloads each mod; the reason for a hard reload when one fails.
    fn soft_reload(
        &mut self,
        changed: &BTreeSet<String>,
        new_looks: &BTreeSet<String>,
        started: Instant,
        on_event: &mut dyn FnMut(Event),
    ) -> Option<HardReason> {
        for name in changed {
            let answer = self.request("reload", json!({"mod": name}));
            match answer {
                Ok(value) if value["ok"] == Value::Bool(true) => {
                    let event = Event::SoftReloaded {
                        mod_name: name.clone(),
                        took: started.elapsed(),
                        looks_changed: new_looks.contains(name),
                    };
                    self.tell_players(&event);
                    on_event(event);
                }
                Ok(value) => {
                    return Some(HardReason::SoftFailed {
                        mod_name: name.clone(),
                        message: value["error"].as_str().unwrap_or_default().to_owned(),
                    });
                }
                // A crash: told and handled by `notice_crash`, not a reason
                // to restart on purpose.
                Err(ServeError::ServerGone) => return None,
                Err(error) => {
                    return Some(HardReason::SoftFailed {
                        mod_name: name.clone(),
                        message: error.to_string(),
                    });
                }
            }
        }
        None
    }

    /// Asks the server to stop (players are told to reconnect), backs the
    /// world up, starts again; puts the backup back when the world no
    /// longer loads.
    fn hard_reload(
        &mut self,
        reason: &HardReason,
        on_event: &mut dyn FnMut(Event),
    ) -> Result<(), ServeError> {
        let mut message = "mtedu".to_owned();
        let players = match reason {
            HardReason::LooksChanged { players, .. } => players.clone(),
            _ => self.players(),
        };
        let nobody = players.is_empty();
        if !nobody {
            // Players read why first; the same words are in the engine's
            // reconnect dialog.
            let warning = Event::Restarting {
                reason: reason.clone(),
                players,
            };
            let lines = (self.chat)(&warning);
            if let Some((_, text)) = lines.first() {
                message = text.clone();
                let _ = self.request("chat", json!({"messages": lines}));
            }
            on_event(warning);
            std::thread::sleep(RESTART_WARNING);
        }
        if nobody && let Some(mut server) = self.server.take() {
            // Nobody to send away: SIGTERM saves the world as a shutdown
            // request does, without waiting for a request and a server step.
            server.stop(Duration::from_secs(15));
        } else if self.server.is_some() {
            // Of the ways to send players away, only a shutdown with the
            // reconnect flag shows 5.6.1's "Reconnect" button (kick_player
            // and disconnect_player show an error with "OK" only).
            let asked = self.request("shutdown", json!({"message": message, "reconnect": true}));
            let mut server = self.server.take().expect("checked above");
            if asked.is_err() || !server.wait_saved(Duration::from_secs(10), &self.options.stop) {
                server.stop(Duration::from_secs(5));
            }
        }
        let backup = backup::take(&self.layout)?;
        match self.start_server() {
            Ok(()) => Ok(()),
            Err(first) => {
                self.server = None;
                if !world_failed(&first) {
                    return Err(first);
                }
                backup::restore(&self.layout, &backup)?;
                self.start_server()?;
                Ok(())
            }
        }
    }
}

/// True when a failed start looks like the world's fault (its files),
/// not the mods'.
fn world_failed(error: &ServeError) -> bool {
    match error {
        ServeError::WorldBroken { .. } => true,
        ServeError::StartFailed { log } => {
            !log.contains("ModError") && !log.contains("Runtime error")
        }
        _ => false,
    }
}
