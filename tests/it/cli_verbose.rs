//! `-v` says on stderr what was found and checked, in the user's language;
//! stdout keeps the results alone (one JSON document with `--format json`).

use crate::support;

use std::path::Path;
use std::process::Output;

fn mtedu(args: &[&str], dir: &Path) -> Output {
    support::mtedu_command(dir)
        .args(args)
        .output()
        .expect("the mtedu binary runs")
}

/// Two loose mods and a modpack of one mod.
fn project(root: &Path) {
    for (dir, name) in [("a", "a"), ("b", "b"), ("pack/c", "c")] {
        let dir = root.join("mods").join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("mod.conf"), format!("name = {name}\n")).unwrap();
        std::fs::write(dir.join("init.lua"), "").unwrap();
        std::fs::write(dir.join("LICENSE.txt"), "MIT\n").unwrap();
    }
    std::fs::write(root.join("mods/pack/modpack.conf"), "name = pack\n").unwrap();
}

#[test]
fn validate_says_what_it_checked() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let quiet = mtedu(&["validate", "--no-installed", "mods"], dir.path());
    assert!(quiet.stderr.is_empty(), "nothing without -v");
    let output = mtedu(&["-v", "validate", "--no-installed", "mods"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("Checked 3 mods, 1 modpack."), "{stderr}");
    assert!(stderr.contains("(--no-installed)"), "{stderr}");
    let french = mtedu(
        &["--lang", "fr", "-v", "check", "--no-installed", "mods"],
        dir.path(),
    );
    let stderr = String::from_utf8(french.stderr).unwrap();
    assert!(stderr.contains("Vérifié : 3 mods, 1 modpack."), "{stderr}");
}

#[test]
fn json_stdout_stays_one_document() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let output = mtedu(
        &[
            "-v",
            "--format",
            "json",
            "validate",
            "--no-installed",
            "mods",
        ],
        dir.path(),
    );
    let stdout = support::stdout_of(&output);
    serde_json::from_str::<serde_json::Value>(&stdout).expect("stdout is only JSON");
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("Checked 3 mods")
    );
}

#[test]
fn the_game_used_for_dependencies_is_named() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let game = dir.path().join("my_game");
    std::fs::create_dir_all(game.join("mods")).unwrap();
    std::fs::write(game.join("game.conf"), "title = My game\n").unwrap();
    let game_arg = game.to_str().unwrap();
    let output = mtedu(
        &["-v", "validate", "--game", game_arg, "mods/a"],
        dir.path(),
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("Game used for dependencies: my_game ({game_arg})")),
        "{stderr}"
    );
}

#[test]
fn doctor_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let output = mtedu(&["-v", "--format", "json", "doctor"], dir.path());
    serde_json::from_str::<serde_json::Value>(&support::stdout_of(&output))
        .expect("stdout is only JSON");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("Looked for minetestserver"), "{stderr}");
    assert!(stderr.contains("Looked for games in:"), "{stderr}");
    let french = mtedu(&["--lang", "fr", "-v", "doctor"], dir.path());
    let stderr = String::from_utf8(french.stderr).unwrap();
    assert!(stderr.contains("Cherché les jeux dans"), "{stderr}");
}

/// A mod that fails while loading (line 2) and one that fails when its
/// chat command is typed (line 3).
fn broken_mods(root: &Path) {
    for (name, code) in [
        ("charge", "local joueur = nil\nprint(joueur.nom)\n"),
        (
            "salut",
            "minetest.register_chatcommand(\"salut\", {func = function(name)\n\tlocal p = nil\n\treturn true, p.nom\nend})\n",
        ),
    ] {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("mod.conf"), format!("name = {name}\n")).unwrap();
        std::fs::write(dir.join("init.lua"), code).unwrap();
    }
}

#[test]
fn verbose_shows_luas_own_words_under_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    broken_mods(dir.path());
    for (command, mod_name, local) in [
        ("check", "charge", "joueur"),
        ("check", "salut", "p"),
        ("info", "charge", "joueur"),
    ] {
        let raw = format!("attempt to index local '{local}' (a nil value)");
        let plain = support::stdout_of(&mtedu(
            &["--lang", "fr", command, "--no-installed", mod_name],
            dir.path(),
        ));
        assert!(plain.contains(&format!("« {local} »")), "{plain}");
        assert!(!plain.contains("Lua dit"), "{command} {mod_name}: {plain}");
        assert!(!plain.contains(&raw), "{command} {mod_name}: {plain}");
        let french = support::stdout_of(&mtedu(
            &["--lang", "fr", "-v", command, "--no-installed", mod_name],
            dir.path(),
        ));
        let said = french
            .lines()
            .find(|l| l.contains("Lua dit : "))
            .unwrap_or_else(|| panic!("{command} -v {mod_name}: {french}"));
        assert!(said.contains(&raw), "{said}");
        let english = support::stdout_of(&mtedu(
            &["--lang", "en", "-v", command, "--no-installed", mod_name],
            dir.path(),
        ));
        assert!(english.contains("Lua says: "), "{english}");
        let json = support::stdout_of(&mtedu(
            &["--format", "json", command, "--no-installed", mod_name],
            dir.path(),
        ));
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        let details: Vec<&str> = document["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("{json}"))
            .iter()
            .filter_map(|d| d["detail"].as_str())
            .collect();
        assert!(
            details.iter().any(|d| d.contains(&raw)),
            "{command} {mod_name}: {json}"
        );
    }
}
