//! Every lesson's packed handout opens in a real browser (headless
//! Chromium from Debian): the screenshot, read back by OCR (tesseract),
//! shows the title and every objective (French, the first half), and the
//! page has one box to tick per objective and language.
//!
//! Without chromium and tesseract the test is skipped, unless
//! `MTEDU_REQUIRE_ENGINE=1` (CI installs both): then it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use mtedu::host::Host;
use mtedu::pack::{NoProgress, PackOptions, pack};

fn tool(name: &str) -> Option<PathBuf> {
    let path = Path::new("/usr/bin").join(name);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() == Ok("1") {
        panic!(
            "MTEDU_REQUIRE_ENGINE=1 but {name} is missing: apt-get install chromium tesseract-ocr"
        );
    }
    eprintln!("skipping: {name} is not installed");
    None
}

/// Lower-case ASCII letters and digits only: OCR drops accents.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest plain word of `text` (what OCR reads most surely).
fn longest_word(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.is_ascii())
        .max_by_key(|w| w.len())
        .unwrap_or_default()
        .to_lowercase()
}

fn chromium(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

#[test]
fn every_lesson_handout_shows_its_title_and_checklist_in_a_browser() {
    let (Some(browser), Some(ocr)) = (tool("chromium"), tool("tesseract")) else {
        return;
    };
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    // Two at a time: each browser start takes seconds, mostly waiting.
    for pair in mtedu::content::subfolders(&lessons).chunks(2) {
        std::thread::scope(|scope| {
            for lesson in pair {
                scope.spawn(|| check_lesson(lesson, &browser, &ocr));
            }
        });
    }
}

fn check_lesson(lesson: &Path, browser: &Path, ocr: &Path) {
    let temp = tempfile::tempdir().unwrap();
    let archive = temp.path().join("lesson.zip");
    let options = PackOptions {
        output: Some(archive.clone()),
        ..PackOptions::default()
    };
    let outcome = pack(lesson, &options, &Host::detect(), &NoProgress);
    assert!(outcome.archive.is_some(), "{:?}", outcome.report);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
    let name = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_owned())
        .find(|n| n.ends_with("/handout.html"))
        .expect("a handout.html in the archive");
    let page = temp.path().join("handout.html");
    std::io::copy(
        &mut zip.by_name(&name).unwrap(),
        &mut std::fs::File::create(&page).unwrap(),
    )
    .unwrap();

    let manifest: toml::Table = std::fs::read_to_string(lesson.join("lesson.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let objectives = manifest["objectives"].as_array().unwrap();

    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        html.matches("type=\"checkbox\"").count(),
        objectives.len() * 2,
        "{}: one box per objective and language",
        lesson.display()
    );

    let profile = temp.path().join("profile");
    let shot = temp.path().join("shot.png");
    let screenshot = format!("--screenshot={}", shot.display());
    chromium(
        browser,
        &profile,
        &["--window-size=1000,1300", &screenshot],
        &page,
    );
    let read = Command::new(ocr).arg(&shot).arg("stdout").output().unwrap();
    let text = plain(&String::from_utf8_lossy(&read.stdout));
    let title = manifest["title"]["fr"].as_str().unwrap();
    assert!(
        text.contains(&plain(title)),
        "{}: title {title:?} not seen in:\n{text}",
        lesson.display()
    );
    for objective in objectives {
        let fr = objective["text"]["fr"].as_str().unwrap();
        let word = longest_word(fr);
        assert!(
            text.contains(&word),
            "{}: objective {fr:?} ({word}) not seen in:\n{text}",
            lesson.display()
        );
    }
}
