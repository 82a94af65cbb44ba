//! The gate before the live server: the watched mods are loaded in the
//! embedded engine; errors stop the change there, and what the mods
//! register decides between a soft and a hard reload.

use std::collections::BTreeMap;
use std::path::PathBuf;

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
