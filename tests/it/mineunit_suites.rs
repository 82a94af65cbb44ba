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
    assert_eq!(outcomes.len(), 56, "{outcomes:#?}");
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

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The spec runner's own errors (a mineunit module or a `require` mtedu
/// does not offer, an unregistered node placed, `finally` outside a test,
/// a spec/mineunit.conf that does not parse) reach the reader in French
/// and in English, with Lua's words kept for `-v`.
#[test]
fn the_runners_own_errors_are_said_in_french_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("specs");
    write(&specs.join("mod.conf"), "name = specs\n");
    write(&specs.join("init.lua"), "");
    for (file, body) in [
        (
            "module",
            "require(\"mineunit\")\nmineunit(\"teleporter\")\n",
        ),
        ("require", "require(\"mineunit\")\nrequire(\"socket\")\n"),
        (
            "place",
            "require(\"mineunit\")\nmineunit(\"core\")\nit(\"places\", function() world.place_node({x=0,y=0,z=0}, \"nope:nope\") end)\n",
        ),
        (
            "finally",
            "describe(\"cleans\", function() finally(function() end) end)\n",
        ),
    ] {
        write(&specs.join(format!("spec/{file}_spec.lua")), body);
    }
    let conf = dir.path().join("conf");
    write(&conf.join("mod.conf"), "name = conf\n");
    write(&conf.join("init.lua"), "");
    write(&conf.join("spec/mineunit.conf"), "time_step = = 1\n");
    write(
        &conf.join("spec/a_spec.lua"),
        "require(\"mineunit\")\nit(\"x\", function() end)\n",
    );
    let step = dir.path().join("step");
    write(&step.join("mod.conf"), "name = step\n");
    write(&step.join("init.lua"), "");
    write(&step.join("spec/mineunit.conf"), "time_step = \"fast\"\n");
    write(
        &step.join("spec/a_spec.lua"),
        "require(\"mineunit\")\nit(\"x\", function() end)\n",
    );
    let run = |lang: &str| {
        let output = support::mtedu_command(dir.path())
            .args([
                "--lang",
                lang,
                "test",
                "--no-installed",
                "specs",
                "conf",
                "step",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        support::stdout_of(&output)
    };
    let fr = run("fr");
    for said in [
        "mineunit(\"teleporter\") : mtedu ne simule pas encore ce module de mineunit",
        "ne peut demander (require) que mineunit, luassert (avec luassert.match, .spy, .stub et .mock) et say, pas « socket »",
        "world.place_node : aucun bloc nope:nope n’est enregistré",
        "finally() se met dans it() : appelle-le dans le test qu’il nettoie",
        "spec/mineunit.conf ne se lit pas comme du Lua : ",
        "spec/mineunit.conf : time_step doit être un nombre, pas fast",
    ] {
        assert!(fr.contains(said), "{said}\n{fr}");
    }
    let en = run("en");
    for said in [
        "mineunit(\"teleporter\"): mtedu does not simulate this mineunit module yet; leave the line out",
        "a spec can require only mineunit, luassert (with luassert.match, .spy, .stub and .mock) and say, not \"socket\"",
        "world.place_node: no node nope:nope is registered (register it first",
        "finally() belongs inside it(): call it in the test it cleans up after",
        "spec/mineunit.conf cannot be read as Lua: ",
        "spec/mineunit.conf: time_step must be a number, not fast",
    ] {
        assert!(en.contains(said), "{said}\n{en}");
    }
    assert!(!fr.contains("does not simulate"), "{fr}");
}
