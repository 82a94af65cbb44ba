//! `mtedu class DIR`: the dashboard first (it says "starting" while the
//! servers start), the checks thread, one real server per pupil, then the
//! loop that relays saves and events until Ctrl-C, which stops every
//! server (each world saved) and leaves the page saying the session ended.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::actions::{Asked, Desk, Order, carry_out};
use super::board::{Board, ServerState};
use super::checks::{self, PupilFolder};
use super::config::{ClassConfig, ConfigError, STATE_DIR};
use super::dashboard::{Dashboard, Shared};
use super::guard::Guard;
use super::inbox::Inbox;
use crate::host::Host;
use crate::host::engines::{parse_version, run_version};
use crate::i18n::Lang;
use crate::serve::pupils::{Class, Pupil, mods_in};
use crate::serve::{ChatText, Event, Preset, ServeError, ServeOptions, StopSignal};

/// How `mtedu class DIR` runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub dir: PathBuf,
    /// The dashboard's address and port (0: any free port).
    pub bind: String,
    pub port: u16,
    /// The first pupil's game port.
    pub game_port: u16,
    pub stuck_after: Duration,
    /// The server program (else class.toml's, else the first found).
    pub server: Option<PathBuf>,
    pub lang: Lang,
}

/// What the terminal is told.
pub enum Said<'a> {
    /// The dashboard listens; the servers start next.
    Listening {
        address: SocketAddr,
        code: &'a str,
        token: &'a str,
    },
    /// Every server runs: pupil → game port.
    Ready {
        ports: Vec<(String, u16)>,
        template: &'a ServeOptions,
    },
    Server(&'a str, Event),
    /// A pupil's server could not start; tried again once their mod loads.
    NotStarted(&'a str, ServeError),
    /// Ctrl-C: the servers are stopping.
    Ending,
}

/// Why the class could not run.
#[derive(Debug)]
pub enum RunError {
    Config(ConfigError),
    /// A pupil of class.toml has no folder, or no mod in it.
    NoPupilMod(PathBuf),
    Serve(ServeError),
    /// The dashboard's port could not be opened.
    Listen(String, std::io::Error),
}

/// The server program: `--server`, else class.toml's `engine`, else the
/// first one found on this PC.
fn server_program(server: Option<&PathBuf>, config: &ClassConfig) -> Option<PathBuf> {
    if let Some(server) = server {
        return Some(server.clone());
    }
    if config.engine != "auto" && !config.engine.is_empty() {
        return Some(PathBuf::from(&config.engine));
    }
    crate::serve::defaults::server_program()
}

/// The game of the class's lesson (`minetest_game` when it names none).
pub fn lesson_game(config: &ClassConfig) -> String {
    crate::lessons::find_lesson(&config.lesson)
        .map(|b| b.lesson.game)
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| "minetest_game".to_owned())
}

/// The engine version `binary` reports, as the embedded engine simulates
/// it (the newest when it cannot tell).
pub fn engine_of(binary: &Path) -> crate::engine::EngineVersion {
    run_version(binary, Duration::from_secs(5))
        .as_deref()
        .and_then(parse_version)
        .and_then(|(_, version)| crate::engine::EngineVersion::for_reported(&version))
        .unwrap_or_else(crate::engine::EngineVersion::newest)
}

/// The class's engine version: `server`, else class.toml's, else the
/// first server found; the newest when there is none.
pub fn class_engine(server: Option<PathBuf>, config: &ClassConfig) -> crate::engine::EngineVersion {
    server_program(server.as_ref(), config)
        .map(|binary| engine_of(&binary))
        .unwrap_or_else(crate::engine::EngineVersion::newest)
}

/// Each pupil's folder and mods, in class.toml's order.
pub fn pupil_folders(dir: &Path, config: &ClassConfig) -> Result<Vec<PupilFolder>, RunError> {
    let mut folders = Vec::new();
    for pupil in &config.pupils {
        let folder = dir.join(pupil);
        let mods = mods_in(std::slice::from_ref(&folder)).map_err(RunError::Serve)?;
        if mods.is_empty() {
            return Err(RunError::NoPupilMod(folder));
        }
        folders.push(PupilFolder {
            pupil: pupil.clone(),
            dir: folder,
            mods,
        });
    }
    Ok(folders)
}

/// How often the players of each server are asked for.
const PLAYERS_EVERY: Duration = Duration::from_secs(3);
/// How often a pupil whose server could not start is tried again (when
/// their mod checks clean).
const RETRY_EVERY: Duration = Duration::from_secs(2);
/// How long the page may still ask after the end, to say so.
const LAST_LOOK: Duration = Duration::from_millis(1500);

/// Runs the class until `stop`.
pub fn run_class(
    options: &RunOptions,
    stop: &StopSignal,
    chat: &dyn Fn() -> ChatText,
    say: &mut dyn FnMut(Said),
) -> Result<(), RunError> {
    let config = ClassConfig::read(&options.dir).map_err(RunError::Config)?;
    let folders = pupil_folders(&options.dir, &config)?;
    let binary = server_program(options.server.as_ref(), &config)
        .ok_or(RunError::Serve(ServeError::NoServer))?;
    let bundled = crate::lessons::find_lesson(&config.lesson);
    let game = lesson_game(&config);
    let lesson_title = bundled
        .as_ref()
        .map(|b| {
            [
                ("en", b.lesson.title.en.clone()),
                ("fr", b.lesson.title.fr.clone()),
            ]
            .into_iter()
            .collect()
        })
        .unwrap_or_default();
    let ports: Vec<(String, u16)> = folders
        .iter()
        .enumerate()
        .map(|(i, f)| (f.pupil.clone(), options.game_port.saturating_add(i as u16)))
        .collect();
    let board = Arc::new(Board::new(&ports, lesson_title, options.stuck_after));
    let host = Host::detect();
    let engine = engine_of(&binary);
    let lint = crate::lint::LintOptions {
        game: Some(game.clone()),
        limits: crate::engine::Limits::default(),
        play: true,
        engine,
    };
    let keys = Arc::new(super::keys::ClassKeys::open(&options.dir.join(STATE_DIR)));
    let push = Inbox::new(
        options.dir.clone(),
        config.code.clone(),
        folders.clone(),
        board.clone(),
        crate::lint::LintOptions {
            play: false,
            ..lint.clone()
        },
        host.clone(),
        keys.clone(),
    )
    .handler();
    let teacher =
        crate::serve::teacher::default_teacher(crate::serve::teacher::login_name().as_deref());
    let (desk, orders) = Desk::new(teacher.clone().unwrap_or_default());
    let shared = Arc::new(Shared {
        board: board.clone(),
        token: config.teacher_token.clone(),
        lang: options.lang,
        guard: Guard::default(),
        push,
        desk,
        class_dir: options.dir.clone(),
        pupils: config.pupils.clone(),
        keys,
    });
    let dashboard = Dashboard::start(&options.bind, options.port, shared)
        .map_err(|e| RunError::Listen(format!("{}:{}", options.bind, options.port), e))?;
    say(Said::Listening {
        address: dashboard.address,
        code: &config.code,
        token: &config.teacher_token,
    });
    let checks_stop = Arc::new(AtomicBool::new(false));
    let checker = checks::spawn(
        board.clone(),
        folders.clone(),
        lint,
        host.clone(),
        checks_stop.clone(),
    );
    let template = ServeOptions {
        binary,
        world: PathBuf::new(),
        game,
        preset: Preset::Classroom,
        port: options.game_port,
        bind: options.bind.clone(),
        mods: BTreeMap::new(),
        home: None,
        stop: stop.clone(),
        teacher: teacher.clone(),
    };
    let pupils: Vec<Pupil> = folders
        .iter()
        .map(|f| Pupil {
            name: f.pupil.clone(),
            mods: f.mods.clone(),
        })
        .collect();
    let worlds = options.dir.join(STATE_DIR).join("worlds");
    let mut class = Class {
        servers: Vec::new(),
    };
    // One at a time: a pupil whose mod cannot start yet (broken from the
    // start, nothing good to fall back on) waits for a save that loads;
    // the others go on.
    let mut waiting: Vec<(Pupil, u16)> = Vec::new();
    for (pupil, (_, port)) in pupils.into_iter().zip(&ports) {
        if stop.is_requested() {
            break;
        }
        start_one(
            &mut class,
            &mut waiting,
            pupil,
            *port,
            &template,
            &worlds,
            &host,
            chat,
            &board,
            say,
        );
    }
    say(Said::Ready {
        ports: class.ports(),
        template: &template,
    });
    let mut retried = Instant::now();
    // The teacher's last freeze, for servers that start later.
    let mut frozen = false;
    let mut asked = Instant::now();
    while !stop.is_requested() {
        class.step(Duration::from_millis(100), &mut |pupil, event| {
            match &event {
                Event::Crashed { .. } | Event::GaveUp => board.server(pupil, ServerState::Crashed),
                Event::Back { .. } => board.server(pupil, ServerState::Running),
                _ => {}
            }
            say(Said::Server(pupil, event));
        });
        while let Ok(Asked { order, reply }) = orders.try_recv() {
            let mods_of = |pupil: &str| {
                folders
                    .iter()
                    .find(|f| f.pupil == pupil)
                    .map(|f| f.mods.keys().cloned().collect())
                    .unwrap_or_default()
            };
            let outcome = carry_out(
                &mut class,
                &order,
                teacher.as_deref().unwrap_or_default(),
                &mods_of,
                &mut |pupil, event| say(Said::Server(pupil, event)),
            );
            if let Order::Freeze(on) = order
                && outcome.answered > 0
            {
                frozen = on;
            }
            let _ = reply.send(outcome);
        }
        if !waiting.is_empty() && retried.elapsed() >= RETRY_EVERY {
            retried = Instant::now();
            let ready: Vec<(Pupil, u16)> = {
                let clean = |name: &str| {
                    board.pupils().iter().any(|p| {
                        p.name == name && p.checked.as_ref().is_some_and(|c| c.errors == 0)
                    })
                };
                let (ready, still): (Vec<_>, Vec<_>) =
                    waiting.drain(..).partition(|(p, _)| clean(&p.name));
                waiting = still;
                ready
            };
            for (pupil, port) in ready {
                let name = pupil.name.clone();
                start_one(
                    &mut class,
                    &mut waiting,
                    pupil,
                    port,
                    &template,
                    &worlds,
                    &host,
                    chat,
                    &board,
                    say,
                );
                // Started after the teacher froze everyone: frozen too.
                if frozen && let Some(server) = class.servers.iter_mut().find(|s| s.pupil == name) {
                    let _ = server
                        .session
                        .ask("freeze", serde_json::json!({"frozen": true}));
                }
            }
        }
        if asked.elapsed() >= PLAYERS_EVERY {
            asked = Instant::now();
            for server in &mut class.servers {
                if server.session.is_serving() {
                    let players = server
                        .session
                        .ask("ping", serde_json::json!({}))
                        .ok()
                        .and_then(|a| a["players"].as_array().cloned())
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|p| p.as_str().map(str::to_owned))
                        .collect();
                    board.players(&server.pupil, players);
                }
            }
        }
    }
    board.end();
    say(Said::Ending);
    class.stop(&mut |pupil, event| {
        board.server(pupil, ServerState::Stopped);
        say(Said::Server(pupil, event));
    });
    checks_stop.store(true, Ordering::SeqCst);
    let _ = checker.join();
    std::thread::sleep(LAST_LOOK);
    dashboard.stop();
    Ok(())
}

/// Starts `pupil`'s server into `class`, or puts them in `waiting`.
#[allow(clippy::too_many_arguments)]
fn start_one(
    class: &mut Class,
    waiting: &mut Vec<(Pupil, u16)>,
    pupil: Pupil,
    port: u16,
    template: &ServeOptions,
    worlds: &Path,
    host: &Host,
    chat: &dyn Fn() -> ChatText,
    board: &Board,
    say: &mut dyn FnMut(Said),
) {
    let mut on_event = |name: &str, event: Event| {
        match &event {
            Event::Started { .. } | Event::Back { .. } => board.server(name, ServerState::Running),
            Event::Crashed { .. } | Event::GaveUp => board.server(name, ServerState::Crashed),
            _ => {}
        }
        say(Said::Server(name, event));
    };
    match Class::start(
        std::slice::from_ref(&pupil),
        template,
        worlds,
        port,
        host,
        chat,
        &mut on_event,
    ) {
        Ok(started) => class.servers.extend(started.servers),
        Err(error) => {
            board.server(&pupil.name, ServerState::Waiting);
            say(Said::NotStarted(&pupil.name, error));
            waiting.push((pupil, port));
        }
    }
}
