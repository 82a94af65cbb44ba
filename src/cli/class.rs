//! `mtedu class new DIR --lesson N NAMES…`: a class folder; `mtedu class
//! DIR`: the servers and the dashboard until Ctrl-C; said in the
//! animator's language (server events as `serve` says them). The work is
//! in `crate::class`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

use super::args::{ClassArgs, ClassCommand, ClassJoinArgs, ClassNewArgs};
use super::lessons::lesson_or_say;
use super::serve::error_text;
use super::serve_chat::chat_lines;
use super::serve_print::Printer;
use super::{EXIT_OK, EXIT_USAGE, OutputOptions};
use crate::class::config::ConfigError;
use crate::class::names::{NameProblem, names_in_file};
use crate::class::run::{RunError, RunOptions, Said};
use crate::class::{ClassError, create_class};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::serve::StopSignal;
use crate::serve::addresses::addresses;

pub fn run(args: &ClassArgs, output: &OutputOptions) -> i32 {
    match &args.command {
        Some(ClassCommand::New(new)) => new_class(new, output),
        Some(ClassCommand::Join(join)) => join_class(join, output),
        Some(ClassCommand::Showcase(showcase)) => super::class_showcase::run(showcase, output),
        None => run_class(args, output),
    }
}

fn run_class(args: &ClassArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let options = RunOptions {
        dir: args.dir.clone().unwrap_or_else(|| PathBuf::from(".")),
        bind: args.bind.clone(),
        port: args.port,
        game_port: args.game_port,
        stuck_after: Duration::from_secs(args.stuck_minutes.max(1) * 60),
        server: args.server.clone(),
        lang: output.lang,
    };
    let stop = StopSignal::default();
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.request());
    }
    let printer = Printer::new(output, &args.bind, args.game_port);
    let folders = crate::class::config::ClassConfig::read(&options.dir)
        .ok()
        .and_then(|config| crate::class::run::pupil_folders(&options.dir, &config).ok())
        .unwrap_or_default();
    let mods_of = |pupil: &str| {
        folders
            .iter()
            .find(|f| f.pupil == pupil)
            .map(|f| f.mods.clone())
            .unwrap_or_default()
    };
    let lang = output.lang;
    let chat = move || chat_lines(lang);
    let shown = |address: std::net::SocketAddr| {
        let host = addresses(&args.bind).into_iter().next().unwrap_or_default();
        format!("{host}:{}", address.port())
    };
    let result = crate::class::run::run_class(&options, &stop, &chat, &mut |said| match said {
        Said::Listening {
            address,
            code,
            token,
        } => {
            let address = shown(address);
            printer.line(
                "class-listening-page",
                &[("address", address.clone().into())],
                json!({"event": "dashboard", "address": address}),
            );
            printer.line(
                "class-listening-pupils",
                &[("address", address.clone().into()), ("code", code.into())],
                json!({"event": "join", "address": address, "code": code}),
            );
            printer.line(
                "class-listening-teacher",
                &[("address", address.clone().into()), ("token", token.into())],
                json!({"event": "teacher", "address": address, "token": token}),
            );
        }
        Said::Ready { ports, template } => {
            printer.set_pupil("", &BTreeMap::new());
            printer.class_table(&ports, template);
        }
        Said::Server(pupil, event) => {
            printer.set_pupil(pupil, &mods_of(pupil));
            printer.show(event);
        }
        Said::NotStarted(pupil, error) => {
            printer.set_pupil(pupil, &mods_of(pupil));
            let text = error_text(&error, &localizer);
            printer.line(
                "class-not-started",
                &[("reason", text.clone().into())],
                json!({"event": "not_started", "reason": text}),
            );
        }
        Said::Ending => {
            printer.set_pupil("", &BTreeMap::new());
            printer.line("class-ending", &[], json!({"event": "ending"}));
        }
    });
    match result {
        Ok(()) => {
            printer.set_pupil("", &BTreeMap::new());
            printer.line("class-ended", &[], json!({"event": "ended"}));
            EXIT_OK
        }
        Err(error) => {
            errln!("{}", run_error(&error, &localizer));
            EXIT_USAGE
        }
    }
}

fn run_error(error: &RunError, localizer: &Localizer) -> String {
    match error {
        RunError::Config(error) => config_error(error, localizer),
        RunError::NoPupilMod(path) => {
            localizer.text("class-no-pupil-mod", &[("path", path_arg(path))])
        }
        RunError::Serve(error) => error_text(error, localizer),
        RunError::Listen(address, error) => localizer.text(
            "class-listen-failed",
            &[
                ("address", address.as_str().into()),
                ("error", error.to_string().into()),
            ],
        ),
    }
}

/// Why class.toml could not be used, in words.
pub(super) fn config_error(error: &ConfigError, localizer: &Localizer) -> String {
    match error {
        ConfigError::Missing(path) => {
            localizer.text("class-config-missing", &[("path", path_arg(path))])
        }
        ConfigError::Unreadable(path, error) => localizer.text(
            "class-config-unreadable",
            &[
                ("path", path_arg(path)),
                ("error", error.to_string().into()),
            ],
        ),
        ConfigError::Invalid(path, error) => localizer.text(
            "class-config-invalid",
            &[("path", path_arg(path)), ("error", error.as_str().into())],
        ),
    }
}

pub(super) fn path_arg(path: &std::path::Path) -> ArgValue {
    path.display().to_string().into()
}

fn new_class(args: &ClassNewArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let Some(bundled) = lesson_or_say(&args.lesson, &localizer) else {
        return EXIT_USAGE;
    };
    let mut pupils = args.pupils.clone();
    if let Some(file) = &args.names {
        match crate::bounded_read::read_regular_capped(file, 1024 * 1024) {
            Ok(bytes) => pupils.extend(names_in_file(&String::from_utf8_lossy(&bytes))),
            Err(error) => {
                let pairs = [
                    ("path", path_arg(file)),
                    ("error", error.to_string().into()),
                ];
                errln!("{}", localizer.text("class-names-unreadable", &pairs));
                return EXIT_USAGE;
            }
        }
    }
    match create_class(&args.dir, &bundled, &pupils, &args.engine) {
        Ok(created) => {
            let dir = path_arg(&created.dir);
            let title = bundled.lesson.title.get(output.lang).to_owned();
            let count = ArgValue::Number(created.config.pupils.len() as i64);
            let pairs = [
                ("dir", dir.clone()),
                ("count", count),
                ("title", title.into()),
            ];
            outln!("{}", localizer.text("class-created", &pairs));
            if !output.quiet {
                let code = ("code", created.config.code.clone().into());
                outln!("{}", localizer.text("class-created-code", &[code]));
                outln!("{}", localizer.text("class-created-next", &[("dir", dir)]));
            }
            EXIT_OK
        }
        Err(error) => {
            for line in error_lines(&error, &localizer) {
                errln!("{line}");
            }
            EXIT_USAGE
        }
    }
}

/// What went wrong, one line each (every bad name is told at once).
fn error_lines(error: &ClassError, localizer: &Localizer) -> Vec<String> {
    match error {
        ClassError::NoPupils => vec![localizer.plain("class-no-pupils")],
        ClassError::Exists(path) => {
            vec![localizer.text("class-exists", &[("path", path_arg(path))])]
        }
        ClassError::Io(path, error) => {
            let pairs = [
                ("path", path_arg(path)),
                ("error", error.to_string().into()),
            ];
            vec![localizer.text("class-io-failed", &pairs)]
        }
        ClassError::BadNames(problems) => problems
            .iter()
            .map(|problem| name_problem(problem, localizer))
            .collect(),
    }
}

fn name_problem(problem: &NameProblem, localizer: &Localizer) -> String {
    match problem {
        NameProblem::Invalid { name, suggestion } if suggestion.is_empty() => {
            localizer.text("class-name-invalid-bare", &[("name", name.as_str().into())])
        }
        NameProblem::Invalid { name, suggestion } => localizer.text(
            "class-name-invalid",
            &[
                ("name", name.as_str().into()),
                ("suggestion", suggestion.as_str().into()),
            ],
        ),
        NameProblem::Twice { name, other } => localizer.text(
            "class-name-twice",
            &[
                ("name", name.as_str().into()),
                ("other", other.as_str().into()),
            ],
        ),
        NameProblem::Reserved { name } => {
            localizer.text("class-name-reserved", &[("name", name.as_str().into())])
        }
    }
}

fn join_class(args: &ClassJoinArgs, output: &OutputOptions) -> i32 {
    use crate::class::join::{JoinError, JoinOptions, Pushed, run_join};
    let localizer = Localizer::new(output.lang);
    let options = JoinOptions {
        url: args.url.clone(),
        name: args.name.clone(),
        code: args.code.clone(),
        dir: args.dir.clone().unwrap_or_else(|| PathBuf::from(".")),
        lang: output.lang,
        keys_file: crate::host::HostEnv::from_env().in_home(crate::class::keys::PUPIL_KEYS),
    };
    let stop = StopSignal::default();
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.request());
    }
    let said = run_join(&options, args.once, &stop, &mut |pushed| match pushed {
        Pushed::Answered { text, ok: true, .. } => outln!("{}", text.trim_end()),
        Pushed::Answered { text, .. } => errln!("{}", text.trim_end()),
        Pushed::Unreachable(_) => errln!(
            "{}",
            localizer.text(
                "class-join-unreachable",
                &[("url", args.url.as_str().into())]
            )
        ),
        Pushed::KeyNotKept(file, error) => errln!(
            "{}",
            localizer.text(
                "class-join-key-not-kept",
                &[
                    ("path", path_arg(file)),
                    ("error", error.to_string().into())
                ]
            )
        ),
        Pushed::NotZipped(finding) => {
            let report = crate::diag::Report::new(vec![finding.clone()]);
            output.print_report(&report);
        }
    });
    match said {
        Ok(true) => EXIT_OK,
        Ok(false) => super::EXIT_FINDINGS,
        Err(JoinError::NotOneMod(dir, count)) => {
            let pairs = [
                ("dir", path_arg(&dir)),
                ("count", ArgValue::Number(count as i64)),
            ];
            errln!("{}", localizer.text("class-join-not-one-mod", &pairs));
            EXIT_USAGE
        }
    }
}
