//! The bundled lessons (`lessons/<nn-id>/`): each is clean under `check`,
//! its solution meets every objective, its starter validates and meets
//! exactly the objectives declared below, its textures are mtedu's own
//! drawings, and its packed world loads on the real server.
//!
//! Objectives need minetest_game: when it is missing the tests skip, unless
//! `MTEDU_REQUIRE_ENGINE=1`, where they fail.

use crate::support;

use std::path::{Path, PathBuf};

use mtedu::check::check;
use mtedu::content::LessonInfo;
use mtedu::host::Host;
use mtedu::lessons::{bundled_lessons, check_objectives};
use mtedu::lint::LintOptions;
use mtedu::pack::{InstallOptions, NoProgress, PackOptions, install, pack};
use mtedu::testing::TestOptions;
use support::{copy_dir, real_server};

/// Every lesson, the mod its starter holds, and the objectives its starter
/// already meets (the rest are the pupil's work).
const LESSONS: &[(&str, &str, &[&str])] = &[
    ("01-first-block", "first_block", &[]),
    ("02-craft-recipe", "gem_craft", &[]),
    ("03-chat-command", "my_commands", &["hello"]),
    ("04-punch-block", "punch_block", &["block"]),
    ("05-magic-tool", "magic_wand", &[]),
    ("06-treasure-hunt", "treasure_hunt", &["treasure"]),
];

/// Every PNG of the lessons (in both `starter/` and `solution/`, under
/// `textures/`) and the drawing (`scaffold::picture_png`) it is.
const TEXTURES: &[(&str, &str, &str)] = &[
    ("01-first-block", "first_block_block.png", "bricks"),
    ("02-craft-recipe", "gem_craft_gem.png", "gem"),
    ("02-craft-recipe", "gem_craft_gem_block.png", "logo"),
    ("03-chat-command", "my_commands_star.png", "star"),
    ("04-punch-block", "punch_block_block.png", "face"),
    ("04-punch-block", "punch_block_gold.png", "star"),
    ("05-magic-tool", "magic_wand_wand.png", "wand"),
    ("05-magic-tool", "magic_wand_crystal.png", "gem"),
    ("06-treasure-hunt", "treasure_hunt_chest.png", "chest"),
];

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

#[test]
fn the_table_lists_every_bundled_lesson() {
    let bundled: Vec<String> = bundled_lessons().into_iter().map(|b| b.id).collect();
    let listed: Vec<&str> = LESSONS.iter().map(|(id, _, _)| *id).collect();
    assert_eq!(bundled, listed);
    for lesson in bundled_lessons() {
        assert_eq!(lesson.lesson.id, lesson.id, "id in lesson.toml");
        assert!(!lesson.lesson.objectives.is_empty());
        let (low, high) = lesson.lesson.ages;
        assert!(low >= 8 && high <= 15, "{}: ages {low}-{high}", lesson.id);
        assert!(
            (60..=90).contains(&lesson.lesson.duration),
            "{}: {} minutes",
            lesson.id,
            lesson.lesson.duration
        );
    }
}

#[test]
fn lesson_textures_are_mtedus_own_drawings() {
    let drawings: Vec<(PathBuf, &str)> = TEXTURES
        .iter()
        .flat_map(|(lesson, file, picture)| {
            ["starter", "solution"].map(|part| {
                (
                    Path::new(lesson).join(part).join("textures").join(file),
                    *picture,
                )
            })
        })
        .collect();
    support::check_drawings(&lessons_dir(), &drawings);
}

/// Each lesson is checked with no finding at all, then its objectives run
/// once on the solution and once on the starter, for every engine version
/// a class may have.
#[test]
fn every_lesson_is_clean_and_its_solution_meets_every_objective() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let mut problems = Vec::new();
    for engine in mtedu::engine::EngineVersion::ALL {
        for (id, _, starter_meets) in LESSONS {
            let dir = lessons_dir().join(id);
            let options = LintOptions {
                engine,
                ..LintOptions::default()
            };
            let report = check(std::slice::from_ref(&dir), &options, &host);
            for d in &report.diagnostics {
                problems.push(format!(
                    "{engine} {id}: {} {} {:?} {:?}",
                    d.code.id,
                    d.path.display(),
                    d.span,
                    d.args
                ));
            }
            let lesson = LessonInfo::read(&dir);
            let all: Vec<&str> = lesson
                .file
                .lesson
                .objectives
                .iter()
                .map(|o| o.id.as_str())
                .collect();
            for (part, expected) in [
                ("solution", all.clone()),
                ("starter", starter_meets.to_vec()),
            ] {
                let test_options = TestOptions {
                    engine,
                    ..TestOptions::default()
                };
                let progress =
                    check_objectives(&dir.join(part), lesson.clone(), &test_options, &host);
                let met: Vec<&str> = progress
                    .objectives
                    .iter()
                    .filter(|o| o.met)
                    .map(|o| o.objective.id.as_str())
                    .collect();
                if met != expected {
                    let failures: Vec<_> = progress
                        .objectives
                        .iter()
                        .flat_map(|o| &o.failures)
                        .collect();
                    problems.push(format!(
                        "{engine} {id}/{part}: met {met:?}, expected {expected:?}: {failures:#?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// `mtedu pack lessons/<id>` gives a world that the real server starts with
/// the lesson's mod loaded and no error in its log.
#[test]
fn every_packed_lesson_world_loads_on_the_real_server() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    for (id, modname, _) in LESSONS {
        let temp = tempfile::tempdir().unwrap();
        let archive = temp.path().join(format!("{id}.zip"));
        let options = PackOptions {
            output: Some(archive.clone()),
            ..PackOptions::default()
        };
        let packed = pack(&lessons_dir().join(id), &options, &host, &NoProgress);
        assert!(packed.archive.is_some(), "{id}: {:#?}", packed.report);
        assert!(!packed.report.has_errors(), "{id}: {:#?}", packed.report);
        let home = temp.path().join("home");
        let installed = install(
            &archive,
            &InstallOptions {
                to: Some(home.join(".minetest")),
                ..InstallOptions::default()
            },
            &host,
            &NoProgress,
        )
        .installed
        .unwrap_or_else(|| panic!("{id}: not installed"));
        assert!(installed.join("handout.md").is_file());
        copy_dir(
            &real_server::dump_mod_dir(),
            &installed.join("worldmods/mtedu_dump"),
        );
        let run = real_server::run_world(&binary, &installed, &home);
        assert_eq!(run.exit_code, Some(0), "{id}: {}", run.log);
        assert!(!run.log.contains("ERROR["), "{id}: {}", run.log);
        let modnames = run
            .dump
            .as_ref()
            .map(|dump| dump["modnames"].to_string())
            .unwrap_or_default();
        assert!(
            modnames.contains(&format!("\"{modname}\"")),
            "{id}: {modname} not loaded: {modnames} {}",
            run.log
        );
    }
}

/// handout.md is structured so it can be rendered: a title, a French and an
/// English part, each with the objectives as a checklist.
#[test]
fn every_handout_has_both_languages_and_the_objectives_checklist() {
    for bundled in bundled_lessons() {
        let path = lessons_dir().join(&bundled.id).join("handout.md");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# "), "{}: no title", path.display());
        let french = text.find("\n## Français\n").expect("a French part");
        let english = text.find("\n## English\n").expect("an English part");
        assert!(french < english);
        for objective in &bundled.lesson.objectives {
            let fr = format!("- [ ] {}\n", objective.text.fr);
            let en = format!("- [ ] {}\n", objective.text.en);
            assert!(
                text[french..english].contains(&fr) && text[english..].contains(&en),
                "{}: objective {} is not in the checklists",
                path.display(),
                objective.id
            );
        }
    }
}
