//! The step probe (`tests/fixtures/engine/probe/step_probe`) in the real
//! server and in mtedu: the order of `core.after` jobs and globalsteps
//! over the real server's own step times, what a player is told when
//! running chat commands (refused, unknown, failing), and inventory and
//! item stack overflow, and what mod code may still do after load time.
//! One real-server run serves the four tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mlua::{Function, Table};
use mtedu::engine::{Engine, LoadRequest};
use serde_json::Value;

use crate::support::real_server;

/// What the probe wrote: in the real server, or in mtedu after replaying
/// the real server's steps.
struct Probe {
    dtimes: Vec<f64>,
    timing: Vec<String>,
    chat: Vec<Value>,
    inventory: Vec<String>,
    runtime: Vec<String>,
    mistakes: Vec<String>,
}

fn probe_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/probe/step_probe")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap_or("<not a string>").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn parse(text: &str) -> Probe {
    let value: Value = serde_json::from_str(text).expect("the probe wrote JSON");
    Probe {
        dtimes: strings(&value["dtimes"])
            .iter()
            .map(|d| d.parse().expect("a dtime"))
            .collect(),
        timing: strings(&value["timing"]),
        chat: value["chat"].as_array().cloned().unwrap_or_default(),
        inventory: strings(&value["inventory"]),
        runtime: strings(&value["runtime"]),
        mistakes: strings(&value["mistakes"]),
    }
}

/// The real server's results, run once for all tests (None: no server,
/// and MTEDU_REQUIRE_ENGINE is not set).
fn real() -> Option<&'static Probe> {
    static REAL: OnceLock<Option<Probe>> = OnceLock::new();
    REAL.get_or_init(|| {
        let binary = real_server::server_binary()?;
        let run = real_server::run(&binary, "bare", &[probe_dir()], false);
        let text =
            std::fs::read_to_string(run.world.join("step_probe.json")).unwrap_or_else(|_| {
                panic!("the real server wrote no step probe results:\n{}", run.log)
            });
        Some(parse(&text))
    })
    .as_ref()
}

/// mtedu with the probe loaded, after the real server's steps replayed
/// one by one with `sim.step(dtime, dtime)`.
fn simulated(dtimes: &[f64]) -> (Engine, Table, Probe) {
    let request = LoadRequest {
        mods: vec![mtedu::content::ModInfo::read(&probe_dir())],
        ..LoadRequest::default()
    };
    let (engine, report) = Engine::load(&request).expect("engine starts");
    assert!(report.failure.is_none(), "{:#?}", report.failure);
    let sim = mtedu::testing::sim_api(&engine).expect("the sim API loads");
    let step: Function = sim.get("step").unwrap();
    for dtime in dtimes {
        step.call::<()>((*dtime, *dtime))
            .unwrap_or_else(|error| panic!("sim.step({dtime}) failed: {error}"));
    }
    let text = std::fs::read_to_string(engine.world_path().join("step_probe.json"))
        .expect("the probe finished in mtedu after the real server's steps");
    let probe = parse(&text);
    (engine, sim, probe)
}

/// Both logs from the first line that differs, so a mismatch reads as a
/// diff.
fn first_difference(real: &[String], ours: &[String]) -> Option<String> {
    let at = (0..real.len().max(ours.len())).find(|&i| real.get(i) != ours.get(i))?;
    let show = |lines: &[String]| {
        lines
            .iter()
            .enumerate()
            .skip(at.saturating_sub(2))
            .take(10)
            .map(|(i, line)| format!("  {}{i:>3} {line:?}", if i == at { '>' } else { ' ' }))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(format!(
        "line {at} differs ({} lines in the real server, {} in mtedu)\nreal server:\n{}\nmtedu:\n{}",
        real.len(),
        ours.len(),
        show(real),
        show(ours)
    ))
}

#[test]
fn after_jobs_and_globalsteps_run_in_the_real_servers_order() {
    let Some(real) = real() else { return };
    assert!(
        real.timing.len() > 40 && real.timing.iter().any(|l| l.contains("runtime globalstep")),
        "the probe ran: {:?}",
        real.timing
    );
    let (_engine, _sim, ours) = simulated(&real.dtimes);
    if let Some(diff) = first_difference(&real.timing, &ours.timing) {
        panic!(
            "after/globalstep order differs, replaying dtimes {:?}:\n{diff}",
            real.dtimes
        );
    }
    assert_eq!(real.dtimes, ours.dtimes, "the replayed steps");
}

/// Compares one list of probe results line by line, after checking the
/// real server's run produced at least `at_least` of them.
fn same_lines(what: &str, at_least: usize, list: impl Fn(&Probe) -> &Vec<String>) {
    let Some(real) = real() else { return };
    assert!(
        list(real).len() >= at_least,
        "the probe ran: {:?}",
        list(real)
    );
    let (_engine, _sim, ours) = simulated(&real.dtimes);
    if let Some(diff) = first_difference(list(real), list(&ours)) {
        panic!("{what} differ:\n{diff}");
    }
}

#[test]
fn inventories_overflow_as_in_the_real_server() {
    same_lines("inventory results", 30, |probe| &probe.inventory);
}

#[test]
fn mod_code_after_load_time_behaves_as_in_the_real_server() {
    same_lines("results after load time", 10, |probe| &probe.runtime);
}

/// Pupils' argument mistakes (a position and a node swapped, a missing
/// text, `groups = {snappy == 3}`…) raise the real server's own errors.
#[test]
fn argument_mistakes_raise_the_real_servers_errors() {
    same_lines("argument mistakes", 20, |probe| &probe.mistakes);
}

/// One chat case as a comparable line per event.
fn chat_lines(case: &Value) -> Vec<String> {
    let mut lines = vec![format!(
        "{} says {:?} with {:?}",
        case["name"].as_str().unwrap_or(""),
        case["message"].as_str().unwrap_or(""),
        strings(&case["privs"])
    )];
    lines.extend(
        strings(&case["events"])
            .into_iter()
            .map(|e| format!("  {e}")),
    );
    lines.extend(
        strings(&case["sent"])
            .into_iter()
            .map(|s| format!("  text {:?}", sorted_privileges(&s))),
    );
    lines.push(format!("  {}", case["outcome"].as_str().unwrap_or("")));
    lines
}

/// The engine lists missing privileges in `pairs` order, which differs
/// from run to run: sorted here so both sides compare.
fn sorted_privileges(text: &str) -> String {
    const MARK: &str = "missing privileges: ";
    let Some(at) = text.find(MARK) else {
        return text.to_owned();
    };
    let start = at + MARK.len();
    let Some(length) = text[start..].find(')') else {
        return text.to_owned();
    };
    let segment = &text[start..start + length];
    let (open, body, close) = match (
        segment.strip_prefix("\u{1b}F"),
        segment.ends_with("\u{1b}E"),
    ) {
        (Some(rest), true) => ("\u{1b}F", &rest[..rest.len() - 2], "\u{1b}E"),
        _ => ("", segment, ""),
    };
    let mut names: Vec<&str> = body.split(", ").collect();
    names.sort_unstable();
    format!(
        "{}{open}{}{close}{}",
        &text[..start],
        names.join(", "),
        &text[start + length..]
    )
}

/// What a player reads: without the translation and colour escapes
/// (`sim.chat` returns the plain text).
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if rest.starts_with('(') {
            rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn chat_commands_answer_as_in_the_real_server() {
    let Some(real) = real() else { return };
    assert!(real.chat.len() >= 10, "the probe ran: {:?}", real.chat);
    let (_engine, sim, ours) = simulated(&real.dtimes);
    let real_lines: Vec<String> = real.chat.iter().flat_map(chat_lines).collect();
    let our_lines: Vec<String> = ours.chat.iter().flat_map(chat_lines).collect();
    if let Some(diff) = first_difference(&real_lines, &our_lines) {
        panic!("the engine's chat callbacks differ:\n{diff}");
    }
    // The same lines through sim.chat, as a spec sends them: the player is
    // told the real server's texts (a failing command fails the spec, as
    // it stops the real server).
    let join: Function = sim.get("join").unwrap();
    let chat: Function = sim.get("chat").unwrap();
    let mut differences = Vec::new();
    for case in &real.chat {
        let message = case["message"].as_str().unwrap();
        if !message.starts_with('/') {
            // A plain line goes to every player from the engine's C++ side,
            // which the probe cannot replay.
            continue;
        }
        let name = case["name"].as_str().unwrap();
        join.call::<Table>((name, strings(&case["privs"]))).unwrap();
        let said: Result<Vec<String>, _> = chat
            .call::<Vec<String>>((name, message))
            .map(|said| said.iter().map(|s| sorted_privileges(s)).collect());
        let expected: Vec<String> = strings(&case["sent"])
            .iter()
            .map(|s| sorted_privileges(&plain(s)))
            .collect();
        let outcome = case["outcome"].as_str().unwrap();
        match (said, outcome.strip_prefix("error: ")) {
            (Ok(said), None) if said == expected => {}
            (Err(error), Some(real_error)) if error.to_string().contains(real_error) => {}
            (said, _) => differences.push(format!(
                "{name} {message:?}: real {expected:?} ({outcome}), sim.chat {said:?}"
            )),
        }
    }
    assert!(
        differences.is_empty(),
        "sim.chat differs:\n{}",
        differences.join("\n")
    );
}
