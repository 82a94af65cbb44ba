//! Differential tests: the same mods in the real 5.6.1 server and in the
//! embedded engine must register the same names and counts.

use crate::support;

use std::collections::BTreeMap;
use std::path::Path;

use mtedu::engine::{Engine, LoadRequest, Registrations};
use serde_json::Value;
use support::real_server::{self, DEBIAN_GAMES};

fn names(dump: &Value, key: &str) -> Vec<String> {
    dump[key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn sorted(map: &BTreeMap<String, String>) -> Vec<String> {
    map.keys().cloned().collect()
}

pub(crate) fn compare(dump: &Value, ours: &Registrations) -> Vec<String> {
    let mut differences = Vec::new();
    let mut check = |what: &str, real: Vec<String>, mine: Vec<String>| {
        if real != mine {
            let missing: Vec<_> = real.iter().filter(|n| !mine.contains(n)).take(10).collect();
            let extra: Vec<_> = mine.iter().filter(|n| !real.contains(n)).take(10).collect();
            differences.push(format!(
                "{what}: real {} vs mtedu {}; missing in mtedu {missing:?}; extra in mtedu {extra:?}",
                real.len(),
                mine.len()
            ));
        }
    };
    check("nodes", names(dump, "nodes"), sorted(&ours.nodes));
    check(
        "craftitems",
        names(dump, "craftitems"),
        sorted(&ours.craftitems),
    );
    check("tools", names(dump, "tools"), sorted(&ours.tools));
    check("entities", names(dump, "entities"), sorted(&ours.entities));
    check(
        "chatcommands",
        names(dump, "chatcommands"),
        sorted(&ours.chatcommands),
    );
    check(
        "privileges",
        names(dump, "privileges"),
        sorted(&ours.privileges),
    );
    let real_aliases: BTreeMap<String, String> = dump["aliases"]
        .as_object()
        .map(|map| {
            map.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    if real_aliases != ours.aliases {
        let differing: Vec<_> = real_aliases
            .iter()
            .filter(|(k, v)| ours.aliases.get(*k) != Some(v))
            .take(10)
            .collect();
        differences.push(format!(
            "aliases: real {} vs mtedu {}; differing {differing:?}",
            real_aliases.len(),
            ours.aliases.len()
        ));
    }
    for (key, mine) in [
        ("crafts", ours.crafts.len()),
        ("abms", ours.abms.len()),
        ("lbms", ours.lbms.len()),
    ] {
        let real = dump[key].as_f64().unwrap_or(-1.0) as i64;
        if real != mine as i64 {
            differences.push(format!("{key}: real {real} vs mtedu {mine}"));
        }
    }
    differences
}

fn game_matches(gameid: &str) {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let run = real_server::run(&binary, gameid, &[], true);
    let dump = run.dump.unwrap_or_else(|| {
        panic!(
            "the real server wrote no dump (exit {:?}):\n{}",
            run.exit_code, run.log
        )
    });
    let request = LoadRequest::for_game(&Path::new(DEBIAN_GAMES).join(gameid));
    let (_engine, report) = Engine::load(&request).expect("engine starts");
    assert!(
        report.failure.is_none(),
        "mtedu failed to load {gameid}: {:#?}",
        report.failure
    );
    let differences = compare(&dump, &report.registrations);
    assert!(
        differences.is_empty(),
        "{gameid} differs:\n{}",
        differences.join("\n")
    );
}

#[test]
fn minetest_game_registers_the_same_as_the_real_server() {
    game_matches("minetest_game");
}

#[test]
fn devtest_registers_the_same_as_the_real_server() {
    game_matches("devtest");
}

#[test]
fn the_catalogue_lists_exactly_the_real_core_table() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let run = real_server::run(&binary, "bare", &[], true);
    let dump = run.dump.expect("dump written");
    let real: Vec<String> = names(&dump, "api");
    let catalogue: Vec<String> = mtedu::engine::catalogue::coverage()
        .unwrap()
        .into_iter()
        .map(|entry| format!("{} {}", entry.name, entry.kind))
        .collect();
    assert_eq!(
        real, catalogue,
        "data/engine/5.6.1/core.txt differs from the real server (see data/engine/README.md)"
    );
}

/// The probe mod evaluates many API functions at load time; both engines
/// must give the same results (minetest_game loaded, for items and crafts),
/// on every real server this machine has, each with its own game.
#[test]
fn api_probe_gives_the_same_results_as_the_real_server() {
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/probe/api_probe");
    let mut failures = Vec::new();
    for real in support::engines::all() {
        let run = real_server::run(
            &real.binary,
            "minetest_game",
            std::slice::from_ref(&probe),
            true,
        );
        let real_text = std::fs::read_to_string(run.world.join("api_probe.json"))
            .unwrap_or_else(|_| panic!("{}: no probe results:\n{}", real.version, run.log));
        let expected: BTreeMap<String, String> = serde_json::from_str(&real_text).unwrap();

        let game = LoadRequest::for_game(&real.game("minetest_game"));
        let probe_mod = mtedu::content::ModInfo::read(&probe);
        let request = LoadRequest {
            mods: LoadRequest::assemble(game.mods, vec![probe_mod], Vec::new()),
            settings: game.settings,
            engine: real.version,
            ..LoadRequest::default()
        };
        let (engine, report) = Engine::load(&request).expect("engine starts");
        assert!(
            report.failure.is_none(),
            "{}: {:#?}",
            real.version,
            report.failure
        );
        let ours_text = std::fs::read_to_string(engine.world_path().join("api_probe.json"))
            .expect("probe results");
        let ours: BTreeMap<String, String> = serde_json::from_str(&ours_text).unwrap();
        let differences: Vec<String> = expected
            .iter()
            .filter(|(key, value)| ours.get(*key) != Some(value))
            .map(|(key, value)| format!("{key}:\n  real:  {value:?}\n  mtedu: {:?}", ours.get(key)))
            .collect();
        if expected.len() != ours.len() || !differences.is_empty() {
            failures.push(format!(
                "{}: {} of {} probes differ ({} in mtedu):\n{}",
                real.version,
                differences.len(),
                expected.len(),
                ours.len(),
                differences.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The globals mod code sees: the same names as in the real server (the
/// libraries' own contents are compared by `real_content.rs`).
#[test]
fn mod_code_sees_the_real_servers_globals() {
    let text = include_str!("../../data/engine/5.6.1/globals.txt");
    let real: Vec<&str> = text
        .lines()
        .filter_map(|line| line.split_once(' ').map(|(name, _)| name))
        .collect();
    let (engine, _) = Engine::load(&LoadRequest::default()).unwrap();
    let values = engine
        .eval(
            "local names = {} for name in pairs(_G) do names[#names + 1] = name end table.sort(names) return table.concat(names, ' ')",
            &mtedu::engine::Limits::default(),
        )
        .unwrap();
    let ours: String = match values.into_iter().next() {
        Some(mlua::Value::String(s)) => s.to_string_lossy(),
        other => panic!("{other:?}"),
    };
    let ours: Vec<&str> = ours.split(' ').collect();
    let missing: Vec<_> = real.iter().filter(|n| !ours.contains(n)).collect();
    let extra: Vec<_> = ours.iter().filter(|n| !real.contains(n)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

/// Node callbacks, metadata, swaps and searches on an all-air (singlenode)
/// area: the same log in the real server and in mtedu's simulated world,
/// on every real server this machine has.
#[test]
fn world_probe_gives_the_same_results_as_the_real_server() {
    let probe =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/probe/world_probe");
    let mut failures = Vec::new();
    for real in support::engines::all() {
        let run = real_server::run_with_config(
            &real.binary,
            "bare",
            std::slice::from_ref(&probe),
            false,
            "mg_name = singlenode\n",
        );
        let real_text = std::fs::read_to_string(run.world.join("world_probe.json"))
            .unwrap_or_else(|_| panic!("{}: no world probe results:\n{}", real.version, run.log));
        let expected: Vec<String> = serde_json::from_str(&real_text).unwrap();
        let request = LoadRequest {
            mods: vec![mtedu::content::ModInfo::read(&probe)],
            engine: real.version,
            ..LoadRequest::default()
        };
        let (engine, report) = Engine::load(&request).expect("engine starts");
        assert!(
            report.failure.is_none(),
            "{}: {:#?}",
            real.version,
            report.failure
        );
        let values = engine
            .eval(
                "return minetest.write_json(world_probe_run())",
                &mtedu::engine::Limits::default(),
            )
            .unwrap_or_else(|failure| panic!("{}: {failure:?}", real.version));
        let ours: Vec<String> = match values.into_iter().next() {
            Some(mlua::Value::String(text)) => {
                serde_json::from_str(&text.to_string_lossy()).unwrap()
            }
            other => panic!("{other:?}"),
        };
        assert!(
            expected.len() >= 10,
            "{}: the probe ran: {expected:?}",
            real.version
        );
        if expected != ours {
            let differing: Vec<String> = expected
                .iter()
                .zip(ours.iter().chain(std::iter::repeat(&String::new())))
                .filter(|(a, b)| a != b)
                .map(|(a, b)| format!("  real:  {a}\n  mtedu: {b}"))
                .collect();
            failures.push(format!(
                "{}: {} lines real, {} mtedu:\n{}",
                real.version,
                expected.len(),
                ours.len(),
                differing.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod abm_probe;
mod step_probe;
