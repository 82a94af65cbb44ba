//! Differential tests on what real mods do with the engine: each cause of a
//! false verdict on real content has a minimal reproduction mod in
//! `tests/fixtures/engine/real_content/`, which records what it saw in
//! `<world>/<mod>.json`; the real 5.6.1 server and mtedu must record the
//! same.

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtedu::content::ModInfo;
use mtedu::engine::{Engine, LoadRequest};
use support::real_server::{self, DEBIAN_GAMES};

fn reproductions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/real_content");
    let mut mods: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("init.lua").is_file())
        .collect();
    mods.sort();
    mods
}

fn results(world: &Path, name: &str) -> BTreeMap<String, serde_json::Value> {
    let path = world.join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} was not written", path.display()));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn reproductions_record_the_same_as_the_real_server() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let mods = reproductions();
    assert!(mods.len() >= 8, "the reproductions are there: {mods:?}");
    let run = real_server::run(&binary, "minetest_game", &mods, true);
    assert_eq!(
        run.exit_code,
        Some(0),
        "the real server loads them:\n{}",
        run.log
    );

    let game = LoadRequest::for_game(&Path::new(DEBIAN_GAMES).join("minetest_game"));
    let extra: Vec<ModInfo> = mods.iter().map(|dir| ModInfo::read(dir)).collect();
    let request = LoadRequest {
        mods: LoadRequest::assemble(game.mods, extra, Vec::new()),
        settings: game.settings,
        ..LoadRequest::default()
    };
    let (engine, report) = Engine::load(&request).expect("engine starts");
    assert!(report.failure.is_none(), "{:#?}", report.failure);

    let mut differences = Vec::new();
    for dir in &mods {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let real = results(&run.world, &name);
        let ours = results(&engine.world_path(), &name);
        for (key, value) in &real {
            if ours.get(key) != Some(value) {
                differences.push(format!(
                    "{name} {key}:\n  real:  {value:?}\n  mtedu: {:?}",
                    ours.get(key)
                ));
            }
        }
        for key in ours.keys().filter(|key| !real.contains_key(*key)) {
            differences.push(format!("{name} {key}: only in mtedu"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn verdict_mod(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/engine/real_verdicts")
        .join(name)
}

/// `mtedu check` on one mod (no installed content): its findings.
fn check_findings(dir: &Path) -> Vec<serde_json::Value> {
    support::check_findings(dir, &["--no-installed"])
}

fn is_error(finding: &serde_json::Value) -> bool {
    finding["severity"] == "error"
}

/// The real server refuses the mod at line 2; `check` must say so there,
/// even with a note about an unused variable on the same line.
#[test]
fn a_load_error_is_kept_beside_an_unrelated_note() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let dir = verdict_mod("rv_nil_position");
    let run = real_server::run(&binary, "bare", std::slice::from_ref(&dir), true);
    assert_eq!(run.exit_code, Some(1), "{}", run.log);
    assert!(
        run.log.contains("rv_nil_position/init.lua:2:"),
        "{}",
        run.log
    );
    let findings = check_findings(&dir);
    assert!(
        findings.iter().any(|f| is_error(f) && f["line"] == 2),
        "no error at line 2: {findings:#?}"
    );
}

/// A class mtedu does not simulate is mtedu's gap: at most a warning that
/// says so, while the real server loads the mod.
#[test]
fn a_class_mtedu_does_not_simulate_is_a_warning() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let dir = verdict_mod("rv_perlin_noise");
    let run = real_server::run(&binary, "bare", std::slice::from_ref(&dir), true);
    assert_eq!(run.exit_code, Some(0), "{}", run.log);
    let findings = check_findings(&dir);
    assert!(!findings.iter().any(is_error), "{findings:#?}");
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "MT3004" && f["severity"] == "warning"),
        "{findings:#?}"
    );
}

/// After loading minetest_game, every key of mtedu's `core` table is one
/// the real server's has too (a mod testing `if core.f then` must see what
/// the real engine gives it).
#[test]
fn core_has_no_key_the_real_server_lacks() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let run = real_server::run(&binary, "minetest_game", &[], true);
    let dump = run.dump.expect("dump written");
    let real: std::collections::BTreeSet<String> = dump["api"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|entry| entry.as_str()?.split(' ').next().map(str::to_owned))
        .collect();
    let request = LoadRequest::for_game(&Path::new(DEBIAN_GAMES).join("minetest_game"));
    let (engine, report) = Engine::load(&request).expect("engine starts");
    assert!(report.failure.is_none(), "{:#?}", report.failure);
    let values = engine
        .eval(
            "local names = {} for name in pairs(core) do names[#names + 1] = name end return table.concat(names, ' ')",
            &mtedu::engine::Limits::default(),
        )
        .unwrap();
    let ours = match values.into_iter().next() {
        Some(mlua::Value::String(s)) => s.to_string_lossy(),
        other => panic!("{other:?}"),
    };
    let extra: Vec<&str> = ours
        .split(' ')
        .filter(|name| !real.contains(*name))
        .collect();
    assert!(
        extra.is_empty(),
        "keys the real core table lacks: {extra:?}"
    );
}
