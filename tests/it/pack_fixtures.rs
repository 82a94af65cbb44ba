//! Fixture tests for `pack`: `tests/fixtures/pack/<case>/` holds an
//! `input/`, an optional `case.toml` and the `expected.txt`: the findings,
//! then, when an archive was written, its entries (and the text of every
//! world.mt in it, since pack may rewrite it).
//!
//! `case.toml` keys: `path` (what to pack, relative to the case; default
//! the one folder in `input/`, or `input/` itself when it holds several),
//! `output` (relative to a temporary work folder; default `out.zip`),
//! `output_in_case` (an output path relative to the case instead),
//! `existing` (text written at the output path before packing),
//! `share` and `user` (folders of the case used as the engine's share and
//! user folders; default none), `contentdb_limit` (bytes), `hold` (files
//! a separate process keeps open while packing, as a running server does),
//! `stop_after` (bytes written before the user asks to stop, Ctrl-C), and
//! `links` (`[[link, target]]`: symbolic links made for the case).

use crate::support;

use std::io::Read;
use std::path::Path;
use std::process::Child;

use mtedu::host::Host;
use mtedu::pack::{PackOptions, Progress, pack};
use support::fixtures;
use support::packing::{CaseLinks, hide_pids, hold_open};

fn config(case: &Path) -> toml::Table {
    std::fs::read_to_string(case.join("case.toml"))
        .map(|text| text.parse().expect("valid case.toml"))
        .unwrap_or_default()
}

fn text<'a>(config: &'a toml::Table, key: &str) -> Option<&'a str> {
    config.get(key).and_then(|v| v.as_str())
}

fn listing(archive: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    let mut text = String::from("--- archive\n");
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).unwrap();
        text.push_str(&format!("{}\n", entry.name()));
        if entry.name().ends_with("/world.mt") {
            let mut content = String::new();
            entry.read_to_string(&mut content).unwrap();
            for line in content.lines() {
                text.push_str(&format!("    | {line}\n"));
            }
        }
    }
    text
}

/// Asks to stop once `after` bytes were done, as Ctrl-C does midway.
struct StopAfter {
    after: u64,
    done: std::cell::Cell<u64>,
}

impl Progress for StopAfter {
    fn advance(&self, bytes: u64) {
        self.done.set(self.done.get() + bytes);
    }

    fn stopped(&self) -> bool {
        self.done.get() >= self.after
    }
}

fn run_case(case: &Path) -> String {
    let config = config(case);
    let _links = CaseLinks::make(case, &config);
    let path = match text(&config, "path") {
        Some(path) => case.join(path),
        None => {
            let inside = mtedu::content::subfolders(&case.join("input"));
            if inside.len() == 1 {
                inside[0].clone()
            } else {
                case.join("input")
            }
        }
    };
    let work = tempfile::tempdir().unwrap();
    let output = match text(&config, "output_in_case") {
        Some(inside) => case.join(inside),
        None => work
            .path()
            .join(text(&config, "output").unwrap_or("out.zip")),
    };
    if let Some(existing) = text(&config, "existing") {
        std::fs::write(&output, existing).unwrap();
    }
    let folders = |key: &str| {
        text(&config, key)
            .map(|dir| vec![case.join(dir)])
            .unwrap_or_default()
    };
    let host = Host {
        share_dirs: folders("share"),
        user_dirs: folders("user"),
    };
    let mut options = PackOptions {
        output: Some(output),
        ..PackOptions::default()
    };
    if let Some(limit) = config.get("contentdb_limit").and_then(|v| v.as_integer()) {
        options.contentdb_limit = limit as u64;
    }
    let mut held: Vec<Child> = config
        .get("hold")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .map(|file| hold_open(&case.join(file)))
        .collect();
    let progress = StopAfter {
        after: config
            .get("stop_after")
            .and_then(|v| v.as_integer())
            .map_or(u64::MAX, |n| n as u64),
        done: std::cell::Cell::new(0),
    };
    let outcome = pack(&path, &options, &host, &progress);
    let leftovers: Vec<_> = std::fs::read_dir(work.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".mtedu"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    for child in &mut held {
        let _ = child.kill();
        let _ = child.wait();
    }
    let mut outcome = outcome;
    for diagnostic in &mut outcome.report.diagnostics {
        if let Ok(inside) = diagnostic.path.strip_prefix(work.path()) {
            diagnostic.path = Path::new("work").join(inside);
        }
    }
    let mut rendered = hide_pids(&fixtures::render(&outcome.report, case));
    if let Some(archive) = &outcome.archive {
        rendered.push_str(&listing(archive));
    }
    rendered
}

#[test]
fn every_pack_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().3, run_case);
}
