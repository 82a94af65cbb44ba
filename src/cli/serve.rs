//! `mtedu serve`: options from the flags, a world of mtedu's own when none
//! is given, the session's events shown in the user's language
//! (`serve_print.rs`; the short ones sent to the game's chat:
//! `serve_chat.rs`), Ctrl-C for a clean stop, serve's errors told. The work
//! is in `crate::serve`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::json;

use super::args::{PresetArg, ServeArgs};
use super::common::{environment_problems, exit_code, host, paths_or_current};
use super::serve_chat::chat_lines;
use super::serve_print::Printer;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::i18n::Localizer;
use crate::serve::defaults::{default_world, server_program};
use crate::serve::event_loop::{serve_class_until_stopped, serve_until_stopped};
use crate::serve::pupils::{self, Class};
use crate::serve::teacher;
use crate::serve::watch::ModWatcher;
use crate::serve::{Event, Preset, ServeError, ServeOptions, Session, StopSignal};

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
    let mods = pupils::mods_in(&paths_or_current(&args.paths))?;
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
    let class_pupils = pupils::pupils_of(&paths_or_current(&args.paths))?;
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
    let class = Class::start(
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
    serve_class_until_stopped(class, &template.stop, &mut on_event);
    Ok(())
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
