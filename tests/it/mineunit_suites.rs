//! Suites written for mineunit run under `mtedu test` unchanged: the spec
//! loads the mod (`sourcefile`) and its fakes (`fixture`), players join
//! through `mineunit:execute_on_joinplayer`, the world goes on from test to
//! test, setup/teardown run once per block, and each file is on its own.
//! The same files pass under real mineunit when `MTEDU_MINEUNIT` names a
//! mineunit checkout (mineunit is on no package registry CI reaches).

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtedu::host::Host;
use mtedu::testing::{Status, TestOptions, run_tests};
use support::busted::{busted_outcomes, real_busted};

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/testing/mineunit_suite")
}

fn mtedu_outcomes() -> BTreeMap<String, &'static str> {
    let run = run_tests(&[suite()], &TestOptions::default(), &Host::empty());
    let failures: Vec<_> = run
        .results
        .iter()
        .filter(|r| matches!(r.status, Status::Failed | Status::Errored))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    run.results
        .iter()
        .map(|r| (r.name.clone(), r.status.as_str()))
        .collect()
}

#[test]
fn a_mineunit_suite_passes_under_mtedu() {
    let outcomes = mtedu_outcomes();
    assert_eq!(outcomes.len(), 50, "{outcomes:#?}");
    let pending: Vec<_> = outcomes.iter().filter(|(_, s)| **s == "pending").collect();
    assert_eq!(pending.len(), 1, "{pending:?}");
}

#[test]
fn an_unknown_mineunit_module_fails_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("probe");
    std::fs::create_dir_all(root.join("spec")).unwrap();
    std::fs::write(root.join("mod.conf"), "name = probe\n").unwrap();
    std::fs::write(root.join("init.lua"), "").unwrap();
    std::fs::write(
        root.join("spec/probe_spec.lua"),
        "require(\"mineunit\")\nmineunit(\"teleporter\")\nit(\"x\", function() end)\n",
    )
    .unwrap();
    let run = run_tests(&[root], &TestOptions::default(), &Host::empty());
    assert_eq!(run.results.len(), 1, "{:#?}", run.results);
    let result = &run.results[0];
    assert_eq!(result.status, Status::Errored);
    assert!(
        result
            .failure
            .as_ref()
            .is_some_and(|f| f.message.contains("mineunit(\"teleporter\")")
                && f.message.contains("does not simulate")),
        "{result:?}"
    );
}

/// The folder holding the `mineunit` checkout named by `MTEDU_MINEUNIT`.
fn mineunit_parent() -> Option<PathBuf> {
    let Some(checkout) = std::env::var_os("MTEDU_MINEUNIT").map(PathBuf::from) else {
        eprintln!(
            "skipped: set MTEDU_MINEUNIT to a mineunit checkout (a folder named mineunit) \
             to run these suites under real mineunit too"
        );
        return None;
    };
    assert!(
        checkout.join("init.lua").is_file()
            && checkout.file_name().is_some_and(|n| n == "mineunit"),
        "MTEDU_MINEUNIT={} is not a mineunit checkout named mineunit",
        checkout.display()
    );
    checkout.parent().map(Path::to_path_buf)
}

#[test]
fn the_same_suite_passes_under_real_mineunit() {
    let Some(parent) = mineunit_parent() else {
        return;
    };
    let Some(busted) = real_busted() else {
        return;
    };
    let lua_path = format!("{0}/?.lua;{0}/?/init.lua", parent.display());
    let theirs = busted_outcomes_luajit(&busted, &lua_path);
    let ours = mtedu_outcomes();
    let differences: Vec<String> = theirs
        .iter()
        .filter(|o| ours.get(&o.name).copied() != Some(o.status.as_str()))
        .map(|o| {
            format!(
                "mineunit {} / mtedu {:?}: {}",
                o.status,
                ours.get(&o.name),
                o.name
            )
        })
        .collect();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert_eq!(theirs.len(), ours.len(), "different tests: {theirs:#?}");
}

/// mineunit needs LuaJIT's `bit`: busted runs under luajit.
fn busted_outcomes_luajit(busted: &Path, lua_path: &str) -> Vec<support::busted::Outcome> {
    busted_outcomes(busted, &suite(), &["--lua=luajit", "spec"], Some(lua_path))
}
