//! `mtedu test` on fixture mods: passing specs (chat commands with the
//! engine's texts, node callbacks and metadata, time), fresh worlds between
//! tests, and failures shown with expected and actual values and the line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mtedu::engine::Limits;
use mtedu::host::Host;
use mtedu::i18n::{Lang, Localizer};
use mtedu::testing::{
    Shown, Status, TestOptions, TestResult, TestRun, render_junit, run_tests, shown_result,
};

/// A result's texts in English.
fn english(result: &TestResult) -> Shown {
    shown_result(result, &Localizer::new(Lang::En))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/testing")
        .join(name)
}

fn run(name: &str, options: TestOptions) -> TestRun {
    run_tests(&[fixture(name)], &options, &Host::empty())
}

fn quick() -> TestOptions {
    TestOptions {
        limits: Limits {
            time: Duration::from_millis(500),
            ..Limits::default()
        },
        ..TestOptions::default()
    }
}

#[test]
fn passing_specs_pass() {
    let run = run("counter", quick());
    let failures: Vec<_> = run
        .results
        .iter()
        .filter(|r| !matches!(r.status, Status::Passed | Status::Pending))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(run.count(Status::Passed), 9);
    assert_eq!(run.count(Status::Pending), 1);
}

#[test]
fn failures_show_expected_actual_and_line() {
    let run = run("broken", quick());
    let by_name = |part: &str| run.results.iter().find(|r| r.name.contains(part)).unwrap();
    let wrong = by_name("wrong expectation");
    assert_eq!(wrong.status, Status::Failed);
    let shown = english(wrong);
    assert_eq!(
        (shown.expected.as_deref(), shown.actual.as_deref()),
        (Some("4"), Some("5"))
    );
    assert!(
        wrong
            .location
            .as_deref()
            .is_some_and(|l| l.ends_with("broken_spec.lua:3")),
        "{wrong:?}"
    );
    let error = by_name("raises an error");
    assert_eq!(error.status, Status::Errored);
    let shown = english(error);
    assert!(
        shown
            .detail
            .as_deref()
            .is_some_and(|m| m.contains("attempt to index local 't'")),
        "{shown:?}"
    );
    assert!(
        shown
            .message
            .as_deref()
            .is_some_and(|m| m.contains("the variable \"t\" is empty (nil)")),
        "the explainer's words: {shown:?}"
    );
    assert!(
        error
            .location
            .as_deref()
            .is_some_and(|l| l.ends_with("broken_spec.lua:8")),
        "{error:?}"
    );
    let endless = by_name("never finishes");
    assert_eq!(endless.status, Status::Errored);
    assert!(
        endless.duration < Duration::from_secs(3),
        "stopped by the time limit"
    );
    let tables = by_name("compares tables");
    assert_eq!(tables.status, Status::Failed);
    assert!(
        english(tables)
            .actual
            .as_deref()
            .is_some_and(|a| a.contains('3'))
    );
    assert!(!run.succeeded());
}

#[test]
fn filter_and_fail_fast() {
    let filtered = run(
        "counter",
        TestOptions {
            filter: Some("fresh world".into()),
            ..quick()
        },
    );
    assert_eq!(filtered.results.len(), 1);
    let fast = run(
        "broken",
        TestOptions {
            fail_fast: true,
            ..quick()
        },
    );
    assert_eq!(fast.results.len(), 1);
}

#[test]
fn junit_report_lists_every_test() {
    let run = run("broken", quick());
    let xml = render_junit(&run, &Localizer::new(Lang::En));
    assert!(
        xml.contains("tests=\"4\" failures=\"2\" errors=\"2\""),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase").count(), 4);
}

#[test]
fn formspecs_are_parsed_and_fields_submitted() {
    let run = run("guestbook", quick());
    assert_eq!(run.count(Status::Passed), 1, "{:#?}", run.results);
}

#[test]
fn entities_activate_step_and_take_punches() {
    let run = run("walker", quick());
    assert_eq!(run.count(Status::Passed), 1, "{:#?}", run.results);
}

#[test]
fn abms_lbms_drops_sounds_and_voxelmanip_in_specs() {
    let run = run(
        "garden",
        TestOptions {
            filter: Some("the garden".into()),
            ..quick()
        },
    );
    assert_eq!(run.count(Status::Passed), 5, "{:#?}", run.results);
}

/// The seeded spec fails on purpose and shows the number it drew: the same
/// seed draws the same number, another seed another one, and the report
/// says which seed replays the run.
#[test]
fn a_seed_replays_the_same_random_numbers() {
    let drawn = |seed: u32| {
        let run = run(
            "garden",
            TestOptions {
                filter: Some("seeded".into()),
                seed: Some(seed),
                ..quick()
            },
        );
        assert_eq!(run.seed, seed);
        assert_eq!(run.count(Status::Failed), 1, "{:#?}", run.results);
        (english(&run.results[0]).actual.unwrap(), run)
    };
    let (first, run) = drawn(42);
    let (again, _) = drawn(42);
    let (other, _) = drawn(43);
    assert_eq!(first, again);
    assert_ne!(first, other);
    let text = mtedu::testing::render_human(&run, &Localizer::new(Lang::En), false, false);
    assert!(text.contains("--seed 42"), "{text}");
}

#[test]
fn after_each_runs_after_a_failing_test_too_and_storage_starts_fresh() {
    let run = run("cleanup", quick());
    let statuses: Vec<(&str, Status)> = run
        .results
        .iter()
        .map(|r| (r.name.as_str(), r.status))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("after_each runs even when the test fails", Status::Failed),
            (
                "after_each so the next test finds what was replaced put back",
                Status::Passed
            ),
            ("spec files may set globals", Status::Passed),
            (
                "spec files do not see the globals an earlier file set",
                Status::Passed
            ),
            ("mod storage is changed by one test", Status::Passed),
            (
                "mod storage is back as the mod left it while loading in the next",
                Status::Passed
            ),
            (
                "right-click puts the stack on_rightclick changed back in the hand",
                Status::Passed
            ),
        ]
    );
}

#[test]
fn a_missing_or_failing_dependency_is_reported_at_the_dependency() {
    let run = run("dependencies", quick());
    let by_file = |part: &str| {
        run.results
            .iter()
            .find(|r| r.file.to_string_lossy().contains(part))
            .unwrap_or_else(|| panic!("no result for {part}: {:#?}", run.results))
    };
    let missing = by_file("needs_missing");
    assert_eq!(missing.status, Status::Errored);
    assert!(
        english(missing)
            .message
            .as_deref()
            .is_some_and(|m| m.contains("depends on unicorns")),
        "{missing:?}"
    );
    assert!(
        missing
            .location
            .as_deref()
            .is_some_and(|l| l.ends_with("needs_missing/mod.conf:1")),
        "{missing:?}"
    );
    let broken = by_file("uses_broken");
    assert_eq!(broken.status, Status::Errored);
    assert_eq!(broken.name, "(loading mod broken_dep)");
    assert!(
        broken
            .location
            .as_deref()
            .is_some_and(|l| l.ends_with("broken_dep/init.lua:3")),
        "{broken:?}"
    );
    // A dependency beside the mod loads with it.
    assert_eq!(by_file("uses_helper").status, Status::Passed);
}

/// A spec whose every test fails its own way (each assertion, spies, an
/// error in the mod, an engine check, an endless loop): in French the
/// report has none of Lua's or mtedu's English, no escape sequence, and
/// every failure says why; Lua's words come back with `-v`.
#[test]
fn every_failure_is_told_in_the_readers_language() {
    let run = run("every_failure", quick());
    assert!(run.results.len() >= 30, "{:#?}", run.results);
    let fr = Localizer::new(Lang::Fr);
    for result in &run.results {
        assert!(
            matches!(result.status, Status::Failed | Status::Errored),
            "{result:?}"
        );
        let shown = shown_result(result, &fr);
        assert!(shown.message.is_some(), "no reason given: {result:?}");
    }
    let text = mtedu::testing::render_human(&run, &fr, false, false);
    // The spec's own words (test names, paths) aside.
    let ours: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with('✗') && !line.trim_start().starts_with("à :"))
        .collect();
    for english in [
        "values",
        "expected",
        "got",
        "assertion failed",
        "spy",
        " call",
        "error",
        "attempt",
        "Lua says",
        "needs",
        "hole",
        "loading",
        "not nil",
        "anything but",
        "bad argument",
        "nil value",
        "to fix",
        "test-said-",
        "No localization",
    ] {
        let found: Vec<&&str> = ours.iter().filter(|line| line.contains(english)).collect();
        assert!(found.is_empty(), "English {english:?} in: {found:#?}");
    }
    assert!(
        !text.contains("\\27") && !text.contains('\u{1b}'),
        "an escape sequence is shown:\n{text}"
    );
    assert!(text.contains("marques de traduction"), "{text}");
    let english = mtedu::testing::render_human(&run, &Localizer::new(Lang::En), false, false);
    assert!(
        !english.contains("test-said-") && !english.contains("No localization"),
        "{english}"
    );
    let verbose = mtedu::testing::render_human(&run, &fr, false, true);
    assert!(
        verbose.contains("Lua dit : attempt to index local 't' (a nil value)"),
        "{verbose}"
    );
}

/// `mtedu test` itself: an error in the mod's callback is told at the
/// pupil's line in French with its fix; JSON keeps Lua's own words as
/// `detail`; `-v` shows them too.
#[test]
fn the_binary_explains_errors_and_keeps_luas_words_for_json_and_verbose() {
    let dir = fixture("every_failure");
    let run = |args: &[&str]| {
        let output = crate::support::mtedu_command(&dir)
            .args(["--lang", "fr", "test", "--filter", "in the mod"])
            .args(args)
            .arg(".")
            .output()
            .expect("mtedu runs");
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        crate::support::stdout_of(&output)
    };
    let human = run(&[]);
    assert!(human.contains("à : init.lua:15"), "{human}");
    assert!(
        human.contains("pour réparer : Vérifie sur quelle valeur"),
        "{human}"
    );
    assert!(!human.contains("attempt to"), "{human}");
    assert!(run(&["-v"]).contains("Lua dit : attempt to call method 'get_player_name'"));
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let test = &json["tests"][0];
    assert_eq!(test["location"], "init.lua:15", "{json}");
    assert!(
        test["detail"]
            .as_str()
            .is_some_and(|d| d.contains("attempt to call method 'get_player_name' (a nil value)")),
        "{json}"
    );
    assert!(
        test["message"]
            .as_str()
            .is_some_and(|m| m.contains("n’a pas cette méthode")),
        "{json}"
    );
}
