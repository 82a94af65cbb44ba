//! Fixture tests for validation rules, in selene's style: every case folder
//! `tests/fixtures/validate/<rule>/<case>/` holds an `input/` to validate and
//! an `expected.txt` with the findings, in English. A case may hold a
//! `game/` folder, passed as `--game`, or a `game.txt` naming a game.
//! Installed games are never used.
//!
//! Huge files are not committed: a case may hold a `sparse.txt` with lines
//! `<path under input> <size in bytes>`. The case is then copied to a
//! temporary folder, those files are created there as sparse files (they
//! take no disk space) and the copy is validated; paths in `expected.txt`
//! still read `input/...`.
//!
//! A missing or different `expected.txt` fails. To (re)write expectations
//! after a deliberate change, run with `MTEDU_BLESS=1` and review the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mtedu::diag::Report;
use mtedu::host::Host;
use mtedu::i18n::{Lang, Localizer};
use mtedu::validate::{Options, all_codes, validate};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate")
}

fn case_dirs() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for rule in mtedu::content::subfolders(&fixtures_root()) {
        cases.extend(mtedu::content::subfolders(&rule));
    }
    cases
}

/// The report as stable text: one line a finding plus its help line.
fn render(report: &Report, case: &Path) -> String {
    let localizer = Localizer::new(Lang::En);
    let mut text = String::new();
    for d in &report.diagnostics {
        let path = d.path.strip_prefix(case).unwrap_or(&d.path);
        let place = match d.span {
            Some(span) => format!("{}:{}:{}", path.display(), span.line, span.column),
            None => path.display().to_string(),
        };
        // Messages may quote a path; keep fixtures independent of the checkout.
        let prefix = format!("{}/", case.display());
        let message = localizer
            .text(d.code.message_key(), &d.args)
            .replace(&prefix, "");
        let help = localizer.text(&d.code.help_key(), &d.args);
        writeln!(
            text,
            "{} {} {} {}",
            d.code.id,
            d.severity.as_str(),
            place,
            message
        )
        .unwrap();
        writeln!(text, "    help: {help}").unwrap();
    }
    text
}

fn run_case(case: &Path) -> String {
    let Ok(list) = std::fs::read_to_string(case.join("sparse.txt")) else {
        return run_case_in(case);
    };
    let copy = tempfile::tempdir().unwrap();
    copy_dir(case, copy.path());
    for line in list.lines().filter(|line| !line.trim().is_empty()) {
        let (path, size) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("{}: bad sparse.txt line {line:?}", case.display()));
        let path = copy.path().join("input").join(path.trim());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(size.trim().parse().unwrap()).unwrap();
    }
    run_case_in(copy.path())
}

/// Copies a fixture case folder, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn run_case_in(case: &Path) -> String {
    let game_dir = case.join("game");
    let game = if game_dir.is_dir() {
        Some(game_dir.to_string_lossy().into_owned())
    } else {
        std::fs::read_to_string(case.join("game.txt"))
            .ok()
            .map(|name| name.trim().to_owned())
    };
    let options = Options { game };
    let report = validate(&[case.join("input")], &options, &Host::empty());
    render(&report, case)
}

#[test]
fn every_fixture_matches_its_expectation() {
    let bless = std::env::var_os("MTEDU_BLESS").is_some();
    let mut failures = Vec::new();
    let cases = case_dirs();
    assert!(!cases.is_empty(), "no fixtures found");
    for case in &cases {
        let actual = run_case(case);
        let expected_path = case.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            )),
            Err(_) => failures.push(format!(
                "{}: expected.txt is missing; actual output:\n{actual}",
                case.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_has_a_fixture_that_triggers_it() {
    let mut all_expected = String::new();
    for case in case_dirs() {
        all_expected
            .push_str(&std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default());
    }
    let untested: Vec<&str> = all_codes()
        .iter()
        .map(|code| code.id)
        .filter(|id| {
            !all_expected
                .lines()
                .any(|line| line.starts_with(&format!("{id} ")))
        })
        .collect();
    assert!(
        untested.is_empty(),
        "codes without a triggering fixture: {untested:?}"
    );
}
