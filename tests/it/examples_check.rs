//! Every example mod in `examples/` is complete (mod.conf with a
//! description and dependencies, README, licence, French translation,
//! specs), its textures are mtedu's own drawings, it passes `mtedu check`
//! without a single finding and all its specs pass — at least
//! [`MIN_SPECS`] of them together, the suite `benches/spec_speed.rs` times.
//! They depend on minetest_game, so it must be installed.

use crate::support;

use std::path::{Path, PathBuf};

use mtedu::check::check;
use mtedu::host::Host;
use mtedu::lint::LintOptions;
use mtedu::testing::{Status, TestOptions, run_tests};

/// The examples' specs together: issue 5 times a suite of at least this many.
const MIN_SPECS: usize = 200;

/// Every PNG of the examples and the drawing (`scaffold::picture_png`) it is.
const TEXTURES: &[(&str, &str, &str)] = &[
    ("hello_block", "hello_block_block.png", "bricks"),
    ("chat_greeter", "chat_greeter_medal.png", "medal"),
    ("magic_lamp", "magic_lamp_lamp_off.png", "lamp_off"),
    ("magic_lamp", "magic_lamp_lamp_on.png", "lamp_on"),
    ("trader", "trader_coin.png", "coin"),
    ("trader", "trader_stall.png", "stall"),
    ("walking_pig", "walking_pig_pig_face.png", "pig_face"),
    ("walking_pig", "walking_pig_pig_skin.png", "pig_skin"),
    ("walking_pig", "walking_pig_spawn_egg.png", "spawn_egg"),
    ("walking_pig", "walking_pig_pork_raw.png", "pork_raw"),
    ("walking_pig", "walking_pig_pork_cooked.png", "pork_cooked"),
    ("treasure_tools", "treasure_tools_raw_gem.png", "raw_gem"),
    ("treasure_tools", "treasure_tools_gem.png", "gem"),
    ("treasure_tools", "treasure_tools_pickaxe.png", "pickaxe"),
    ("treasure_tools", "treasure_tools_shovel.png", "shovel"),
    ("treasure_tools", "treasure_tools_sword.png", "sword"),
    ("treasure_tools", "treasure_tools_finder.png", "finder"),
];

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn examples() -> Vec<PathBuf> {
    let examples = mtedu::content::subfolders(&examples_dir());
    assert!(!examples.is_empty(), "no example mods");
    examples
}

#[test]
fn every_example_is_a_complete_mod() {
    for example in examples() {
        let name = example.file_name().unwrap().to_string_lossy().into_owned();
        let conf = std::fs::read_to_string(example.join("mod.conf")).unwrap_or_default();
        for key in ["name", "description", "depends"] {
            assert!(
                conf.lines().any(|l| l.starts_with(&format!("{key} = "))),
                "{name}: mod.conf has no {key}"
            );
        }
        assert!(conf.contains(&format!("name = {name}\n")), "{name}: name");
        for file in [
            "init.lua".to_owned(),
            "README.md".to_owned(),
            "LICENSE.txt".to_owned(),
            format!("locale/{name}.fr.tr"),
        ] {
            assert!(example.join(&file).is_file(), "{name}: no {file}");
        }
        let init = std::fs::read_to_string(example.join("init.lua")).unwrap();
        assert!(
            init.contains(&format!("get_translator(\"{name}\")")),
            "{name}: texts are not translated through get_translator"
        );
        let specs = std::fs::read_dir(example.join("spec"))
            .map(|dir| {
                dir.flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with("_spec.lua"))
                    .count()
            })
            .unwrap_or(0);
        assert!(specs > 0, "{name}: no spec/*_spec.lua");
    }
}

#[test]
fn example_textures_are_mtedus_own_drawings() {
    let drawings: Vec<(PathBuf, &str)> = TEXTURES
        .iter()
        .map(|(example, file, picture)| (Path::new(example).join("textures").join(file), *picture))
        .collect();
    support::check_drawings(&examples_dir(), &drawings);
}

#[test]
fn every_example_mod_is_clean() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    for example in examples() {
        let report = check(
            std::slice::from_ref(&example),
            &LintOptions::default(),
            &host,
        );
        let findings: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}:{:?}", d.code.id, d.path.display(), d.span))
            .collect();
        assert!(findings.is_empty(), "{}: {findings:?}", example.display());
    }
}

/// Every example's specs pass, and there are enough of them for the bench.
#[test]
fn every_example_spec_passes() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let run = run_tests(&[examples_dir()], &TestOptions::default(), &host);
    let failing: Vec<_> = run
        .results
        .iter()
        .filter(|r| r.status != Status::Passed)
        .collect();
    assert!(failing.is_empty(), "seed {}: {failing:#?}", run.seed);
    for example in examples() {
        let passed = run
            .results
            .iter()
            .filter(|r| r.file.starts_with(&example))
            .count();
        assert!(passed >= 3, "{}: only {passed} specs", example.display());
    }
    assert!(
        run.count(Status::Passed) >= MIN_SPECS,
        "{} specs in examples/, fewer than {MIN_SPECS}",
        run.count(Status::Passed)
    );
}
