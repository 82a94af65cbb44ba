//! The ABM probe (`tests/fixtures/engine/probe/abm_probe`) in the real
//! server and in mtedu: ABMs of interval 0, -2, 0.3 and 1 run at the same
//! server steps. The engine looks at ABMs once per `abm_interval` (1 s)
//! and counts an interval below 0.001 as 0.001, so all four run once per
//! pass; mtedu replays the real server's step times with `sim.step` and
//! must record the same steps (ABMs run before the globalsteps of a step,
//! in both). The real server's first runs wait for the forceloaded block
//! to become active, so its list is the end of mtedu's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mlua::Function;
use mtedu::engine::{Engine, LoadRequest};
use serde_json::Value;

use crate::support::real_server;

fn probe_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/probe/abm_probe")
}

/// `(dtimes, label -> steps at which that ABM ran)` from the probe's file.
fn parse(text: &str) -> (Vec<f64>, BTreeMap<String, Vec<u64>>) {
    let value: Value = serde_json::from_str(text).expect("the probe wrote JSON");
    let dtimes = value["dtimes"]
        .as_array()
        .expect("dtimes")
        .iter()
        .map(|d| d.as_str().and_then(|d| d.parse().ok()).expect("a dtime"))
        .collect();
    let fires = value["fires"]
        .as_object()
        .expect("fires")
        .iter()
        .map(|(label, steps)| {
            // write_json gives whole numbers as 23.0.
            let steps = steps
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(Value::as_f64)
                        .map(|n| n as u64)
                        .collect()
                })
                .unwrap_or_default();
            (label.clone(), steps)
        })
        .collect();
    (dtimes, fires)
}

#[test]
fn abms_of_interval_zero_or_below_run_once_a_pass_as_in_the_real_server() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let run = real_server::run_with_config(
        &binary,
        "bare",
        &[probe_dir()],
        false,
        "mg_name = singlenode\n",
    );
    let text = std::fs::read_to_string(run.world.join("abm_probe.json"))
        .unwrap_or_else(|_| panic!("the real server wrote no ABM probe results:\n{}", run.log));
    let (dtimes, real) = parse(&text);
    let one = &real["one"];
    assert!(one.len() >= 3, "the ABMs ran on the real server: {real:?}");
    for (label, steps) in &real {
        assert_eq!(steps, one, "{label} runs when interval 1 runs: {real:?}");
    }

    let request = LoadRequest {
        mods: vec![mtedu::content::ModInfo::read(&probe_dir())],
        ..LoadRequest::default()
    };
    let (engine, report) = Engine::load(&request).expect("engine starts");
    assert!(report.failure.is_none(), "{:#?}", report.failure);
    let sim = mtedu::testing::sim_api(&engine).expect("the sim API loads");
    let step: Function = sim.get("step").unwrap();
    for dtime in &dtimes {
        step.call::<()>((*dtime, *dtime))
            .unwrap_or_else(|error| panic!("sim.step({dtime}) failed: {error}"));
    }
    let text = std::fs::read_to_string(engine.world_path().join("abm_probe.json"))
        .expect("the probe finished in mtedu after the real server's steps");
    let (_, ours) = parse(&text);
    for (label, steps) in &real {
        let mine = &ours[label];
        assert!(
            mine.len() >= steps.len() && mine[mine.len() - steps.len()..] == steps[..],
            "{label}: real server at steps {steps:?}, mtedu at {mine:?} (dtimes {dtimes:?})"
        );
    }
}
