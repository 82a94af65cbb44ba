//! Real busted (Debian's `lua-busted`), for the tests that run the same spec
//! files under mtedu and under busted and compare each test's outcome.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `busted` program, or `None` (the test then skips) — unless
/// `MTEDU_REQUIRE_ENGINE=1` (CI, which installs it), where its absence fails.
pub fn real_busted() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("busted"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
            "MTEDU_REQUIRE_ENGINE=1 but busted is not installed: apt-get install lua-busted"
        );
        eprintln!("skipped: busted is not installed (apt-get install lua-busted)");
    }
    found
}

/// How one test ended, in mtedu's words: "passed", "failed", "error" or
/// "pending".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: String,
    pub name: String,
}

/// Runs `busted` in `dir` on `specs` (files or folders, relative to `dir`)
/// with `lua_path` prepended to LUA_PATH; one outcome per test, in order.
pub fn busted_outcomes(
    busted: &Path,
    dir: &Path,
    specs: &[&str],
    lua_path: Option<&str>,
) -> Vec<Outcome> {
    let handler = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/busted_outcomes.lua");
    let mut command = Command::new(busted);
    command.current_dir(dir).arg("-o").arg(&handler).args(specs);
    if let Some(extra) = lua_path {
        command.env("LUA_PATH", format!("{extra};;"));
    }
    let output = command.output().expect("busted runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let outcomes: Vec<Outcome> = text
        .lines()
        .filter_map(|line| line.strip_prefix("mtedu-outcome\t"))
        .filter_map(|line| line.split_once('\t'))
        .map(|(status, name)| Outcome {
            status: match status {
                "success" => "passed",
                "failure" => "failed",
                other => other,
            }
            .to_owned(),
            name: name.to_owned(),
        })
        .collect();
    assert!(
        !outcomes.is_empty(),
        "busted ran no test in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    outcomes
}
