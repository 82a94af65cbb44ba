//! `data/engine/<version>/` is what the probe mod `data/engine/probe/`
//! measures on that real server: this test runs the probe on every server
//! this machine has and compares. With `MTEDU_WRITE_ENGINE_DATA=1` it writes
//! the files instead (how they are made: `data/engine/README.md`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::support::engines::{self, RealEngine};
use crate::support::real_server;
use serde_json::Value;

fn data_dir(engine: &RealEngine) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/engine")
        .join(engine.version.data_folder())
}

/// The setting names the engine's own settingtypes.txt declares.
fn setting_names(engine: &RealEngine) -> String {
    let text = std::fs::read_to_string(engine.share.join("builtin/settingtypes.txt"))
        .expect("the engine's builtin/settingtypes.txt");
    let types = mtedu::content::SettingTypes::parse(&text);
    let mut names: Vec<String> = types.settings.iter().map(|s| s.name.clone()).collect();
    names.sort();
    names.dedup();
    names.join("\n") + "\n"
}

/// Runs the probe on a bare singlenode world; its JSON and the server's log.
fn probe(engine: &RealEngine) -> (Value, String) {
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/engine/probe");
    let names = setting_names(engine);
    let run = real_server::run_prepared(
        &engine.binary,
        "bare",
        std::slice::from_ref(&probe),
        false,
        "",
        |world| {
            std::fs::write(world.join("setting_names.txt"), &names).unwrap();
            std::fs::write(
                world.join("map_meta.txt"),
                "mg_name = singlenode\n[end_of_params]\n",
            )
            .unwrap();
        },
    );
    let text = std::fs::read_to_string(run.world.join("engine_facts.json")).unwrap_or_else(|_| {
        panic!(
            "{}: the probe wrote nothing (exit {:?}):\n{}",
            engine.version, run.exit_code, run.log
        )
    });
    (serde_json::from_str(&text).unwrap(), run.log)
}

fn sorted_lines(map: &Value, line: impl Fn(&str, &str) -> String) -> String {
    let mut out: Vec<String> = map
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, kind)| line(name, kind.as_str().unwrap_or("")))
        .collect();
    out.sort();
    out.iter().map(|l| format!("{l}\n")).collect()
}

/// Where a Debian root folder's server lives on this machine (it reports
/// its font paths under it): the stored data says `<engine root>` instead,
/// so the facts do not depend on where `scripts/get-engine.sh` put it.
fn engine_root(engine: &RealEngine) -> Option<String> {
    let share = std::fs::canonicalize(&engine.share).ok()?;
    let root = share.to_str()?.strip_suffix("/usr/share/luanti")?;
    Some(root.to_owned())
}

/// The files of `data/engine/<version>/` from one probe run.
fn files_from(facts: &Value, log: &str, root: Option<&str>) -> BTreeMap<&'static str, String> {
    let mut files = BTreeMap::new();
    files.insert(
        "core.txt",
        sorted_lines(&facts["core"], |name, kind| format!("{name} {kind}")),
    );
    files.insert(
        "globals.txt",
        sorted_lines(&facts["globals"], |name, kind| {
            format!("{name} {}", kind.split(' ').next().unwrap_or(kind))
        }),
    );
    let mut libraries = String::new();
    for (lib, entries) in facts["libraries"].as_object().into_iter().flatten() {
        libraries += &sorted_lines(entries, |name, kind| format!("{lib}.{name} {kind}"));
    }
    files.insert("libraries.txt", libraries);
    let mut methods = String::new();
    for (class, names) in facts["methods"].as_object().into_iter().flatten() {
        for name in names.as_array().into_iter().flatten() {
            writeln!(methods, "{class}:{}", name.as_str().unwrap_or("")).unwrap();
        }
    }
    files.insert("methods.txt", methods);
    files.insert(
        "settings.tsv",
        sorted_lines(&facts["settings"], |name, value| {
            let value = match root {
                Some(root) if !root.is_empty() => value.replace(root, "<engine root>"),
                _ => value.to_owned(),
            };
            format!("{name}\t{}", value.replace('\n', "\\n"))
        }),
    );
    // A call that works may still warn in the log (the probe names its items).
    let warning_about = |item: &str| {
        log.lines()
            .find(|line| line.contains("WARNING") && line.contains(item))
            .and_then(|line| line.split_once("]: "))
            .map(|(_, message)| message.to_owned())
    };
    files.insert(
        "after-load.txt",
        sorted_lines(&facts["after_load"], |call, outcome| {
            let outcome = match (outcome, call) {
                ("ok", "override_item") => warning_about("mtedu_engine_probe:block")
                    .map(|m| format!("warns: {m}"))
                    .unwrap_or_else(|| "ok".to_owned()),
                _ => outcome.to_owned(),
            };
            format!("{call}\t{outcome}")
        }),
    );
    files
}

/// The textures the engine itself serves (`textures/base/pack/`).
fn builtin_textures(engine: &RealEngine) -> String {
    let mut names: Vec<String> = std::fs::read_dir(engine.share.join("textures/base/pack"))
        .expect("the engine's textures/base/pack")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.iter().map(|n| format!("{n}\n")).collect()
}

#[test]
fn engine_data_is_what_each_real_server_measures() {
    let write = std::env::var("MTEDU_WRITE_ENGINE_DATA").as_deref() == Ok("1");
    let mut differences = Vec::new();
    for engine in engines::all() {
        let (facts, log) = probe(&engine);
        let dir = data_dir(&engine);
        let mut files = files_from(&facts, &log, engine_root(&engine).as_deref());
        files.insert("builtin-textures.txt", builtin_textures(&engine));
        for (name, measured) in files {
            let path = dir.join(name);
            if write {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &measured).unwrap();
                continue;
            }
            let stored = std::fs::read_to_string(&path).unwrap_or_default();
            if stored != measured {
                let changed: Vec<_> = measured
                    .lines()
                    .filter(|l| !stored.lines().any(|s| s == *l))
                    .chain(
                        stored
                            .lines()
                            .filter(|s| !measured.lines().any(|l| l == *s)),
                    )
                    .take(8)
                    .collect();
                differences.push(format!("{}: {changed:?}", path.display()));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "the real servers measure otherwise (MTEDU_WRITE_ENGINE_DATA=1 rewrites):\n{}",
        differences.join("\n")
    );
}
