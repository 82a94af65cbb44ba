//! `mtedu test` on fixture mods: passing specs (chat commands with the
//! engine's texts, node callbacks and metadata, time), fresh worlds between
//! tests, and failures shown with expected and actual values and the line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mtedu::engine::Limits;
use mtedu::host::Host;
use mtedu::testing::{Status, TestOptions, TestRun, render_junit, run_tests};

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
    assert_eq!(
        (wrong.expected.as_deref(), wrong.actual.as_deref()),
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
    assert!(
        error
            .message
            .as_deref()
            .is_some_and(|m| m.contains("attempt to index local 't'"))
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
    assert!(tables.actual.as_deref().is_some_and(|a| a.contains('3')));
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
    let xml = render_junit(&run);
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
        (run.results[0].actual.clone().unwrap(), run)
    };
    let (first, run) = drawn(42);
    let (again, _) = drawn(42);
    let (other, _) = drawn(43);
    assert_eq!(first, again);
    assert_ne!(first, other);
    let text = mtedu::testing::render_human(
        &run,
        &mtedu::i18n::Localizer::new(mtedu::i18n::Lang::En),
        false,
    );
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
        missing
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
