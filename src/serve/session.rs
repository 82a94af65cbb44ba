//! One serving session: what it holds, the start (world taken, mods
//! checked, server started and its companion asked which mods it runs),
//! requests to the companion and the clean stop.
//!
//! The rest of a session's work is in `session/`: `event.rs` what it tells
//! (and the companion's events relayed), `checks.rs` the embedded check and
//! what the server is pointed at (pupils' folders, last good copies, links
//! refused), `reload.rs` a save (soft or hard reload), `crash.rs` restarts
//! after the server stopped by itself (bounded), `freeze.rs` the frozen
//! server, `blame.rs` what stopped it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::error::ServeError;
use super::key::Key;
use super::layout::Layout;
use super::links;
use super::lock::WorldLock;
use super::media::{MediaState, media_state};
use super::preset::Preset;
use super::process::{ServerProcess, log_tail};
use super::protocol::Channel;
use super::world::{WorldPlan, prepare, write_server_files};
use crate::host::Host;

mod blame;
mod checks;
mod crash;
mod event;
mod freeze;
mod reload;

pub use event::{ChatText, Event, HardReason};

/// How long the server may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the companion may take to answer a request.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);
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

    /// Relays the companion's events and notices a crash; restarts the
    /// server (bounded) with the last good code.
    pub fn poll(&mut self, on_event: &mut dyn FnMut(Event)) {
        self.relay_events(on_event);
        self.notice_crash(on_event);
        self.watch_freeze(on_event);
    }

    /// True while the server runs.
    pub fn is_serving(&self) -> bool {
        self.server.is_some()
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
