//! `mtedu new mod`: every template in both languages makes a mod that
//! `mtedu check` finds nothing in and whose specs all pass; bad names and
//! existing folders are refused without writing anything.
//!
//! The check and specs need minetest_game (for `default`): skipped when it is
//! not installed, unless `MTEDU_REQUIRE_ENGINE=1`, where its absence fails.

use crate::support;

use std::path::Path;

use mtedu::check::check;
use mtedu::host::Host;
use mtedu::i18n::Lang;
use mtedu::lint::LintOptions;
use mtedu::scaffold::{NewModOptions, ScaffoldError, Template, new_mod};
use mtedu::testing::{Status, TestOptions, run_tests};

fn options(parent: &Path, name: &str, template: Template, lang: Lang) -> NewModOptions {
    NewModOptions {
        name: name.to_owned(),
        template,
        lang,
        author: "Camille".to_owned(),
        parent: parent.to_path_buf(),
    }
}

fn assert_clean_and_passing(template: Template, lang: Lang) {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let name = format!("my_{}", template.name());
    let created = new_mod(&options(temp.path(), &name, template, lang)).unwrap();
    let paths = vec![created.dir.clone()];
    let report = check(&paths, &LintOptions::default(), &host);
    let findings: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{} {:?} {:?} {:?}", d.code.id, d.path, d.span, d.args))
        .collect();
    assert!(findings.is_empty(), "{template:?} {lang:?}: {findings:#?}");
    let run = run_tests(&paths, &TestOptions::default(), &host);
    let bad: Vec<_> = run
        .results
        .iter()
        .filter(|r| r.status != Status::Passed)
        .collect();
    assert!(bad.is_empty(), "{template:?} {lang:?}: {bad:#?}");
    assert!(run.count(Status::Passed) >= 1, "{template:?}: no spec ran");
}

macro_rules! template_tests {
    ($($test:ident: $template:expr,)*) => {$(
        #[test]
        fn $test() {
            assert_clean_and_passing($template, Lang::Fr);
            assert_clean_and_passing($template, Lang::En);
        }
    )*};
}

template_tests! {
    empty_is_clean_and_passes: Template::Empty,
    node_is_clean_and_passes: Template::Node,
    craftitem_is_clean_and_passes: Template::Craftitem,
    tool_is_clean_and_passes: Template::Tool,
    craft_is_clean_and_passes: Template::Craft,
    chatcommand_is_clean_and_passes: Template::Chatcommand,
    entity_is_clean_and_passes: Template::Entity,
    formspec_is_clean_and_passes: Template::Formspec,
}

#[test]
fn bad_names_get_a_suggestion() {
    let temp = tempfile::tempdir().unwrap();
    let error = new_mod(&options(temp.path(), "mon-bloc", Template::Empty, Lang::Fr)).unwrap_err();
    assert!(
        matches!(&error, ScaffoldError::InvalidName { suggestion, .. } if suggestion == "mon_bloc"),
        "{error:?}"
    );
    let error = new_mod(&options(temp.path(), "vector", Template::Empty, Lang::Fr)).unwrap_err();
    assert!(
        matches!(error, ScaffoldError::ReservedName { .. }),
        "{error:?}"
    );
    assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 0);
}

#[test]
fn existing_folders_are_never_overwritten() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::create_dir(temp.path().join("taken")).unwrap();
    std::fs::write(temp.path().join("taken/init.lua"), "-- mine").unwrap();
    let error = new_mod(&options(temp.path(), "taken", Template::Node, Lang::En)).unwrap_err();
    assert!(matches!(error, ScaffoldError::Exists { .. }), "{error:?}");
    let kept = std::fs::read_to_string(temp.path().join("taken/init.lua")).unwrap();
    assert_eq!(kept, "-- mine");
    assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 1);
}

#[test]
fn files_are_listed_and_templates_named() {
    let temp = tempfile::tempdir().unwrap();
    let created = new_mod(&options(temp.path(), "hop", Template::Node, Lang::Fr)).unwrap();
    for file in [
        "mod.conf",
        "init.lua",
        ".luacheckrc",
        "README.md",
        "LICENSE.txt",
        "locale/hop.fr.tr",
        "spec/hop_spec.lua",
        "textures/hop_block.png",
    ] {
        assert!(created.files.iter().any(|f| f == Path::new(file)), "{file}");
        assert!(created.dir.join(file).is_file(), "{file}");
    }
    for template in Template::ALL {
        assert_eq!(Template::from_name(template.name()), Some(*template));
    }
}

#[test]
fn the_command_explains_bad_names_in_french_and_exits_2() {
    let temp = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mtedu"))
            .args(args)
            .current_dir(temp.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let bad = run(&["--lang", "fr", "new", "mod", "mon-bloc"]);
    assert_eq!(bad.status.code(), Some(2));
    let text = String::from_utf8_lossy(&bad.stderr);
    assert!(text.contains("« mon_bloc »"), "{text}");
    let good = run(&[
        "--lang",
        "en",
        "new",
        "mod",
        "mon_bloc",
        "--template",
        "node",
    ]);
    assert_eq!(good.status.code(), Some(0));
    let text = String::from_utf8_lossy(&good.stdout);
    assert!(
        text.contains("mtedu check") && text.contains("textures/mon_bloc_block.png"),
        "{text}"
    );
    let again = run(&["--lang", "en", "new", "mod", "mon_bloc"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}
