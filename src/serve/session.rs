//! One serving session: the checks before anything reaches the server,
//! soft and hard reloads, the relay of the companion's events, restarts
//! after a crash (bounded) and the clean stop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::error::ServeError;
use super::explain::explain_callback;
use super::key::Key;
use super::layout::Layout;
use super::lock::WorldLock;
use super::media::{MediaState, compare, media_state};
use super::preset::Preset;
use super::process::{ServerProcess, log_tail};
use super::protocol::Channel;
use super::world::{WorldPlan, prepare, write_server_files};
use super::{backup, checker, links, snapshot};
use crate::diag::Report;
use crate::host::Host;

mod blame;
mod freeze;

/// How long the server may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the companion may take to answer a request.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);
/// Crashes allowed within [`CRASH_WINDOW`] before serve stops restarting.
const MAX_CRASHES: usize = 3;
const CRASH_WINDOW: Duration = Duration::from_secs(60);
/// How long players read the chat's warning before a restart.
pub const RESTART_WARNING: Duration = Duration::from_secs(1);

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub binary: PathBuf,
    pub world: PathBuf,
    pub game: String,
    pub preset: Preset,
    pub port: u16,
    pub bind: String,
    /// Watched mods: name → folder.
    pub mods: BTreeMap<String, PathBuf>,
    /// `HOME` for the server when not the user's (tests keep theirs apart).
    pub home: Option<PathBuf>,
    /// The teacher's player name: every privilege (see [`super::teacher`]).
    pub teacher: Option<String>,
    /// Set by Ctrl-C or SIGTERM: every wait gives up at once.
    pub stop: super::StopSignal,
}

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
    Safety(super::Safety),
    Stopped,
}

/// The host seen from `binary`: its data folder added last among the share
/// folders (its games win over another engine's, the user's still win), and
/// the version it reports (the newest known when it does not say).
fn for_server(mut host: Host, binary: &std::path::Path) -> (Host, crate::engine::EngineVersion) {
    use crate::host::engines::{parse_version, run_version, share_dir_of};
    if let Some(share) = share_dir_of(binary) {
        host.share_dirs
            .retain(|dir| dir.canonicalize().ok().as_ref() != Some(&share));
        host.share_dirs.push(share);
    }
    let engine = run_version(binary, std::time::Duration::from_secs(5))
        .as_deref()
        .and_then(parse_version)
        .and_then(|(_, version)| crate::engine::EngineVersion::for_reported(&version))
        .unwrap_or_else(crate::engine::EngineVersion::newest);
    (host, engine)
}

/// Turns an event into chat lines for the players: `(language code,
/// text)` pairs, the first for players whose language has none (empty:
/// nothing to say). Each player reads the line in the language of their
/// game.
pub type ChatText = Box<dyn Fn(&Event) -> Vec<(String, String)>>;

/// A running session.
pub struct Session {
    options: ServeOptions,
    layout: Layout,
    /// This PC's folders, with the server's own data folder (its games).
    host: Host,
    /// The version of the server, which the checks target.
    engine: crate::engine::EngineVersion,
    _lock: WorldLock,
    server: Option<ServerProcess>,
    /// Requests to the companion and its answers and events.
    channel: Channel,
    /// Shared with the companion of this server run, new at each start
    /// (see [`super::key`]).
    key: Key,
    /// Signatures of the code the server runs.
    live: BTreeMap<String, String>,
    /// What clients got of each watched mod's items when they joined.
    looks: BTreeMap<String, String>,
    /// The media files of each watched mod the server has.
    media: BTreeMap<String, MediaState>,
    crashes: Vec<Instant>,
    chat: ChatText,
    /// Each watched mod's real folder when serve started: what it copies
    /// and what the server reads.
    roots: BTreeMap<String, PathBuf>,
    /// Watched mods whose folder held a link out at the last look.
    refused: BTreeSet<String>,
    /// Watched mods left out since they froze the server (until saved).
    switched_off: BTreeSet<String>,
    /// When the companion was last pinged (see `session/freeze.rs`).
    /// And the server's processor time then.
    pinged: Option<(Instant, Option<Duration>)>,
    /// The players its last answer listed, not yet taken.
    seen_players: Option<Vec<String>>,
    /// The shutdown a mod asked this server run for (see `session/blame.rs`).
    shutdown_asked: Option<blame::ShutdownRequest>,
}

impl Session {
    /// Takes the world, checks the mods, prepares the world and starts
    /// the server.
    pub fn start(
        options: ServeOptions,
        host: Host,
        chat: ChatText,
        on_event: &mut dyn FnMut(Event),
    ) -> Result<Session, ServeError> {
        if options.mods.is_empty() {
            return Err(ServeError::NoMods);
        }
        let layout = Layout::new(&options.world);
        let lock = WorldLock::take(&layout)?;
        let (host, engine) = for_server(host, &options.binary);
        prepare(&layout, &plan_of(&options))?;
        let key = Key::random().map_err(ServeError::io(std::path::Path::new("/dev/urandom")))?;
        let channel = Channel::new(layout.io.clone(), key.clone());
        let mut session = Session {
            options,
            layout,
            host,
            engine,
            _lock: lock,
            server: None,
            channel,
            key,
            live: BTreeMap::new(),
            looks: BTreeMap::new(),
            media: BTreeMap::new(),
            crashes: Vec::new(),
            chat,
            roots: BTreeMap::new(),
            refused: BTreeSet::new(),
            switched_off: BTreeSet::new(),
            pinged: None,
            seen_players: None,
            shutdown_asked: None,
        };
        for (name, dir) in &session.options.mods {
            // A folder that is a link out of its parent gets the link as
            // its root: it is refused until a real folder is there.
            let root = links::root_of(dir).unwrap_or_else(|out| out.link);
            session.roots.insert(name.clone(), root);
        }
        session.look_for_links(on_event);
        let checked = session.check()?;
        if checked.has_errors() {
            on_event(Self::rejected(&checked, session.options.mods.keys()));
        }
        session.point_links(&checked, session.options.mods.keys())?;
        let started = Instant::now();
        session.start_server()?;
        session.live = checked.signatures;
        session.looks = checked.looks;
        session.media = media_of(&session.options.mods);
        on_event(Event::Started {
            port: session.options.port,
            took: started.elapsed(),
        });
        Ok(session)
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The version the server reports: every save is checked for it.
    pub fn engine(&self) -> crate::engine::EngineVersion {
        self.engine
    }

    /// The server's process id (tests use it to play a crash).
    pub fn server_pid(&self) -> Option<u32> {
        self.server.as_ref().map(ServerProcess::pid)
    }

    /// True once Ctrl-C or SIGTERM asked serve to stop.
    pub fn stop_requested(&self) -> bool {
        self.options.stop.is_requested()
    }

    /// The embedded check of the watched mods; [`ServeError::Stopped`] as
    /// soon as a stop is asked for, even while the mods' code still runs.
    fn check(&self) -> Result<checker::Checked, ServeError> {
        // A refused mod is checked as its last good copy (the server's).
        let mods: BTreeMap<String, PathBuf> = self
            .options
            .mods
            .iter()
            .filter_map(|(name, dir)| {
                if !self.refused.contains(name) {
                    return Some((name.clone(), dir.clone()));
                }
                let kept = self.layout.last_good.join(name);
                kept.is_dir().then(|| (name.clone(), kept))
            })
            .collect();
        checker::check_unless_stopped(
            &mods,
            &self.options.game,
            &self.host,
            self.engine,
            &self.options.stop,
        )
        .ok_or(ServeError::Stopped)?
        .map_err(|log| ServeError::StartFailed { log })
    }

    /// Looks for links out of each watched mod's folder (saved since the
    /// last look): each one found is told, and that mod served from its
    /// last good copy until its folder is clean again.
    fn look_for_links(&mut self, on_event: &mut dyn FnMut(Event)) {
        for (name, dir) in &self.options.mods {
            let root = &self.roots[name];
            match links::link_out(dir, root) {
                Some(out) => {
                    self.refused.insert(name.clone());
                    // The server must not follow it, even before a restart.
                    let _ = snapshot::serve_from(&self.layout, name, root, false)
                        .map(|kept| kept || std::fs::remove_file(self.layout.link(name)).is_ok());
                    on_event(Event::LinkRefused {
                        mod_name: name.clone(),
                        link: out.link,
                        target: out.target,
                    });
                }
                None => {
                    self.refused.remove(name);
                }
            }
        }
    }

    /// After a check: keeps a copy of the `fresh` mods when the files are
    /// good, and points the server at the pupils' folders (good) or at the
    /// last good copies (always for a refused mod); an error when a mod
    /// has none yet.
    fn point_links<'a>(
        &self,
        checked: &checker::Checked,
        fresh: impl IntoIterator<Item = &'a String>,
    ) -> Result<(), ServeError> {
        let good = !checked.has_errors();
        if good {
            for name in fresh {
                if !self.refused.contains(name) && self.options.mods.contains_key(name) {
                    snapshot::keep(&self.layout, name, &self.roots[name])?;
                }
            }
        }
        for name in self.options.mods.keys() {
            if self.switched_off.contains(name) {
                freeze::switch_off(&self.layout, name)?;
                continue;
            }
            let live = good && !self.refused.contains(name);
            if !snapshot::serve_from(&self.layout, name, &self.roots[name], live)? {
                return Err(ServeError::NoGoodVersion {
                    mod_name: name.clone(),
                });
            }
        }
        Ok(())
    }

    /// The event for files with errors (nothing goes to the server).
    fn rejected<'a>(
        checked: &checker::Checked,
        names: impl IntoIterator<Item = &'a String>,
    ) -> Event {
        Event::Rejected {
            mod_name: names.into_iter().cloned().collect::<Vec<_>>().join(", "),
            report: Report::new(checked.report.diagnostics.clone()),
        }
    }

    fn start_server(&mut self) -> Result<(), ServeError> {
        // A key for each server run: a mod the engine loaded before the
        // companion could read that run's key, never the next one's.
        self.key = Key::random().map_err(ServeError::io(std::path::Path::new("/dev/urandom")))?;
        self.channel = Channel::new(self.layout.io.clone(), self.key.clone());
        write_server_files(&self.layout, &plan_of(&self.options), &self.key)?;
        self.channel.reset();
        self.shutdown_asked = None;
        let mut server = ServerProcess::start(
            &self.options.binary,
            &self.layout,
            self.options.home.as_deref(),
        )?;
        server.wait_listening(START_TIMEOUT, &self.options.stop)?;
        self.server = Some(server);
        let answer = self.request("ping", json!({}))?;
        let running: Vec<&str> = answer["mods"]
            .as_array()
            .map(|mods| mods.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let missing: Vec<&str> = self
            .options
            .mods
            .keys()
            .map(String::as_str)
            .filter(|name| !running.contains(name))
            .collect();
        if !missing.is_empty() {
            let mut server = self.server.take();
            let log = server
                .as_ref()
                .map(|s| log_tail(&s.log_text()))
                .unwrap_or_default();
            if let Some(server) = server.as_mut() {
                server.stop(Duration::from_secs(5));
            }
            return Err(ServeError::StartFailed {
                log: format!("{}\n{log}", missing.join(", ")),
            });
        }
        if answer["map_ok"] == Value::Bool(false) {
            if let Some(mut server) = self.server.take() {
                server.stop(Duration::from_secs(5));
            }
            return Err(ServeError::WorldBroken {
                message: answer["map_error"].as_str().unwrap_or_default().to_owned(),
            });
        }
        Ok(())
    }

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

    /// Relays the companion's events and notices a crash; restarts the
    /// server (bounded) with the last good code.
    pub fn poll(&mut self, on_event: &mut dyn FnMut(Event)) {
        self.relay_events(on_event);
        self.notice_crash(on_event);
        self.watch_freeze(on_event);
    }

    /// The companion's events: callback errors told, shutdown requests kept.
    fn relay_events(&mut self, on_event: &mut dyn FnMut(Event)) {
        for event in self.channel.events() {
            if let Some(request) = blame::shutdown_request(&event) {
                self.shutdown_asked = request;
            } else if let Some(change) = super::safety::privileges_event(&event) {
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

    /// When the server stopped by itself: says so at once, restarts it
    /// (bounded) and says when it is back.
    fn notice_crash(&mut self, on_event: &mut dyn FnMut(Event)) {
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
    fn restart_bounded(&mut self, on_event: &mut dyn FnMut(Event)) -> bool {
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

    /// True while the server runs.
    pub fn is_serving(&self) -> bool {
        self.server.is_some()
    }

    /// Starts the server again after [`Event::GaveUp`] (on the next save).
    pub fn retry(&mut self, on_event: &mut dyn FnMut(Event)) {
        self.crashes.clear();
        self.switched_off.clear();
        self.restart_after_crash(on_event);
    }

    /// The players connected now (none when the server does not answer).
    fn players(&mut self) -> Vec<String> {
        self.request("ping", json!({}))
            .ok()
            .and_then(|answer| {
                answer["players"].as_array().map(|list| {
                    list.iter()
                        .filter_map(|p| p.as_str().map(str::to_owned))
                        .collect()
                })
            })
            .unwrap_or_default()
    }

    /// A request to the companion (state queries for tests and tools).
    pub fn ask(&mut self, action: &str, fields: Value) -> Result<Value, ServeError> {
        self.request(action, fields)
    }

    /// A request to the running server's companion; [`ServeError::ServerGone`]
    /// as soon as the server stops.
    fn request(&mut self, action: &str, fields: Value) -> Result<Value, ServeError> {
        let Some(server) = self.server.as_mut() else {
            return Err(ServeError::ServerGone);
        };
        let stop = &self.options.stop;
        let answer = self
            .channel
            .request(action, fields, ANSWER_TIMEOUT, &mut || {
                !server.has_exited() && !stop.is_requested()
            });
        match answer {
            Err(_) if stop.is_requested() => Err(ServeError::Stopped),
            answer => answer,
        }
    }

    fn tell_players(&mut self, event: &Event) {
        if self.server.is_none() {
            return;
        }
        let lines = (self.chat)(event);
        if !lines.is_empty() {
            let _ = self.request("chat", json!({"messages": lines}));
        }
    }

    /// Stops the server cleanly (the world is saved).
    pub fn stop(mut self, on_event: &mut dyn FnMut(Event)) {
        if let Some(mut server) = self.server.take() {
            server.stop(Duration::from_secs(10));
        }
        on_event(Event::Stopped);
    }
}

/// What the world and the server's files are made from.
fn plan_of(options: &ServeOptions) -> WorldPlan {
    WorldPlan {
        game: options.game.clone(),
        preset: options.preset,
        mods: options.mods.clone(),
        port: options.port,
        bind: options.bind.clone(),
        teacher: options.teacher.clone(),
    }
}

fn media_of(mods: &BTreeMap<String, PathBuf>) -> BTreeMap<String, MediaState> {
    mods.iter()
        .map(|(name, dir)| (name.clone(), media_state(dir)))
        .collect()
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
