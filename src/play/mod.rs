//! Play time: after a clean load, `check` plays the pupil's mods for a
//! moment in the simulated world — places, punches, digs and right-clicks
//! their nodes, uses their items, types their chat commands, lets 10 s of
//! game time pass with players joined, runs their ABMs, LBMs and entities —
//! each action from a fresh world, under its own small time budget. An
//! error becomes a finding at the pupil's innermost line, saying when it
//! happens (MT35xx), explained by [`crate::engine::explain`]. Letting
//! the world play stops at the first error, as the game would; once it is
//! told, the world plays on without that mod's callbacks, so that each of
//! the mods checked together (a class's) has its own mistake found.
//!
//! Only errors with a frame in the pupil's files count: an error inside
//! the game's own code, or a function mtedu does not simulate, is no
//! finding. The actions run after everything the mods registered was read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use mlua::{Function, MultiValue, Table, Value};

use crate::content::ModInfo;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::explain::explain;
use crate::engine::{Engine, FailureKind, Limits, failure::call_traced};

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
/// The second chance of an action that ran out of time: a server step
/// that long already freezes the game for everyone.
const RETRY_TIME: Duration = Duration::from_secs(2);
const MAX_TIME_OUTS: usize = 2;

/// Plays the mods `ours` in `engine`, which has loaded them without
/// error; `files` are their Lua files (where form names are looked for).
pub fn play(
    engine: &Engine,
    ours: &[ModInfo],
    files: &[PathBuf],
    limits: &Limits,
) -> Vec<Diagnostic> {
    // mtedu's own Lua failing is no finding about the pupil's mod.
    run(engine, ours, files, limits).unwrap_or_default()
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
    let texts: Vec<String> = files
        .iter()
        .filter_map(|file| crate::content::read_regular(file).ok())
        .filter_map(|bytes| String::from_utf8(bytes).ok())
        .collect();
    let formnames = lua.create_sequence_from(formnames_in(ours, &texts))?;
    let spawned = lua.create_table()?;
    for name in spawned_entities(&texts) {
        spawned.set(name, true)?;
    }
    let mut extra = MultiValue::new();
    extra.push_back(Value::Table(sim));
    extra.push_back(Value::Table(names));
    extra.push_back(Value::Table(formnames));
    extra.push_back(Value::Table(spawned));
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
    // Subjects that froze once: their other actions would freeze too.
    let mut frozen: BTreeSet<String> = BTreeSet::new();
    let tell: Function = plan.get("tell")?;
    'actions: for action in actions.sequence_values::<Table>() {
        let action = action?;
        let subject: String = action.get("subject")?;
        if frozen.contains(&subject) {
            continue;
        }
        let function: Function = action.get("run")?;
        let when: String = action.get("when")?;
        // Playing the world stops at the first error, as the game would;
        // once it is told, the world plays on without that mod, so that
        // each mod checked together has its mistake found.
        let mut replays = if when == "playing" {
            ours.len().saturating_sub(1)
        } else {
            0
        };
        loop {
            let mut outcome = timed(engine, &function, budget);
            if matches!(&outcome, Err(f) if f.kind == FailureKind::TimeOut) && limits.time > budget
            {
                // Slow is not endless: give it a longer second chance.
                outcome = timed(engine, &function, limits.time.min(RETRY_TIME));
            }
            let Err(failure) = outcome else { break };
            // Memory is the machine's limit, not the game's: a mod may build
            // big tables on purpose. mtedu cannot judge what it does not simulate.
            if failure.kind == FailureKind::OutOfMemory
                || failure.message.contains(&skip)
                || failure.message.contains("not simulated yet")
            {
                break;
            }
            let explained = explain(&failure, &is_ours);
            // Time spent inside an engine function (thousands of nodes set)
            // is slow work, not an endless loop of the pupil's.
            let stuck_in_engine = failure.kind == FailureKind::TimeOut
                && !failure
                    .location
                    .as_ref()
                    .is_some_and(|(path, _)| is_ours(path));
            if explained.shape() == "not-simulated" || stuck_in_engine {
                break;
            }
            let Some((path, mut line)) = explained.place.clone() else {
                break;
            };
            if failure.kind == FailureKind::TimeOut {
                // Only a while or repeat loop can run for ever; elsewhere the
                // time went into much (finite) work, which mtedu cannot judge.
                match loop_start(&path, line) {
                    Some(start) => line = start,
                    None => break,
                }
            }
            // Lua words the same mistake differently at times ("stack
            // overflow", "C stack overflow"): its shape is what repeats.
            if seen.insert((path.clone(), line, explained.shape().to_owned())) {
                let code = if failure.kind == FailureKind::TimeOut {
                    time_outs += 1;
                    frozen.insert(subject.clone());
                    &PLAY_TIME_OUT
                } else {
                    &PLAY_ERROR
                };
                let mut finding = Diagnostic::new(code, crate::diag::relative_to_cwd(&path))
                    .at(code_span(&path, line))
                    .arg("when", when.as_str())
                    .arg("subject", subject.as_str())
                    .arg("param", action.get::<String>("param")?)
                    .arg("detail", explained.detail.as_str());
                finding.args.extend(explained.args.iter().cloned());
                findings.push(finding);
                if time_outs >= MAX_TIME_OUTS {
                    break 'actions;
                }
            }
            let Some(culprit) = mod_of(ours, &path).filter(|_| replays > 0) else {
                break;
            };
            replays -= 1;
            engine.armed(|| tell.call::<()>(culprit))?;
        }
    }
    // Puts back the engine's callback lists, which the mods may have given
    // metamethods: under a budget too.
    let restore: Function = plan.get("restore")?;
    engine.armed(|| restore.call::<()>(()))?;
    Ok(findings)
}

/// The code of `line`, without its indentation, as the finding's span.
fn code_span(path: &Path, line: usize) -> Span {
    let text = crate::bounded_read::read_regular_text(path).unwrap_or_default();
    let source = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let indent = source.chars().take_while(|c| c.is_whitespace()).count();
    let width = source.trim().chars().count();
    Span::on_line(line, indent + 1, width)
}

/// The line of the `while` or `repeat` loop around `line` (the nearest
/// loop above it, a few lines up): where the budget stopped an endless
/// loop is any line of its body. None when the nearest loop is a `for`,
/// which always ends, or there is none.
fn loop_start(path: &Path, line: usize) -> Option<usize> {
    let text = crate::bounded_read::read_regular_text(path).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let number = (line.saturating_sub(10).max(1)..=line.min(lines.len()))
        .rev()
        .find(|number| {
            let code = lines[number - 1].trim_start();
            ["while ", "repeat", "for "]
                .iter()
                .any(|word| code.starts_with(word))
        })?;
    let code = lines[number - 1].trim_start();
    (!code.starts_with("for ")).then_some(number)
}

fn timed(
    engine: &Engine,
    function: &Function,
    budget: Duration,
) -> Result<MultiValue, crate::engine::LuaFailure> {
    engine.sandbox.budget.arm(budget);
    let outcome = call_traced(&engine.sandbox.lua, function, MultiValue::new());
    engine.sandbox.budget.disarm();
    outcome
}

/// Form names the mods' files write as `"<mod>:<name>"` strings.
fn formnames_in(ours: &[ModInfo], texts: &[String]) -> Vec<String> {
    let mut names = BTreeSet::new();
    for info in ours {
        let prefix = format!("{}:", info.name);
        for text in texts {
            for quote in ['"', '\''] {
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

/// Entities the mods spawn themselves (`add_entity(pos, "mod:name")`):
/// their own code sets them up after spawning, so they are played only
/// through it, never alone.
fn spawned_entities(texts: &[String]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in texts.iter().flat_map(|text| text.lines()) {
        let Some(at) = line.find("add_entity(") else {
            continue;
        };
        for quote in ['"', '\''] {
            for piece in line[at..].split(quote).skip(1).step_by(2) {
                names.insert(piece.to_owned());
            }
        }
    }
    names
}

/// The name of the mod of `ours` whose folder holds `path`.
fn mod_of<'a>(ours: &'a [ModInfo], path: &Path) -> Option<&'a str> {
    let path = absolute(path);
    ours.iter()
        .filter(|info| path.starts_with(absolute(&info.dir)))
        .max_by_key(|info| info.dir.components().count())
        .map(|info| info.name.as_str())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
