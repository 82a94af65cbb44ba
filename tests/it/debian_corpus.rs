//! The Debian corpus: every server-side `minetest-mod-*` package Debian
//! ships (installed in `/usr/share/games/minetest/mods`, `.ci/run` installs
//! them), each with the packages it needs and minetest_game. On every one
//! the real 5.6.1 server loads, `mtedu check` gives no error-level finding
//! and `mtedu info --all` registers what the real server registers (names,
//! recipes, ABMs, LBMs).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mtedu::content::ModInfo;
use serde_json::Value;

use crate::support::{self, real_server};

/// Where Debian's `minetest-mod-*` packages put their mods.
const DEBIAN_MODS: &str = "/usr/share/games/minetest/mods";

/// The mods of a package folder (a mod, or a modpack of mods).
fn mods_in(dir: &Path) -> Vec<ModInfo> {
    if dir.join("init.lua").is_file() {
        return vec![ModInfo::read(dir)];
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
        .iter()
        .filter(|path| path.is_dir())
        .flat_map(|path| mods_in(path))
        .collect()
}

/// The package folders, sorted.
fn packages() -> Vec<PathBuf> {
    let mut packages: Vec<PathBuf> = std::fs::read_dir(DEBIAN_MODS)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    packages.retain(|path| path.is_dir());
    packages.sort();
    packages
}

/// The package and the other packages its mods' hard dependencies need
/// (those minetest_game does not give).
fn with_dependencies(package: &Path, all: &[PathBuf]) -> Vec<PathBuf> {
    let mut chosen = vec![package.to_path_buf()];
    let mut index = 0;
    while index < chosen.len() {
        let needed: BTreeSet<String> = mods_in(&chosen[index])
            .iter()
            .flat_map(|info| info.dependencies.iter())
            .filter(|dep| !dep.optional)
            .map(|dep| dep.name.clone())
            .collect();
        for name in needed {
            let provider = all
                .iter()
                .find(|candidate| mods_in(candidate).iter().any(|info| info.name == name));
            if let Some(provider) = provider
                && !chosen.contains(provider)
            {
                chosen.push(provider.clone());
            }
        }
        index += 1;
    }
    chosen
}

/// skyblock's load writes a million start positions and reads them back:
/// some 6 s of interpreted Lua, past the default 10 s of wall-clock time
/// when the tests share the machine's cores. The budget is not what this
/// test judges.
const TIME_LIMIT_SECONDS: &str = "60";

fn mtedu_json(args: &[&str], paths: &[PathBuf]) -> Value {
    let output = support::mtedu_command(Path::new("/"))
        .args(args)
        .args(["--format", "json", "--lang", "en"])
        .args(["--time-limit", TIME_LIMIT_SECONDS])
        .args(paths)
        .output()
        .expect("mtedu runs");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "mtedu {args:?} gave no JSON:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn name_set(value: &Value) -> BTreeSet<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Value::Object(map) => map.keys().cloned().collect(),
        _ => BTreeSet::new(),
    }
}

/// What `info --all` and the real server's dump disagree on.
fn registration_differences(real: &Value, info: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in [
        "nodes",
        "craftitems",
        "tools",
        "entities",
        "chatcommands",
        "privileges",
        "aliases",
    ] {
        let (real_names, ours) = (name_set(&real[key]), name_set(&info[key]));
        if real_names != ours {
            let missing: Vec<_> = real_names.difference(&ours).take(5).collect();
            let extra: Vec<_> = ours.difference(&real_names).take(5).collect();
            out.push(format!(
                "{key}: real {} vs mtedu {} (missing {missing:?}, extra {extra:?})",
                real_names.len(),
                ours.len()
            ));
        }
    }
    for key in ["crafts", "abms", "lbms"] {
        if real[key].as_f64() != info[key].as_f64() {
            out.push(format!("{key}: real {} vs mtedu {}", real[key], info[key]));
        }
    }
    out
}

#[test]
fn debian_packages_get_the_real_servers_verdict() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let all = packages();
    if all.is_empty() {
        assert!(
            std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
            "MTEDU_REQUIRE_ENGINE=1 but no minetest-mod-* package is installed in {DEBIAN_MODS}"
        );
        eprintln!("skipping: no minetest-mod-* package in {DEBIAN_MODS}");
        return;
    }
    let mut problems = Vec::new();
    let mut loaded = 0;
    for package in &all {
        let name = package.file_name().unwrap().to_string_lossy().into_owned();
        let dirs = with_dependencies(package, &all);
        let run = real_server::run(&binary, "minetest_game", &dirs, true);
        let Some(dump) = run.dump.filter(|_| run.exit_code == Some(0)) else {
            // Not the real server's to load: mtedu's verdict is not judged here.
            eprintln!(
                "{name}: the real server does not load it (exit {:?})",
                run.exit_code
            );
            continue;
        };
        loaded += 1;
        // As a teacher types it: the package alone. mtedu finds what it
        // needs in the installed `mods/` folders, as the server does.
        let alone = [package.clone()];
        let check = mtedu_json(&["check"], &alone);
        for finding in check["diagnostics"].as_array().into_iter().flatten() {
            if finding["severity"] == "error" {
                problems.push(format!(
                    "{name}: check: {} {}:{} {}",
                    finding["code"], finding["file"], finding["line"], finding["message"]
                ));
            }
        }
        let info = mtedu_json(&["info", "--all"], &alone);
        for difference in registration_differences(&dump, &info) {
            problems.push(format!("{name}: info: {difference}"));
        }
    }
    assert!(loaded > 0, "the real server loaded none of {all:?}");
    assert!(
        problems.is_empty(),
        "{} problems on the {loaded} packages the real server loads:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
