//! `mtedu serve`: options from the flags, a world of mtedu's own when none
//! is given, the session's events shown in the user's language (and the
//! short ones sent to the game's chat), Ctrl-C for a clean stop.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use super::args::{PresetArg, ServeArgs};
use super::common::{environment_problems, exit_code, host, paths_or_current};
use super::serve_status::{StatusLine, lan_addresses};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::content::Workspace;
use crate::diag::ArgValue;
use crate::host::HostEnv;
use crate::host::engines::{EngineKind, find_programs};
use crate::i18n::Localizer;
use crate::serve::event_loop::serve_until_stopped;
use crate::serve::pupils::{self, Class, Pupil};
use crate::serve::session::RESTART_WARNING;
use crate::serve::teacher;
use crate::serve::watch::ModWatcher;
use crate::serve::{Event, HardReason, Preset, ServeError, ServeOptions, Session, StopSignal};

pub fn run(args: &ServeArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    // A folder typed wrong is said as such, not as "no mod found".
    let paths = paths_or_current(&args.paths);
    let problems = environment_problems(&paths, None, &host(false));
    if !problems.diagnostics.is_empty() {
        output.print_report(&problems);
        return exit_code(&problems);
    }
    match serve(args, output) {
        Ok(()) => EXIT_OK,
        // Ctrl-C before the server was ready: nothing is left running.
        Err(ServeError::Stopped) => {
            if output.format == OutputFormat::Json {
                outln!("{}", json!({"event": "stopped"}));
            } else if !output.quiet {
                outln!("{}", localizer.plain("serve-stopped"));
            }
            EXIT_OK
        }
        Err(error) => {
            errln!("{}", error_text(&error, &localizer));
            match error {
                ServeError::StartFailed { .. } => EXIT_FINDINGS,
                _ => EXIT_USAGE,
            }
        }
    }
}

fn serve(args: &ServeArgs, output: &OutputOptions) -> Result<(), ServeError> {
    let binary = match &args.server {
        Some(path) => path.clone(),
        None => server_program().ok_or(ServeError::NoServer)?,
    };
    let teacher = match &args.teacher {
        Some(name) if teacher::is_player_name(name) => Some(name.clone()),
        Some(name) => return Err(ServeError::BadTeacher { name: name.clone() }),
        None => teacher::default_teacher(teacher::login_name().as_deref()),
    };
    let template = ServeOptions {
        binary,
        world: args
            .world
            .clone()
            .unwrap_or_else(|| default_world(&args.game)),
        game: args.game.clone(),
        preset: match args.preset {
            PresetArg::Classroom => Preset::Classroom,
            PresetArg::Plain => Preset::Plain,
        },
        port: args.port,
        bind: args.bind.clone(),
        mods: BTreeMap::new(),
        home: None,
        teacher,
        stop: StopSignal::default(),
    };
    {
        // Ctrl-C, SIGTERM and SIGHUP (the `termination` feature): every
        // wait of the session gives up at once, then the server is stopped
        // cleanly.
        let stop = template.stop.clone();
        let _ = ctrlc::set_handler(move || stop.request());
    }
    if args.per_pupil {
        return serve_class(args, output, &template);
    }
    let workspace = Workspace::discover(&paths_or_current(&args.paths));
    let mods = pupils::mods_by_name(
        workspace
            .all_mods()
            .map(|m| (m.name.clone(), m.dir.clone())),
    )?;
    let options = ServeOptions {
        mods: mods.clone(),
        ..template
    };
    let chat: crate::serve::ChatText = chat_lines(output.lang);
    let printer = Printer::new(output, &args.bind, args.port);
    printer.set_pupil("", &mods);
    let mut on_event = |event: Event| printer.show(event);
    // Watching starts before the server: a save made while it starts is
    // seen at the first look.
    let mut watcher = ModWatcher::new(&mods).map_err(|error| ServeError::Io {
        path: PathBuf::from("."),
        error: std::io::Error::other(error.to_string()),
    })?;
    let session = Session::start(options.clone(), host(false), chat, &mut on_event)?;
    printer.engine(session.engine(), &options.binary);
    printer.banner(&options);
    printer.line(
        "serve-watching",
        &[(
            "mods",
            mods.keys().cloned().collect::<Vec<_>>().join(", ").into(),
        )],
        json!({"event": "watching", "mods": mods.keys().collect::<Vec<_>>()}),
    );
    serve_until_stopped(session, &mut watcher, &mut on_event, &mut |players| {
        printer.status.set_players(players)
    });
    Ok(())
}

/// `serve --per-pupil`: each path is a pupil's folder, served on a world
/// and a port of its own.
fn serve_class(
    args: &ServeArgs,
    output: &OutputOptions,
    template: &ServeOptions,
) -> Result<(), ServeError> {
    let mut class_pupils = Vec::new();
    for path in paths_or_current(&args.paths) {
        let workspace = Workspace::discover(std::slice::from_ref(&path));
        let mods = pupils::mods_by_name(
            workspace
                .all_mods()
                .map(|m| (m.name.clone(), m.dir.clone())),
        )?;
        if mods.is_empty() {
            return Err(ServeError::NoMods);
        }
        class_pupils.push(Pupil {
            name: crate::content::pupil_name(&path),
            mods,
        });
    }
    let worlds = args
        .world
        .clone()
        .unwrap_or_else(|| default_world(&format!("{}-pupils", args.game)));
    let printer = Printer::new(output, &args.bind, args.port);
    let lang = output.lang;
    let chat = move || chat_lines(lang);
    let mods_of: BTreeMap<String, BTreeMap<String, PathBuf>> = class_pupils
        .iter()
        .map(|p| (p.name.clone(), p.mods.clone()))
        .collect();
    let mut on_event = |pupil: &str, event: Event| {
        printer.set_pupil(pupil, &mods_of[pupil]);
        printer.show(event);
    };
    let mut class = Class::start(
        &class_pupils,
        template,
        &worlds,
        args.port,
        &host(false),
        &chat,
        &mut on_event,
    )?;
    printer.set_pupil("", &BTreeMap::new());
    // One program for every pupil: one version, said once.
    if let Some(first) = class.servers.first() {
        printer.engine(first.session.engine(), &template.binary);
    }
    printer.class_table(&class.ports(), template);
    while !template.stop.is_requested() {
        class.step(Duration::from_millis(100), &mut on_event);
    }
    class.stop(&mut on_event);
    Ok(())
}

/// The first server program found (`mtedu doctor` lists them).
fn server_program() -> Option<PathBuf> {
    find_programs(&HostEnv::from_env())
        .into_iter()
        .find(|(_, kind, _)| *kind == EngineKind::Server)
        .map(|(path, _, _)| path)
}

/// `~/.local/share/mtedu/worlds/<game>`: kept from one session to the next.
fn default_world(game: &str) -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("mtedu/worlds").join(game)
}

fn millis(took: &Duration) -> ArgValue {
    ArgValue::Number(took.as_millis() as i64)
}

/// The chat lines of an event: the terminal's language first (for
/// players whose game speaks another), then every catalogue's (public for
/// the tests that play a session on the real server).
pub fn chat_lines(first: crate::i18n::Lang) -> crate::serve::ChatText {
    let mut langs = vec![first];
    langs.extend(crate::i18n::Lang::ALL.into_iter().filter(|l| *l != first));
    let localizers: Vec<(String, Localizer)> = langs
        .into_iter()
        .map(|lang| (lang.code().to_owned(), Localizer::new(lang)))
        .collect();
    Box::new(move |event| {
        localizers
            .iter()
            .filter_map(|(code, localizer)| Some((code.clone(), chat_text(event, localizer)?)))
            .collect()
    })
}

/// The short message players see in the game, or none.
fn chat_text(event: &Event, localizer: &Localizer) -> Option<String> {
    let text = match event {
        Event::Rejected { mod_name, report } => {
            let first = report.diagnostics.first()?;
            let message = localizer.text(first.code.message_key(), &first.args);
            let place = match first.span {
                Some(span) => format!("{}:{}", crate::content::folder_name(&first.path), span.line),
                None => crate::content::folder_name(&first.path),
            };
            localizer.text(
                "serve-rejected-chat",
                &[
                    ("mod", mod_name.as_str().into()),
                    ("place", place.into()),
                    ("message", message.into()),
                ],
            )
        }
        Event::SoftReloaded { mod_name, .. } => {
            localizer.text("serve-soft-chat", &[("mod", mod_name.as_str().into())])
        }
        Event::Restarting { reason, .. } => localizer.text(
            match reason {
                HardReason::LooksChanged { .. } => "serve-restart-looks-chat",
                _ => "serve-restart-chat",
            },
            &[
                ("mod", reason_mod(reason).into()),
                (
                    "seconds",
                    ArgValue::Number(RESTART_WARNING.as_secs() as i64),
                ),
            ],
        ),
        Event::CallbackError {
            mod_name,
            explained,
            ..
        } => super::serve_explain::chat_text(mod_name, explained, localizer),
        Event::Safety(event) => return super::serve_safety::chat_text(event, localizer),
        _ => return None,
    };
    Some(text)
}

/// The mod a hard reload is for.
fn reason_mod(reason: &HardReason) -> String {
    match reason {
        HardReason::NamesChanged(name) | HardReason::MediaChanged(name) => name.clone(),
        HardReason::SoftFailed { mod_name, .. } | HardReason::LooksChanged { mod_name, .. } => {
            mod_name.clone()
        }
    }
}

pub(super) struct Printer<'a> {
    localizer: Localizer,
    output: &'a OutputOptions,
    /// The pupil whose server speaks (per-pupil serving) and their mods.
    pupil: std::cell::RefCell<(String, BTreeMap<String, PathBuf>)>,
    status: StatusLine,
}

impl<'a> Printer<'a> {
    pub(super) fn new(output: &'a OutputOptions, bind: &str, port: u16) -> Printer<'a> {
        Printer {
            localizer: Localizer::new(output.lang),
            output,
            pupil: Default::default(),
            status: StatusLine::new(
                output.format == OutputFormat::Human && !output.quiet,
                format!("{}:{port}", addresses(bind).join(" / ")),
                Localizer::new(output.lang),
            ),
        }
    }

    pub(super) fn set_pupil(&self, pupil: &str, mods: &BTreeMap<String, PathBuf>) {
        *self.pupil.borrow_mut() = (pupil.to_owned(), mods.clone());
    }

    pub(super) fn line(&self, key: &str, args: &[(&str, ArgValue)], document: serde_json::Value) {
        let pupil = self.pupil.borrow().0.clone();
        // Texts from the pupils' code (messages, names) reach the terminal
        // with their control characters made visible; JSON keeps them exact.
        let visible: Vec<(&str, ArgValue)> = args
            .iter()
            .map(|(name, value)| match value {
                ArgValue::Text(text) => (
                    *name,
                    ArgValue::Text(crate::diag::visible_line(text).into_owned()),
                ),
                ArgValue::Number(_) => (*name, value.clone()),
            })
            .collect();
        let args = visible.as_slice();
        match self.output.format {
            OutputFormat::Json if pupil.is_empty() => outln!("{document}"),
            OutputFormat::Json => {
                let mut document = document;
                document["pupil"] = pupil.into();
                outln!("{document}")
            }
            OutputFormat::Human if pupil.is_empty() => {
                self.status.println(&self.localizer.text(key, args))
            }
            OutputFormat::Human => self
                .status
                .println(&format!("[{pupil}] {}", self.localizer.text(key, args))),
        }
    }

    /// Where players connect and who the teacher is, after the start.
    fn banner(&self, options: &ServeOptions) {
        let shown = addresses(&options.bind);
        self.line(
            "serve-join",
            &[
                ("addresses", shown.join(", ").into()),
                ("port", ArgValue::Number(options.port.into())),
            ],
            json!({"event": "join", "addresses": shown, "port": options.port}),
        );
        self.teacher_line(options);
    }

    /// Which engine the server is: the version each save is checked for.
    fn engine(&self, engine: crate::engine::EngineVersion, program: &Path) {
        self.line(
            "serve-engine",
            &[
                ("version", engine.to_string().into()),
                ("program", program.display().to_string().into()),
            ],
            json!({"event": "engine", "version": engine.short(), "name": engine.to_string(), "program": program}),
        );
    }

    fn teacher_line(&self, options: &ServeOptions) {
        if let Some(teacher) = &options.teacher {
            self.line(
                "serve-teacher",
                &[("name", teacher.as_str().into())],
                json!({"event": "teacher", "name": teacher}),
            );
        }
    }

    /// « alice → 192.168.1.20:30001 », one line per pupil.
    pub(super) fn class_table(&self, ports: &[(String, u16)], options: &ServeOptions) {
        let address = addresses(&options.bind)
            .into_iter()
            .next()
            .unwrap_or_default();
        self.line(
            "serve-class",
            &[("count", ArgValue::Number(ports.len() as i64))],
            json!({"event": "class", "servers": ports.iter().map(|(pupil, port)| json!({"pupil": pupil, "address": address, "port": port})).collect::<Vec<_>>()}),
        );
        if self.output.format == OutputFormat::Human {
            let width = ports
                .iter()
                .map(|(p, _)| p.chars().count())
                .max()
                .unwrap_or(0);
            for (pupil, port) in ports {
                self.status
                    .println(&format!("  {pupil:<width$} → {address}:{port}"));
            }
        }
        self.teacher_line(options);
    }

    /// Paths of the server's links → the pupil's own folders.
    pub(super) fn pupil_paths(&self, text: &str) -> String {
        let mods = self.pupil.borrow().1.clone();
        mods.iter().fold(text.to_owned(), |text, (name, dir)| {
            // `<parent>/.<world>.mtedu/mods/<name>/` (serve::Layout::link).
            let shown = format!(".mtedu/mods/{name}/");
            match text.find(&shown) {
                Some(at) => {
                    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
                    format!(
                        "{}{}/{}",
                        &text[..start],
                        dir.display(),
                        &text[at + shown.len()..]
                    )
                }
                None => text,
            }
        })
    }

    pub(super) fn show(&self, event: Event) {
        let clock = clock();
        match &event {
            Event::SoftReloaded { mod_name, .. } => {
                self.status.set_last(format!("{clock} {mod_name}"));
            }
            Event::HardReloaded { .. } | Event::Started { .. } | Event::Back { .. } => {
                self.status.set_last(clock.clone());
            }
            Event::Rejected { mod_name, .. } | Event::CallbackError { mod_name, .. } => {
                self.status.set_error(format!("{clock} {mod_name}"));
            }
            Event::Crashed { .. } | Event::Safety(crate::serve::Safety::Frozen { .. }) => {
                self.status.set_error(clock.clone())
            }
            _ => {}
        }
        match event {
            Event::Started { port, took } => self.line(
                "serve-started",
                &[
                    ("port", ArgValue::Number(port.into())),
                    ("ms", millis(&took)),
                ],
                json!({"event": "started", "port": port, "ms": took.as_millis() as u64}),
            ),
            Event::Rejected { mod_name, report } => {
                self.line(
                    "serve-rejected",
                    &[("mod", mod_name.as_str().into())],
                    json!({"event": "rejected", "mod": mod_name}),
                );
                self.status.suspend(|| self.output.print_report(&report));
            }
            Event::Warnings { mod_name, report } => {
                self.line(
                    "serve-warnings",
                    &[("mod", mod_name.as_str().into())],
                    json!({"event": "warnings", "mod": mod_name}),
                );
                self.status.suspend(|| self.output.print_report(&report));
            }
            Event::SoftReloaded {
                mod_name,
                took,
                looks_changed,
            } => self.line(
                if looks_changed {
                    "serve-soft-looks"
                } else {
                    "serve-soft"
                },
                &[("mod", mod_name.as_str().into()), ("ms", millis(&took))],
                json!({"event": "soft_reload", "mod": mod_name, "ms": took.as_millis() as u64, "rejoin_to_see": looks_changed}),
            ),
            Event::Restarting { reason, players } => self.line(
                "serve-restarting",
                &[
                    ("mod", reason_mod(&reason).into()),
                    ("players", players.join(", ").into()),
                    ("seconds", ArgValue::Number(RESTART_WARNING.as_secs() as i64)),
                ],
                json!({"event": "restarting", "mod": reason_mod(&reason), "players": players}),
            ),
            Event::HardReloaded { reason, took } => {
                let (key, mod_name, message) = match &reason {
                    HardReason::NamesChanged(name) => {
                        ("serve-hard-names", name.clone(), String::new())
                    }
                    HardReason::MediaChanged(name) => {
                        ("serve-hard-media", name.clone(), String::new())
                    }
                    HardReason::LooksChanged { mod_name, players } => {
                        ("serve-hard-looks", mod_name.clone(), players.join(", "))
                    }
                    HardReason::SoftFailed { mod_name, message } => (
                        "serve-hard-failed",
                        mod_name.clone(),
                        self.pupil_paths(message),
                    ),
                };
                self.line(
                    key,
                    &[
                        ("mod", mod_name.as_str().into()),
                        ("message", message.as_str().into()),
                        ("ms", millis(&took)),
                    ],
                    json!({"event": "hard_reload", "mod": mod_name, "message": message, "ms": took.as_millis() as u64}),
                );
            }
            Event::CallbackError {
                mod_name,
                callback,
                message,
                explained,
            } => {
                let message = self.pupil_paths(&message);
                let (args, document) = super::serve_explain::terminal(
                    &mod_name,
                    &callback,
                    &message,
                    &explained,
                    &self.localizer,
                );
                self.line("serve-callback-error", &args, document);
                if self.output.verbose > 0 && self.output.format == OutputFormat::Human {
                    self.line("label-detail", &[("detail", message.into())], Value::Null);
                }
            }
            Event::Crashed { log } => self.line(
                if log.is_empty() {
                    "serve-crashed-unknown"
                } else {
                    "serve-crashed"
                },
                &[("log", self.pupil_paths(&log).into())],
                json!({"event": "crashed", "log": log}),
            ),
            Event::Restored { backup } => self.line(
                "serve-restored",
                &[("backup", backup.display().to_string().into())],
                json!({"event": "restored", "backup": backup}),
            ),
            Event::Back { took } => self.line(
                "serve-back",
                &[("ms", millis(&took))],
                json!({"event": "back", "ms": took.as_millis() as u64}),
            ),
            Event::GaveUp => self.line("serve-gave-up", &[], json!({"event": "gave_up"})),
            Event::LinkRefused {
                mod_name,
                link,
                target,
            } => self.line(
                "serve-link-outside",
                &[
                    ("mod", mod_name.as_str().into()),
                    ("link", link.display().to_string().into()),
                    ("target", target.display().to_string().into()),
                ],
                json!({"event": "link_refused", "mod": mod_name, "link": link, "target": target}),
            ),
            Event::Safety(event) => self.safety(event),
            Event::Stopped => self.line("serve-stopped", &[], json!({"event": "stopped"})),
        }
    }
}

pub(super) fn error_text(error: &ServeError, localizer: &Localizer) -> String {
    match error {
        ServeError::NoServer => localizer.plain("serve-no-server"),
        ServeError::NoMods => localizer.plain("serve-no-mods"),
        ServeError::Busy { world } => localizer.text(
            "serve-busy",
            &[("world", world.display().to_string().into())],
        ),
        ServeError::WrongGame { world, has, wanted } => localizer.text(
            "serve-wrong-game",
            &[
                ("world", world.display().to_string().into()),
                ("has", has.as_str().into()),
                ("wanted", wanted.as_str().into()),
            ],
        ),
        ServeError::Io { path, error } => localizer.text(
            "serve-io",
            &[
                ("path", path.display().to_string().into()),
                ("error", error.to_string().into()),
            ],
        ),
        ServeError::StartFailed { log } => {
            localizer.text("serve-start-failed", &[("log", log.as_str().into())])
        }
        ServeError::NoGoodVersion { mod_name } => localizer.text(
            "serve-no-good-version",
            &[("mod", mod_name.as_str().into())],
        ),
        ServeError::WorldBroken { message } => localizer.text(
            "serve-world-broken",
            &[("message", message.as_str().into())],
        ),
        ServeError::ServerGone => localizer.plain("serve-server-gone"),
        ServeError::SameName { mod_name, folders } => {
            let pupils: Vec<String> = folders
                .iter()
                .map(|folder| {
                    folder
                        .parent()
                        .map(|p| crate::diag::relative_to_cwd(p).display().to_string())
                        .unwrap_or_default()
                })
                .collect();
            localizer.text(
                "serve-same-name",
                &[
                    ("mod", mod_name.as_str().into()),
                    (
                        "folders",
                        folders
                            .iter()
                            .map(|f| crate::diag::relative_to_cwd(f).display().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                    ("pupils", pupils.join(" ").into()),
                ],
            )
        }
        ServeError::SamePupil { pupil } => {
            localizer.text("serve-same-pupil", &[("pupil", pupil.as_str().into())])
        }
        ServeError::NoPort => localizer.plain("serve-no-port"),
        ServeError::BadTeacher { name } => {
            localizer.text("serve-bad-teacher", &[("name", name.as_str().into())])
        }
        ServeError::NoAnswer { action } => {
            localizer.text("serve-no-answer", &[("action", action.as_str().into())])
        }
        ServeError::Stopped => localizer.plain("serve-stopped"),
    }
}

/// `14:03:27`, local time: when something happened.
fn clock() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as libc::time_t)
        .unwrap_or(0);
    // SAFETY: localtime_r writes only into the struct it is given.
    let mut parts: libc::tm = unsafe { std::mem::zeroed() };
    unsafe {
        libc::localtime_r(&now, &mut parts);
    }
    format!(
        "{:02}:{:02}:{:02}",
        parts.tm_hour, parts.tm_min, parts.tm_sec
    )
}

/// What players type to connect: this PC's network addresses when serving
/// the network (loopback when it has none), else the address given.
pub(super) fn addresses(bind: &str) -> Vec<String> {
    if bind != "0.0.0.0" {
        return vec![bind.to_owned()];
    }
    let found: Vec<String> = lan_addresses().iter().map(|ip| ip.to_string()).collect();
    if found.is_empty() {
        vec!["127.0.0.1".to_owned()]
    } else {
        found
    }
}
