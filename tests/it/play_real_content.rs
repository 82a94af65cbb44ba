//! Play time on real content: `check` plays minetest_game, devtest, the
//! 26 Debian mod packages, the examples and the lessons' solutions without
//! a single play-time finding (MT35xx), nor one of the warnings about what
//! the code means (MT25xx: a node nobody digs, `{snappy == 3}`…). Real
//! mods run on real servers; a finding here is mtedu's mistake, not
//! theirs. Skipped when minetest_game
//! is not installed (failed with `MTEDU_REQUIRE_ENGINE=1`).

use crate::support;

use std::path::{Path, PathBuf};

use mtedu::check::check;
use mtedu::host::Host;
use mtedu::lint::LintOptions;

const GAMES: &str = "/usr/share/games/minetest/games";
const DEBIAN_MODS: &str = "/usr/share/games/minetest/mods";

fn play_findings(path: &Path, host: &Host) -> Vec<String> {
    let options = LintOptions {
        play: true,
        ..LintOptions::default()
    };
    check(&[path.to_path_buf()], &options, host)
        .diagnostics
        .iter()
        .filter(|d| d.code.id.starts_with("MT35") || d.code.id.starts_with("MT25"))
        .map(|d| {
            format!(
                "{} {}:{} {:?}",
                d.code.id,
                d.path.display(),
                d.span.map_or(0, |s| s.line),
                d.args
            )
        })
        .collect()
}

#[test]
fn real_games_mods_examples_and_solutions_play_without_a_finding() {
    let host = Host::detect();
    if !support::minetest_game_installed(&host) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = vec![
        Path::new(GAMES).join("minetest_game"),
        Path::new(GAMES).join("devtest"),
    ];
    let debian = mtedu::content::subfolders(Path::new(DEBIAN_MODS));
    assert!(
        debian.len() >= 26 || std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
        "only {} Debian mod packages in {DEBIAN_MODS}",
        debian.len()
    );
    paths.extend(debian);
    paths.extend(mtedu::content::subfolders(&root.join("examples")));
    paths.extend(
        mtedu::content::subfolders(&root.join("lessons"))
            .into_iter()
            .map(|lesson| lesson.join("solution")),
    );
    let mut findings = Vec::new();
    for path in paths.iter().filter(|path| path.exists()) {
        findings.extend(play_findings(path, &host));
    }
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
