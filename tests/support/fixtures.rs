//! Fixture cases in selene's style: each case folder holds an `input/` and
//! an `expected.txt` listing the findings in English. A missing or
//! different `expected.txt` fails; `MTEDU_BLESS=1` rewrites them for review.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mtedu::diag::Report;
use mtedu::i18n::{Lang, Localizer};

/// Every case folder under `root` (`root/<group>/<case>/`).
pub fn case_dirs(root: &Path) -> Vec<PathBuf> {
    mtedu::content::subfolders(root)
        .iter()
        .flat_map(|group| mtedu::content::subfolders(group))
        .collect()
}

/// The report as stable text: one line a finding plus its help line, with
/// paths relative to the case folder.
pub fn render(report: &Report, case: &Path) -> String {
    render_in(report, case, Lang::En)
}

/// [`render`] in another language (corpora reviewed in French).
pub fn render_in(report: &Report, case: &Path, lang: Lang) -> String {
    let localizer = Localizer::new(lang);
    let absolute_case = std::path::absolute(case).unwrap_or_else(|_| case.to_path_buf());
    let cwd_relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| absolute_case.strip_prefix(cwd).ok().map(Path::to_path_buf));
    let prefixes: Vec<String> = [
        Some(case.to_path_buf()),
        Some(absolute_case.clone()),
        cwd_relative,
    ]
    .into_iter()
    .flatten()
    .map(|p| format!("{}/", p.display()))
    .collect();
    let strip = |text: String| {
        prefixes
            .iter()
            .fold(text, |text, prefix| text.replace(prefix, ""))
    };
    // Sorted like the tool sorts (path, place, code), but on the paths as
    // shown: the absolute location of the checkout and of temporary
    // folders must not change the order.
    let mut findings: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            let path = strip(format!("{}/", d.path.display()))
                .trim_end_matches('/')
                .to_owned();
            let place = d.span.map(|span| (span.line, span.column));
            (path, place, d)
        })
        .collect();
    findings.sort_by(|a, b| {
        (Path::new(&a.0), a.1, a.2.code.id).cmp(&(Path::new(&b.0), b.1, b.2.code.id))
    });
    let mut text = String::new();
    for (path, place, d) in findings {
        let place = match place {
            Some((line, column)) => format!("{path}:{line}:{column}"),
            None => path,
        };
        let message = strip(localizer.text(d.code.message_key(), &d.args));
        let help = strip(localizer.text(&d.code.help_key(), &d.args));
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

/// Runs every case and compares with its `expected.txt`.
pub fn check_all(cases: &[PathBuf], run: impl Fn(&Path) -> String) {
    let bless = std::env::var_os("MTEDU_BLESS").is_some();
    assert!(!cases.is_empty(), "no fixture cases");
    let mut failures = Vec::new();
    for case in cases {
        let actual = run(case);
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

/// The play-time corpus (`playtime/<case>`, run by `tests/it/playtime_corpus.rs`).
pub fn playtime_cases() -> Vec<PathBuf> {
    mtedu::content::subfolders(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playtime"),
    )
}

/// Case folders by kind, in the order of [`all_cases`].
pub type AllCases = (
    Vec<PathBuf>,
    Vec<PathBuf>,
    Vec<PathBuf>,
    Vec<PathBuf>,
    Vec<PathBuf>,
);

/// The validation cases (`validate/<rule>/<case>`), the engine cases
/// (`engine/findings/<case>`), the lint cases (`lint/<rule>/<case>`), the pack
/// cases (`pack/<case>`) and the install cases (`install/<case>`).
pub fn all_cases() -> AllCases {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    (
        case_dirs(&root.join("validate")),
        mtedu::content::subfolders(&root.join("engine/findings")),
        case_dirs(&root.join("lint")),
        mtedu::content::subfolders(&root.join("pack")),
        mtedu::content::subfolders(&root.join("install")),
    )
}
