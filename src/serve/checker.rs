//! The gate before the live server: the watched mods are loaded in the
//! embedded engine; errors stop the change there, and what the mods
//! register decides between a soft and a hard reload. The load runs on a
//! thread of its own ([`check_unless_stopped`]): a save whose code runs
//! for its whole time budget never keeps serve from obeying Ctrl-C.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::stop::StopSignal;

use crate::diag::{Report, Severity};
use crate::engine::inspect::{InspectOptions, inspect};
use crate::host::Host;

/// The embedded engine's verdict on the current files.
pub struct Checked {
    /// Findings of the load (errors block the change).
    pub report: Report,
    /// Warnings about the watched mods' own files (shown, never blocking).
    pub warnings: Report,
    /// Per watched mod: what a live server cannot change in place.
    pub signatures: BTreeMap<String, String>,
    /// Per watched mod: what connected clients got of its items when they
    /// joined (a change reaches them only when they rejoin).
    pub looks: BTreeMap<String, String>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The stack of the check's thread: as deep as the main thread's (the
/// engine's C calls recurse), reserved, not used, until needed.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// How often the wait for the check looks at `stop`.
const LOOK: Duration = Duration::from_millis(50);

/// [`check`] on a thread of its own, waited for until `stop` is requested:
/// `None` then (the thread is left to end with the process; its budget
/// ends it soon anyway).
pub fn check_unless_stopped(
    mods: &BTreeMap<String, PathBuf>,
    game: &str,
    host: &Host,
    engine: crate::engine::EngineVersion,
    stop: &StopSignal,
) -> Option<Result<Checked, String>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let (mods, game, host) = (mods.clone(), game.to_owned(), host.clone());
    let spawned = std::thread::Builder::new()
        .name("mtedu-serve-check".to_owned())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let _ = sender.send(check(&mods, &game, &host, engine));
        });
    if let Err(error) = spawned {
        return Some(Err(error.to_string()));
    }
    loop {
        match receiver.recv_timeout(LOOK) {
            Ok(checked) => return Some(checked),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if stop.is_requested() => return None,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Some(Err("the embedded engine stopped unexpectedly".to_owned()));
            }
        }
    }
}

/// Loads `mods` (the watched folders) with `game` in the embedded engine;
/// `Err` when the engine itself could not start.
pub fn check(
    mods: &BTreeMap<String, PathBuf>,
    game: &str,
    host: &Host,
    engine: crate::engine::EngineVersion,
) -> Result<Checked, String> {
    let paths: Vec<PathBuf> = mods.values().cloned().collect();
    let options = InspectOptions {
        game: Some(game.to_owned()),
        engine,
        ..InspectOptions::default()
    };
    let inspection = inspect(&paths, &options, host)?;
    let mut report = inspection.report;
    let dirs: Vec<PathBuf> = mods
        .values()
        .map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.clone()))
        .collect();
    let warnings = Report::new(
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .filter(|d| {
                let path = std::path::absolute(&d.path).unwrap_or_else(|_| d.path.clone());
                dirs.iter().any(|dir| path.starts_with(dir))
            })
            .cloned()
            .collect(),
    );
    report.diagnostics.retain(|d| d.severity == Severity::Error);
    let tables = inspection.engine.run_extension(
        "serve_signature",
        include_str!("signature.lua"),
        mlua::MultiValue::new(),
    );
    let part = |key: &str| -> BTreeMap<String, String> {
        let all: BTreeMap<String, String> = match &tables {
            Ok(mlua::Value::Table(table)) => table
                .get::<mlua::Table>(key)
                .and_then(|part| part.pairs::<String, String>().collect())
                .unwrap_or_default(),
            _ => BTreeMap::new(),
        };
        mods.keys()
            .map(|name| (name.clone(), all.get(name).cloned().unwrap_or_default()))
            .collect()
    };
    let signatures = part("signatures");
    let looks = part("looks");
    Ok(Checked {
        report,
        warnings,
        signatures,
        looks,
    })
}
