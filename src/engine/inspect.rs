//! `mtedu info`: load the user's mods and say what they register.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::{Engine, LoadRequest, Registrations, findings};
use crate::content::Workspace;
use crate::diag::{Diagnostic, Report};
use crate::host::Host;

/// Choices for [`inspect`].
#[derive(Debug, Clone, Default)]
pub struct InspectOptions {
    /// `--game`: an installed game id or a game folder, loaded with the mods.
    pub game: Option<String>,
    /// Also list what the game and the engine register.
    pub all: bool,
    /// Time and memory allowed to the load.
    pub limits: super::Limits,
    /// The engine version simulated.
    pub engine: super::EngineVersion,
}

/// What the mods register, with the findings of the load.
pub struct Inspection {
    pub registrations: Registrations,
    /// The user's mods, in load order, that loaded completely.
    pub loaded: Vec<String>,
    /// How many mods of the user's were found under the paths given (0:
    /// only the game was loaded).
    pub own_mods: usize,
    pub report: Report,
    /// The engine after the load, for checks over what was registered.
    pub engine: Engine,
    /// Every mod of the load (the game's included), in load-list order.
    pub mods: Vec<crate::content::ModInfo>,
    /// The mods' Lua files the load compiled, resolved.
    pub ran_files: std::collections::BTreeSet<PathBuf>,
    /// The names of the user's mods (those under the paths given).
    pub ours: BTreeSet<String>,
}

impl Inspection {
    /// True when no mod failed to load, so the registrations are complete.
    pub fn engine_loaded_all(&self) -> bool {
        !self
            .report
            .diagnostics
            .iter()
            .any(|d| d.code.severity == crate::diag::Severity::Error)
    }
}

/// Loads everything under `paths` (with a game) and reports.
pub fn inspect(
    paths: &[PathBuf],
    options: &InspectOptions,
    host: &Host,
) -> Result<Inspection, String> {
    let workspace = Workspace::discover(paths);
    let mut findings_out: Vec<Diagnostic> = Vec::new();
    let loose = workspace.games.is_empty() && workspace.worlds.is_empty();
    let game_dir = match host.game_dir(options.game.as_deref(), loose) {
        Ok(dir) => dir,
        Err(game) => {
            findings_out.push(
                Diagnostic::new(&crate::diag::input::GAME_NOT_FOUND, game.as_str())
                    .arg("game", game.as_str()),
            );
            None
        }
    };
    for path in &workspace.missing {
        findings_out.push(
            Diagnostic::new(&crate::diag::input::PATH_NOT_FOUND, path)
                .arg("path", path.display().to_string()),
        );
    }
    let mut request = LoadRequest::from_workspace(&workspace, game_dir.as_deref(), host);
    request.limits = options.limits;
    request.engine = options.engine;
    let (engine, report) = Engine::load(&request)?;
    let ours: BTreeSet<String> = workspace.all_mods().map(|m| m.name.clone()).collect();
    let mod_dirs: Vec<(String, PathBuf)> = request
        .mods
        .iter()
        .map(|m| (m.name.clone(), m.dir.clone()))
        .collect();
    findings_out.extend(findings::load_findings(&report, &request.limits, &mod_dirs));
    let registrations = if options.all {
        report.registrations.clone()
    } else {
        report.registrations.only_from(&ours)
    };
    Ok(Inspection {
        registrations,
        loaded: report
            .loaded
            .iter()
            .filter(|name| ours.contains(*name))
            .cloned()
            .collect(),
        own_mods: ours.len(),
        report: Report::new(findings_out),
        ran_files: report.ran_files.clone(),
        engine,
        mods: request.mods,
        ours,
    })
}
