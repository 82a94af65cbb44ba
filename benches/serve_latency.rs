//! Benchmark: save-to-live latency of `mtedu serve` on the real 5.6.1
//! server with minetest_game: a file is written, the watcher sees it, the
//! embedded engine checks it, the server reloads it; the clock stops when
//! the live server answers with the new behaviour. 50 soft reloads (same
//! names) and 50 hard reloads (a node added or removed each time).
//! Run with `cargo bench --bench serve_latency`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use mtedu::host::Host;
use mtedu::serve::watch::ModWatcher;
use mtedu::serve::{Event, Preset, ServeOptions, Session};
use serde_json::json;

const SERVER: &str = "/usr/games/minetestserver";
const EDITS: usize = 50;

fn code(reply: &str, extra_node: bool) -> String {
    let extra = if extra_node {
        "minetest.register_node(\"pupil:extra\", {})"
    } else {
        ""
    };
    format!(
        "minetest.register_chatcommand(\"greet\", {{func = function() return true, \"{reply}\" end}})\n{extra}\n"
    )
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    if !std::path::Path::new(SERVER).exists() {
        eprintln!("{SERVER} is missing: apt-get install minetest-server");
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let mod_dir = temp.path().join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), code("r0", false)).unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mods = BTreeMap::from([("pupil".to_owned(), mod_dir.clone())]);
    let options = ServeOptions {
        binary: SERVER.into(),
        world: temp.path().join("world"),
        game: "minetest_game".into(),
        preset: Preset::Classroom,
        port,
        bind: "127.0.0.1".into(),
        mods: mods.clone(),
        home: Some(home),
        teacher: None,
    };
    let mut session =
        Session::start(options, Host::detect(), Box::new(|_| None), &mut |_| {}).unwrap();
    let mut watcher = ModWatcher::new(&mods).unwrap();
    let mut soft = Vec::new();
    let mut hard = Vec::new();
    let mut extra = false;
    for edit in 1..=EDITS * 2 {
        let hard_edit = edit % 2 == 0;
        if hard_edit {
            extra = !extra;
        }
        let reply = format!("r{edit}");
        // Editors save whole files; a pause keeps saves apart as a pupil's are.
        std::thread::sleep(Duration::from_millis(120));
        let saved = Instant::now();
        std::fs::write(mod_dir.join("init.lua"), code(&reply, extra)).unwrap();
        let mut kind = None;
        while kind.is_none() {
            let changed = watcher.changed(Duration::from_millis(500));
            if changed.is_empty() {
                continue;
            }
            session.reload(&changed, &mut |event| {
                kind = Some(matches!(event, Event::HardReloaded { .. }));
            });
        }
        loop {
            let answer = session.ask("command", json!({"name": "greet"})).unwrap();
            if answer["reply"] == reply.as_str() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let took = saved.elapsed();
        if kind == Some(true) {
            hard.push(took);
        } else {
            soft.push(took);
        }
    }
    session.stop(&mut |_| {});
    for (name, times, budget) in [("soft", &mut soft, 0.3), ("hard", &mut hard, 1.5)] {
        let median = percentile(times, 0.5);
        let p95 = percentile(times, 0.95);
        println!(
            "{name} reload: {} edits, median {:.0} ms, p95 {:.0} ms (budget {:.0} ms: {})",
            times.len(),
            median.as_secs_f64() * 1000.0,
            p95.as_secs_f64() * 1000.0,
            budget * 1000.0,
            if median.as_secs_f64() < budget {
                "met"
            } else {
                "NOT met"
            }
        );
    }
}
