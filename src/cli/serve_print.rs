//! How `mtedu serve` shows its session: one line per event in the user's
//! language (JSON with `--format json`), above the live status line; the
//! server's link paths turned back into the pupil's own folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use super::serve_status::StatusLine;
use super::{OutputFormat, OutputOptions};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::serve::addresses::addresses;
use crate::serve::session::RESTART_WARNING;
use crate::serve::{Event, HardReason, ServeOptions};

fn millis(took: &Duration) -> ArgValue {
    ArgValue::Number(took.as_millis() as i64)
}

pub(super) struct Printer<'a> {
    localizer: Localizer,
    output: &'a OutputOptions,
    /// The pupil whose server speaks (per-pupil serving) and their mods.
    pupil: std::cell::RefCell<(String, BTreeMap<String, PathBuf>)>,
    pub(super) status: StatusLine,
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
    pub(super) fn banner(&self, options: &ServeOptions) {
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
    pub(super) fn engine(&self, engine: crate::engine::EngineVersion, program: &Path) {
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
        let clock = crate::timestamp::clock(std::time::SystemTime::now());
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
                    ("mod", reason.mod_name().into()),
                    ("players", players.join(", ").into()),
                    ("seconds", ArgValue::Number(RESTART_WARNING.as_secs() as i64)),
                ],
                json!({"event": "restarting", "mod": reason.mod_name(), "players": players}),
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
