//! Fixture tests for `install`, hostile archives included:
//! `tests/fixtures/install/<case>/` holds `expected.txt` (the findings, then
//! what was installed) and an optional `case.toml`. The archive of a case is
//! built here, by the function named like the case (or `archive = "…"`),
//! since hostile archives must not be committed.
//!
//! `case.toml` keys: `source` (a folder of the case to install instead of an
//! archive), `before` (install the same thing once first), `force`, `to`
//! (false: no `--to` and no user folder), `share` (a folder of the case used
//! as the engine's share folder), `blocker` (a file created in the work
//! folder before installing), `hold` (a file of the work folder that a
//! separate process keeps open while installing, as a running server does),
//! `links` (`[[link, target]]`: symbolic links made in the case folder),
//! `files` (`[[path, text]]`: files written in the work folder first).
//!
//! Every case also checks the promise of the issue: after a failed install
//! the work folder is exactly as before, and a successful one writes only
//! inside the engine folder.

use crate::support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mtedu::host::Host;
use mtedu::pack::{InstallOptions, NoProgress, install};
use support::archives::{Item, mod_zip_with, patch, set_central_field, zip_of};
use support::fixtures;
use support::packing::{CaseLinks, hide_pids, hold_open};

/// The archive of a case; `work` is the case's temporary folder.
fn build(name: &str, work: &Path) -> Vec<u8> {
    let zeros = vec![0u8; 4 * 1024 * 1024];
    match name {
        "ok_mod" | "exists" | "force" | "write_failed" | "no_user_folder" => {
            mod_zip_with("hello", &[Item::Dir("hello/textures/")])
        }
        "ok_flat" => zip_of(&[
            Item::File("mod.conf", b"name = flat_mod\n"),
            Item::File("init.lua", b""),
            Item::File("LICENSE.txt", b"MIT\n"),
        ]),
        "ok_world" => zip_of(&[
            Item::Dir("classroom/"),
            Item::File(
                "classroom/world.mt",
                b"gameid = tiny_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
            ),
            Item::File("classroom/map.sqlite", b"map"),
            Item::File("classroom/worldmods/extra/init.lua", b""),
            Item::File("classroom/worldmods/extra/mod.conf", b"name = extra\ndepends = tiny\n"),
        ]),
        "dotdot" => mod_zip_with("hello", &[Item::File("../evil.lua", b"evil")]),
        "backslash" => mod_zip_with("hello", &[Item::File("hello\\..\\..\\evil.lua", b"evil")]),
        "absolute" => {
            let target = work.join("outside/evil.lua");
            let name = target.to_str().unwrap();
            zip_of(&[Item::File("hello/init.lua", b""), Item::File(name, b"evil")])
        }
        "symlink" => mod_zip_with("hello", &[Item::Link("hello/textures", "/etc")]),
        "bomb_ratio" => mod_zip_with("hello", &[Item::File("hello/textures/big.png", &zeros)]),
        "bomb_total" => {
            let names: Vec<String> = (0..1100).map(|i| format!("hello/data/{i:04}.bin")).collect();
            let items: Vec<Item> = names.iter().map(|n| Item::Stored(n, b"x")).collect();
            let mut bytes = mod_zip_with("hello", &items);
            for name in &names {
                // Each claims 1 MiB: small enough to escape the ratio check.
                set_central_field(&mut bytes, name, 24, &(1024u32 * 1024).to_le_bytes());
            }
            bytes
        }
        "bomb_lying" => {
            let mut bytes = mod_zip_with("hello", &[Item::File("hello/textures/a.png", &zeros)]);
            set_central_field(&mut bytes, "hello/textures/a.png", 24, &10u32.to_le_bytes());
            bytes
        }
        "many_entries" => {
            let names: Vec<String> = (0..30_001).map(|i| format!("hello/f/{i}")).collect();
            zip_of(&names.iter().map(|n| Item::Stored(n, b"")).collect::<Vec<_>>())
        }
        "duplicate" => {
            let mut bytes = mod_zip_with("hello", &[Item::File("hello/initXlua", b"evil")]);
            patch(&mut bytes, b"hello/initXlua", b"hello/init.lua");
            bytes
        }
        "case_clash" => mod_zip_with("hello", &[Item::File("hello/INIT.lua", b"other")]),
        "not_utf8" => {
            let mut bytes = mod_zip_with("hello", &[Item::File("hello/XXname.txt", b"")]);
            patch(&mut bytes, b"XXname", b"\xff\xfename");
            bytes
        }
        // A valid archive whose comment holds the end record's signature
        // and a fake record pointing nowhere: the real record is the one
        // whose comment ends the file.
        "ok_comment_signature" => {
            let mut bytes = mod_zip_with("hello", &[Item::Dir("hello/textures/")]);
            let mut comment = b"made by a tool PK\x05\x06".to_vec();
            comment.extend_from_slice(&[0u8; 4]);
            comment.extend_from_slice(&[1, 0, 1, 0]);
            comment.extend_from_slice(&[0xFF; 8]);
            comment.extend_from_slice(&[0, 0]);
            comment.extend_from_slice(b" end of comment");
            let end = bytes.len();
            assert_eq!(&bytes[end - 22..end - 18], b"PK\x05\x06");
            bytes[end - 2..].copy_from_slice(&(comment.len() as u16).to_le_bytes());
            bytes.extend_from_slice(&comment);
            bytes
        }
        "truncated" => {
            let bytes = mod_zip_with("hello", &[]);
            bytes[..bytes.len() / 2].to_vec()
        }
        "corrupt" => {
            let mut bytes = mod_zip_with("hello", &[Item::Stored("hello/data.txt", b"ABCDEFGHIJKL")]);
            patch(&mut bytes, b"ABCDEFGHIJKL", b"ABCDEFGHIJKX");
            bytes
        }
        "not_a_zip" => b"This is a text file renamed to .zip\n".to_vec(),
        "unsupported" => {
            let mut bytes = mod_zip_with("hello", &[]);
            set_central_field(&mut bytes, "hello/init.lua", 10, &12u16.to_le_bytes());
            set_central_field(&mut bytes, "hello/LICENSE.txt", 8, &1u16.to_le_bytes());
            bytes
        }
        "unknown_content" => zip_of(&[Item::File("notes/readme.txt", b"hello\n")]),
        "stopped" => zip_of(&[
            Item::File("bad/mod.conf", b"name = bad-name\n"),
            Item::File("bad/init.lua", b""),
        ]),
        other => panic!("no archive builder for case {other}"),
    }
}

/// Every path under `dir`, relative.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut paths = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path.clone());
            }
            paths.insert(path.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    paths
}

/// `-2026-11-23_10-53-17` → `-<time>`: backup names carry the time.
fn hide_times(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let stamp = rest.starts_with('-')
            && rest
                .get(1..20)
                .is_some_and(mtedu::timestamp::is_folder_stamp);
        if stamp {
            out.push_str("-<time>");
            at += 20;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            at += c.len_utf8();
        }
    }
    out
}

fn run_case(case: &Path) -> String {
    let config: toml::Table = std::fs::read_to_string(case.join("case.toml"))
        .map(|text| text.parse().unwrap())
        .unwrap_or_default();
    let flag =
        |key: &str, default: bool| config.get(key).and_then(|v| v.as_bool()).unwrap_or(default);
    let text = |key: &str| config.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let _links = CaseLinks::make(case, &config);
    let work = tempfile::tempdir().unwrap();
    let case_name = mtedu::content::folder_name(case);
    let source = match text("source") {
        Some(folder) => case.join(folder),
        None => {
            let archive = work.path().join(format!("{case_name}.zip"));
            let name = text("archive").unwrap_or(case_name.clone());
            std::fs::write(&archive, build(&name, work.path())).unwrap();
            archive
        }
    };
    let user = work.path().join("user");
    let host = Host {
        share_dirs: text("share")
            .map(|s| vec![case.join(s)])
            .unwrap_or_default(),
        user_dirs: Vec::new(),
    };
    let options = InstallOptions {
        to: flag("to", true).then(|| user.clone()),
        force: flag("force", false),
        ..InstallOptions::default()
    };
    if flag("before", false) {
        let first = install(
            &source,
            &InstallOptions {
                force: false,
                ..options.clone()
            },
            &host,
            &NoProgress,
        );
        assert!(first.installed.is_some(), "{:#?}", first.report);
    }
    for pair in config
        .get("files")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let pair = pair.as_array().expect("files = [[path, text], …]");
        let path = work.path().join(pair[0].as_str().unwrap());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, pair[1].as_str().unwrap()).unwrap();
    }
    if let Some(blocker) = text("blocker") {
        let path = work.path().join(blocker);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "in the way").unwrap();
    }
    let mut held = text("hold").map(|file| hold_open(&work.path().join(file)));
    let before = tree(work.path());
    let outcome = install(&source, &options, &host, &NoProgress);
    let after = tree(work.path());
    if let Some(child) = &mut held {
        let _ = child.kill();
        let _ = child.wait();
    }
    match &outcome.installed {
        None => assert_eq!(
            before,
            after,
            "{}: a failed install changed the folder",
            case.display()
        ),
        Some(_) => {
            let outside: Vec<_> = after
                .difference(&before)
                .filter(|p| !p.starts_with("user"))
                .collect();
            assert!(
                outside.is_empty(),
                "{}: written outside: {outside:?}",
                case.display()
            );
            assert!(
                !after
                    .iter()
                    .any(|p| p.to_string_lossy().contains(".mtedu-install")),
                "temporary folder left"
            );
        }
    }
    let mut outcome = outcome;
    for diagnostic in &mut outcome.report.diagnostics {
        if let Ok(inside) = diagnostic.path.strip_prefix(case) {
            diagnostic.path = inside.to_path_buf();
        }
    }
    let mut rendered = fixtures::render(&outcome.report, work.path());
    if let Some(installed) = &outcome.installed {
        let shown = installed.strip_prefix(work.path()).unwrap_or(installed);
        rendered.push_str(&format!("--- installed {}\n", shown.display()));
        for path in tree(installed) {
            rendered.push_str(&format!("{}\n", path.display()));
        }
    }
    hide_pids(&hide_times(&rendered))
}

#[test]
fn every_install_fixture_matches_its_expectation() {
    fixtures::check_all(&fixtures::all_cases().4, run_case);
}
