//! `mtedu lessons`, `mtedu lessons start` and `mtedu check` in a pupil's
//! copy, through the binary, in French and English; `mtedu new lesson` and
//! `mtedu new game` give folders that `mtedu check` finds clean.
//!
//! Checking objectives needs minetest_game: skipped when it is missing,
//! unless `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::path::Path;

use support::{mtedu_command, stdout_of};

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = mtedu_command(dir).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        stdout_of(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn lessons_are_listed_in_the_pupils_language_and_as_json() {
    let temp = tempfile::tempdir().unwrap();
    let (code, fr, _) = run(temp.path(), &["--lang", "fr", "lessons"]);
    assert_eq!(code, 0);
    assert!(fr.contains("01-first-block    Mon premier bloc   "), "{fr}");
    assert!(fr.contains("(8 à 12 ans, 60 min)"), "{fr}");
    assert!(fr.contains("06-treasure-hunt  Chasse au trésor"), "{fr}");
    // Columns: every line's title and ages start at the same place.
    let starts: Vec<(usize, usize)> = fr
        .lines()
        .filter(|line| line.starts_with('0'))
        .map(|line| {
            let title = line.find("  ").unwrap();
            let title = title + line[title..].find(|c: char| c != ' ').unwrap();
            (title, line.chars().position(|c| c == '(').unwrap())
        })
        .collect();
    assert_eq!(starts.len(), 6, "{fr}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}\n{fr}");
    let (_, en, _) = run(temp.path(), &["lessons"]);
    assert!(en.contains("01-first-block    My first block"), "{en}");
    assert!(en.contains("(8–12 years, 60 min)"), "{en}");
    let (_, json, _) = run(temp.path(), &["--format", "json", "lessons"]);
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    let lessons = document["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 6);
    assert_eq!(lessons[1]["id"], "02-craft-recipe");
    assert_eq!(lessons[1]["title"], "Crafting recipes");
    assert_eq!(lessons[1]["objectives"], 4);
}

#[test]
fn a_pupil_starts_a_lesson_and_check_shows_the_objectives() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let (code, out, _) = run(temp.path(), &["--lang", "fr", "lessons", "start", "1"]);
    assert_eq!(code, 0, "{out}");
    let copy = temp.path().join("first_block");
    for file in [
        "init.lua",
        "mod.conf",
        "handout.md",
        "textures/first_block_block.png",
        ".mtedu-lesson/lesson.toml",
        ".mtedu-lesson/checks/objectives_spec.lua",
    ] {
        assert!(copy.join(file).is_file(), "{file} missing");
    }
    assert!(
        !copy.join("solution").exists() && !copy.join(".mtedu-lesson/solution").exists(),
        "the solution stays out of the pupil's copy"
    );

    let (code, out, _) = run(&copy, &["--lang", "fr", "check"]);
    assert_eq!(code, 0, "unmet objectives are not errors: {out}");
    assert!(out.contains("Objectifs : 0/4 ✓"), "{out}");
    assert!(
        out.contains("  ✗ Crée le bloc first_block:block avec une description"),
        "{out}"
    );
    assert!(out.contains("Indice : Enlève les --"), "{out}");

    // The pupil does half the work: block and texture, nothing else.
    std::fs::write(
        copy.join("init.lua"),
        "minetest.register_node(\"first_block:block\", {\n\tdescription = \"Bloc\",\n\ttiles = { \"first_block_block.png\" },\n})\n",
    )
    .unwrap();
    let (code, out, _) = run(&copy, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Objectives: 2/4 ✓"), "{out}");
    assert!(
        out.contains("  ✓ Give it the picture first_block_block.png"),
        "{out}"
    );
    assert!(
        out.contains("Next objective: Make it diggable, so players can pick it up"),
        "{out}"
    );
    assert!(out.contains("Hint: Add groups = { cracky = 3 }"), "{out}");

    let solution =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/01-first-block/solution/init.lua");
    std::fs::copy(solution, copy.join("init.lua")).unwrap();
    let (code, json, _) = run(temp.path(), &["--format", "json", "check", "first_block"]);
    assert_eq!(code, 0, "{json}");
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(document["version"], 1);
    assert_eq!(document["summary"]["errors"], 0);
    let objectives = &document["objectives"][0];
    assert_eq!(objectives["lesson"], "01-first-block");
    assert_eq!(objectives["met"], 4);
    assert_eq!(objectives["total"], 4);
    assert_eq!(objectives["items"][3]["id"], "glow");
    assert_eq!(objectives["items"][3]["met"], true);

    let (code, _, err) = run(temp.path(), &["--lang", "fr", "lessons", "start", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("existe déjà"), "{err}");
    let kept = std::fs::read_to_string(copy.join("init.lua")).unwrap();
    assert!(kept.contains("light_source"), "the pupil's work is kept");
}

/// A pupil's copy whose block uses a function Luanti 5.10 added: checked
/// for 5.15 it meets every objective, for 5.6 (where the mod stops at that
/// line) none, with the version warning: the objectives run on the engine
/// `--engine` names, not on the default one.
#[test]
fn check_runs_a_lessons_objectives_on_the_engine_it_is_told() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let (code, out, _) = run(temp.path(), &["lessons", "start", "1"]);
    assert_eq!(code, 0, "{out}");
    let copy = temp.path().join("first_block");
    let solution =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/01-first-block/solution/init.lua");
    let newer = std::fs::read_to_string(solution).unwrap().replace(
        "description = \"Mon premier bloc\"",
        "description = minetest.hypertext_escape(\"Mon premier bloc\")",
    );
    assert!(newer.contains("hypertext_escape"), "{newer}");
    std::fs::write(copy.join("init.lua"), newer).unwrap();
    for (engine, met, warnings) in [("5.15", 4, 0), ("5.10", 4, 0), ("5.6", 0, 1)] {
        let (_, json, err) = run(
            temp.path(),
            &[
                "--format",
                "json",
                "check",
                "--engine",
                engine,
                "first_block",
            ],
        );
        let document: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|_| panic!("{engine}: no JSON:\n{json}\n{err}"));
        assert_eq!(document["engine"]["version"], engine, "{json}");
        assert_eq!(
            document["objectives"][0]["met"], met,
            "{engine}: {}",
            document["objectives"]
        );
        let version_warnings = document["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "MT2110")
            .count();
        assert_eq!(version_warnings, warnings, "{engine}: {json}");
    }
}

#[test]
fn json_of_check_outside_a_lesson_has_no_objectives_key() {
    let temp = tempfile::tempdir().unwrap();
    support::packing::small_mod(&temp.path().join("small"));
    let (_, json, _) = run(
        temp.path(),
        &["--format", "json", "check", "--no-installed", "small"],
    );
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(document.get("objectives").is_none(), "{json}");
    assert!(document.get("diagnostics").is_some(), "{json}");
}

#[test]
fn unknown_lessons_are_refused_with_the_list() {
    let temp = tempfile::tempdir().unwrap();
    let (code, _, err) = run(temp.path(), &["lessons", "start", "99"]);
    assert_eq!(code, 2);
    assert!(err.contains("There is no lesson \"99\""), "{err}");
    assert!(err.contains("01-first-block"), "{err}");
    assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 0);
}

#[test]
fn new_lesson_and_new_game_are_clean_under_check() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    for (kind, name) in [("lesson", "07-my-lesson"), ("game", "my_game")] {
        let (code, out, err) = run(temp.path(), &["--lang", "fr", "new", kind, name]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let (code, out, _) = run(temp.path(), &["check", "07-my-lesson", "my_game"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("All good"), "{out}");
    let lesson = mtedu::content::LessonInfo::read(&temp.path().join("07-my-lesson"));
    assert_eq!(lesson.file.lesson.id, "07-my-lesson");
    let host = mtedu::host::Host::detect();
    for (part, met) in [("solution", 1), ("starter", 0)] {
        let progress = mtedu::lessons::check_objectives(
            &temp.path().join("07-my-lesson").join(part),
            lesson.clone(),
            &mtedu::testing::TestOptions::default(),
            &host,
        );
        assert_eq!(progress.met(), met, "{part}: {:#?}", progress.objectives);
    }
    let (code, _, err) = run(temp.path(), &["new", "lesson", "Ma Leçon"]);
    assert_eq!(code, 2);
    assert!(err.contains("ma-lecon"), "{err}");
}

#[test]
fn one_copy_per_pupil_folder_named_after_the_mod() {
    let temp = tempfile::tempdir().unwrap();
    let args = [
        "--lang", "fr", "lessons", "start", "1", "alice", "bob", "chloe",
    ];
    let (code, out, err) = run(temp.path(), &args);
    assert_eq!(code, 0, "{out}{err}");
    for pupil in ["alice", "bob", "chloe"] {
        let copy = temp.path().join(pupil).join("first_block");
        assert!(copy.join("init.lua").is_file(), "{}", copy.display());
        assert!(copy.join(".mtedu-lesson/lesson.toml").is_file());
        assert!(out.contains(&format!("{pupil}/first_block")), "{out}");
    }
    // A folder already named after the mod is the copy itself.
    let (code, _, _) = run(temp.path(), &["lessons", "start", "1", "dan/first_block"]);
    assert_eq!(code, 0);
    assert!(temp.path().join("dan/first_block/init.lua").is_file());
    // Never over a pupil's work.
    let (code, _, err) = run(
        temp.path(),
        &["--lang", "fr", "lessons", "start", "1", "alice"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("existe déjà"), "{err}");
}

#[test]
fn the_handout_is_shown_in_the_readers_language_or_written_as_a_page() {
    let temp = tempfile::tempdir().unwrap();
    let (code, fr, _) = run(temp.path(), &["--lang", "fr", "lessons", "show", "1"]);
    assert_eq!(code, 0, "{fr}");
    assert!(fr.contains("### Objectifs"), "{fr}");
    assert!(!fr.contains("### Objectives"), "{fr}");
    assert!(fr.contains("--html"), "{fr}");
    let (_, en, _) = run(
        temp.path(),
        &["--lang", "en", "lessons", "show", "first-block"],
    );
    assert!(
        en.contains("### Objectives") && !en.contains("### Objectifs"),
        "{en}"
    );
    let page = temp.path().join("fiche.html");
    let args = ["lessons", "show", "2", "--html", page.to_str().unwrap()];
    let (code, out, _) = run(temp.path(), &args);
    assert_eq!(code, 0, "{out}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<input"),
        "{html}"
    );
    let (code, _, err) = run(temp.path(), &["lessons", "show", "99"]);
    assert_eq!(code, 2);
    assert!(err.contains("01-first-block"), "{err}");
}

#[test]
fn a_copy_that_does_not_load_says_the_objectives_wait_for_the_fix() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let (code, _, _) = run(temp.path(), &["lessons", "start", "1"]);
    assert_eq!(code, 0);
    let init = temp.path().join("first_block/init.lua");
    let mut text = std::fs::read_to_string(&init).unwrap();
    text.push_str("\nminetest.register_node(\"first_block:oops\", {\n");
    std::fs::write(&init, text).unwrap();
    let (code, out, _) = run(temp.path(), &["--lang", "fr", "check", "first_block"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("ne peuvent pas être vérifiés tant que"),
        "{out}"
    );
    assert!(!out.contains("Objectifs : 0/4"), "{out}");
    assert!(!out.contains("Indice"), "{out}");
    let (_, json, _) = run(temp.path(), &["--format", "json", "check", "first_block"]);
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    let lesson = &document["objectives"][0];
    assert_eq!(lesson["checked"], false, "{json}");
    assert_eq!(lesson["mod_broken"], true, "{json}");
}

/// A class folder: `mtedu check .` finds every pupil's copy and starts with
/// one line per pupil; each block says whose it is; JSON has one entry per
/// pupil.
#[test]
fn a_class_folder_is_checked_pupil_by_pupil() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let (code, _, _) = run(
        temp.path(),
        &["lessons", "start", "1", "alice", "bob", "chloe"],
    );
    assert_eq!(code, 0);
    let bob = temp.path().join("bob/first_block/init.lua");
    let mut text = std::fs::read_to_string(&bob).unwrap();
    text.push_str("\nminetest.register_node(\"first_block:block\", {description = \"Bloc\"})\n");
    std::fs::write(&bob, text).unwrap();
    let chloe = temp.path().join("chloe/first_block/init.lua");
    let mut text = std::fs::read_to_string(&chloe).unwrap();
    text.push_str("\nlocal x = = 1\n");
    std::fs::write(&chloe, text).unwrap();
    let (code, out, _) = run(temp.path(), &["--lang", "fr", "check", "."]);
    assert_eq!(code, 1, "{out}");
    let table: Vec<&str> = out.lines().take(4).collect();
    assert!(
        table[0].starts_with("Élève") && table[0].contains("Objectifs"),
        "{out}"
    );
    assert!(
        table[1].starts_with("alice") && table[1].ends_with("0/4"),
        "{out}"
    );
    assert!(
        table[2].starts_with("bob") && table[2].ends_with("1/4"),
        "{out}"
    );
    assert!(
        table[3].starts_with("chloe") && table[3].contains("pas vérifiés"),
        "{out}"
    );
    assert!(
        out.contains("alice — Mon premier bloc — Objectifs : 0/4"),
        "{out}"
    );
    let (_, json, _) = run(
        temp.path(),
        &[
            "--format",
            "json",
            "check",
            "alice/first_block",
            "chloe/first_block",
        ],
    );
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pupils: Vec<(&str, u64)> = document["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["pupil"].as_str().unwrap(),
                entry["errors"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pupils, [("alice", 0), ("chloe", 1)], "{json}");
}
