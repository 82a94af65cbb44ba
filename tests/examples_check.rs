//! Every example mod in `examples/` passes `mtedu check` without a single
//! finding (they depend on minetest_game, so it must be installed).

use std::path::Path;

use mtedu::check::check;
use mtedu::host::Host;
use mtedu::lint::LintOptions;

#[test]
fn every_example_mod_is_clean() {
    let host = Host::detect();
    if host.find_game("minetest_game").is_none() {
        assert!(
            std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() != Ok("1"),
            "MTEDU_REQUIRE_ENGINE=1 but minetest_game is not installed: apt-get install minetest-server"
        );
        return;
    }
    let examples =
        mtedu::content::subfolders(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    assert!(!examples.is_empty(), "no example mods");
    for example in examples {
        let report = check(
            std::slice::from_ref(&example),
            &LintOptions::default(),
            &host,
        );
        let findings: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}:{:?}", d.code.id, d.path.display(), d.span))
            .collect();
        assert!(findings.is_empty(), "{}: {findings:?}", example.display());
    }
}
