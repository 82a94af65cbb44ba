//! Play time: after a clean load, `check` plays the pupil's mods for a
//! moment in the simulated world — places, punches, digs and right-clicks
//! their nodes, uses their items, types their chat commands, lets 10 s of
//! game time pass with players joined, runs their ABMs, LBMs and entities —
//! each action from a fresh world, under its own small time budget. An
//! error becomes a finding at the pupil's innermost line, saying when it
//! happens (MT35xx), explained by [`crate::explain`].
//!
//! Only errors with a frame in the pupil's files count: an error inside
//! the game's own code, or a function mtedu does not simulate, is no
//! finding. The actions run after everything the mods registered was read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use mlua::{Function, MultiValue, Table, Value};

use crate::content::ModInfo;
use crate::diag::{ArgValue, Code, Diagnostic, Severity, Span};
use crate::engine::{Engine, FailureKind, Limits, failure::call_traced};
use crate::explain::explain;

pub const PLAY_ERROR: Code = Code {
    id: "MT3501",
    name: "error-while-playing",
    severity: Severity::Error,
    doc: "An error happens while playing (a punch, a chat command, a globalstep…): the game would stop there.",
};

pub const PLAY_TIME_OUT: Code = Code {
    id: "MT3502",
    name: "freezes-while-playing",
    severity: Severity::Error,
    doc: "Code run while playing never finishes: the game would freeze.",
};

/// Every code of play time.
pub const CODES: &[&Code] = &[&PLAY_ERROR, &PLAY_TIME_OUT];

const PLAY: &str = include_str!("lua/play.lua");

/// Time each action may take; the first time-outs already say enough.
const ACTION_TIME: Duration = Duration::from_millis(500);
const MAX_TIME_OUTS: usize = 2;

/// Plays the mods `ours` in `engine`, which has loaded them without
/// error; `files` are their Lua files (where form names are looked for).
pub fn play(
    engine: &Engine,
    ours: &[ModInfo],
    files: &[PathBuf],
    limits: &Limits,
) -> Vec<Diagnostic> {
    match run(engine, ours, files, limits) {
        Ok(findings) => findings,
        // mtedu's own Lua failing is no finding about the pupil's mod.
        Err(e) => {
            if std::env::var_os("MTEDU_DEBUG_PLAY").is_some() {
                eprintln!("play: {e}");
            }
            Vec::new()
        }
    }
}

fn run(
    engine: &Engine,
    ours: &[ModInfo],
    files: &[PathBuf],
    limits: &Limits,
) -> mlua::Result<Vec<Diagnostic>> {
    let lua = &engine.sandbox.lua;
    let sim = crate::testing::sim_api(engine)?;
    let names = lua.create_table()?;
    for info in ours {
        names.set(info.name.as_str(), true)?;
    }
    let formnames = lua.create_sequence_from(formnames_in(ours, files))?;
    let mut extra = MultiValue::new();
    extra.push_back(Value::Table(sim));
    extra.push_back(Value::Table(names));
    extra.push_back(Value::Table(formnames));
    let Value::Table(plan) = engine.run_extension("play.lua", PLAY, extra)? else {
        return Ok(Vec::new());
    };
    let skip: String = plan.get("skip")?;
    let actions: Table = plan.get("actions")?;
    let dirs: Vec<PathBuf> = ours.iter().map(|info| absolute(&info.dir)).collect();
    let is_ours = |path: &Path| {
        let path = absolute(path);
        dirs.iter().any(|dir| path.starts_with(dir))
    };
    let budget = limits.time.min(ACTION_TIME);
    let mut seen: BTreeSet<(PathBuf, usize, String)> = BTreeSet::new();
    let mut findings = Vec::new();
    let mut time_outs = 0;
    for action in actions.sequence_values::<Table>() {
        let action = action?;
        let function: Function = action.get("run")?;
        engine.sandbox.budget.arm(budget);
        let outcome = call_traced(lua, &function, MultiValue::new());
        engine.sandbox.budget.disarm();
        let Err(failure) = outcome else { continue };
        if std::env::var_os("MTEDU_DEBUG_PLAY").is_some() {
            eprintln!("play: {failure:?}");
        }
        if failure.message.contains(&skip) || failure.message.contains("not simulated yet") {
            continue;
        }
        let explained = explain(&failure, &is_ours);
        let Some((path, line)) = explained.place.clone() else {
            continue;
        };
        if !seen.insert((path.clone(), line, explained.detail.clone())) {
            continue;
        }
        let code = if failure.kind == FailureKind::TimeOut {
            time_outs += 1;
            &PLAY_TIME_OUT
        } else {
            &PLAY_ERROR
        };
        let mut finding = Diagnostic::new(code, crate::diag::relative_to_cwd(&path))
            .at(Span::at(line, 1))
            .arg("when", action.get::<String>("when")?)
            .arg("subject", action.get::<String>("subject")?)
            .arg("param", action.get::<String>("param")?)
            .arg("detail", explained.detail.as_str());
        finding.args.extend(explained.args.iter().cloned());
        findings.push(finding);
        if time_outs >= MAX_TIME_OUTS {
            break;
        }
    }
    Ok(findings)
}

/// Form names the mods' files write as `"<mod>:<name>"` strings.
fn formnames_in(ours: &[ModInfo], files: &[PathBuf]) -> Vec<String> {
    let mut names = BTreeSet::new();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .collect();
    for info in ours {
        let prefix = format!("{}:", info.name);
        for text in &texts {
            for quote in ['"', '\'']{
                for piece in text.split(quote).skip(1).step_by(2) {
                    let rest = piece.strip_prefix(&prefix).unwrap_or("");
                    if !rest.is_empty()
                        && rest.len() < 64
                        && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        names.insert(piece.to_owned());
                    }
                }
            }
        }
    }
    names.into_iter().collect()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The text of a finding's argument, for tests and renderers.
pub fn arg_text<'a>(finding: &'a Diagnostic, name: &str) -> Option<&'a str> {
    finding.args.iter().find_map(|(key, value)| match value {
        ArgValue::Text(text) if *key == name => Some(text.as_str()),
        _ => None,
    })
}
