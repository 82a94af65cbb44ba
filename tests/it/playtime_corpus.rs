//! The play-time corpus: pupils' mods that load fine but break while
//! playing (a punch, a chat command, a globalstep…), and correct mods that
//! look odd. `mtedu check` plays each for a moment. Each
//! `tests/fixtures/playtime/<case>/` holds:
//!
//! - `input/<mod>/`: the mod;
//! - `mistake.txt`: `<path from input/>:<line> <what is wrong>`, or
//!   `none <why it is odd>` for a correct mod (cases named `ok-…`);
//! - `expected.txt`: the findings in French, for review
//!   (`MTEDU_BLESS=1 cargo test --test it playtime_corpus` rewrites them).
//!
//! A broken case gives exactly one error, at its line, whose French help
//! names a fix of its own (not the generic "read Lua's message"); a correct
//! case gives no finding at all. Needs minetest_game (the mods depend on
//! `default`): skipped without it, failed without it when
//! `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtedu::check::check;
use mtedu::diag::{Diagnostic, Severity};
use mtedu::host::Host;
use mtedu::i18n::{Lang, Localizer};
use mtedu::lint::LintOptions;
use support::fixtures;

fn place(d: &Diagnostic, input: &Path) -> String {
    let absolute = std::path::absolute(&d.path).unwrap_or_else(|_| d.path.clone());
    let input = std::path::absolute(input).unwrap_or_else(|_| input.to_path_buf());
    let path = absolute.strip_prefix(&input).unwrap_or(&absolute);
    format!("{}:{}", path.display(), d.span.map_or(0, |span| span.line))
}

#[test]
fn every_play_time_mistake_is_found_at_its_line_and_odd_code_is_left_alone() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playtime");
    let cases = mtedu::content::subfolders(&root);
    let options = LintOptions {
        play: true,
        ..LintOptions::default()
    };
    let french = Localizer::new(Lang::Fr);
    let generic = french.text("explain-fix", &[("shape", "other".into())]);
    let mut failures = Vec::new();
    let mut rendered: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut families: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut broken, mut correct) = (0, 0);
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let input = case.join("input");
        let report = check(std::slice::from_ref(&input), &options, &host);
        rendered.insert(case.clone(), fixtures::render_in(&report, case, Lang::Fr));
        let mistake = std::fs::read_to_string(case.join("mistake.txt")).unwrap();
        let wanted = mistake.split(' ').next().unwrap().trim().to_owned();
        let shown: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code.id, place(d, &input)))
            .collect();
        if wanted == "none" {
            correct += 1;
            if !report.diagnostics.is_empty() {
                failures.push(format!("{name}: correct code, yet {shown:?}"));
            }
            continue;
        }
        broken += 1;
        let errors: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        match errors.as_slice() {
            [one] if place(one, &input) == wanted => {
                *families.entry(one.code.id).or_default() += 1;
                let help = french.text(&one.code.help_key(), &one.args);
                if help == generic || help.is_empty() {
                    failures.push(format!("{name}: no fix of its own: {help}"));
                }
            }
            _ => failures.push(format!(
                "{name}: wanted one error at {wanted}, got {shown:?}"
            )),
        }
    }
    fixtures::check_all(&cases, |case| rendered[case].clone());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let played: usize = families
        .iter()
        .filter(|(code, _)| code.starts_with("MT35"))
        .map(|(_, n)| n)
        .sum();
    eprintln!("families: {families:?}");
    assert!(
        played >= 40,
        "only {played} cases found by playing: {families:?}"
    );
    assert!(correct >= 10, "only {correct} correct-but-odd cases");
    assert!(broken >= played);
}

/// Several pupils' mods checked together, each with a globalstep that
/// breaks while the world plays: the game would stop at the first, but
/// each pupil's mistake is told, at its line
/// (`tests/fixtures/playtime_together/`).
#[test]
fn each_mod_checked_together_has_its_play_time_mistake_found() {
    let host = Host::detect();
    let input =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playtime_together/input");
    let options = LintOptions {
        play: true,
        ..LintOptions::default()
    };
    let report = check(std::slice::from_ref(&input), &options, &host);
    let mut errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code.id, place(d, &input)))
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        ["MT3501 pupil_a/init.lua:7", "MT3501 pupil_b/init.lua:8"],
        "{:#?}",
        report.diagnostics
    );
}
