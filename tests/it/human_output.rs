//! The human output of findings through the binary: text from pupils'
//! files cannot drive the terminal, the severity words and the labels are
//! in the user's language, and paths are shown the same way everywhere.

use crate::support;

use std::path::Path;

fn mtedu(args: &[&str], dir: &Path) -> String {
    let output = support::mtedu_command(dir)
        .args(args)
        .output()
        .expect("the mtedu binary runs");
    support::stdout_of(&output)
}

/// A mod whose mod.conf and one file name hold terminal escape sequences.
fn hostile_mod() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m");
    std::fs::create_dir_all(m.join("textures")).unwrap();
    std::fs::write(
        m.join("mod.conf"),
        "name = m\nx = \x1b[2J\x1b]0;PWNED\x07\n",
    )
    .unwrap();
    std::fs::write(m.join("init.lua"), "").unwrap();
    std::fs::write(m.join("textures/m_\x1b[31mred.png"), "").unwrap();
    dir
}

#[test]
fn control_characters_from_files_are_shown_not_obeyed() {
    let dir = hostile_mod();
    let text = mtedu(
        &["--color", "never", "validate", "--no-installed", "m"],
        dir.path(),
    );
    assert!(
        !text.contains('\x1b') && !text.contains('\x07'),
        "raw control characters reach the terminal: {text:?}"
    );
    assert!(text.contains("x = ␛[2J␛]0;PWNED␇"), "the snippet: {text}");
    assert!(text.contains("m_␛[31mred.png"), "the file name: {text}");
}

#[test]
fn json_keeps_the_exact_text() {
    let dir = hostile_mod();
    let text = mtedu(
        &["--format", "json", "validate", "--no-installed", "m"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(files.contains(&"m/textures/m_\x1b[31mred.png"), "{files:?}");
    assert!(!text.contains('␛'), "{text}");
}

#[test]
fn severities_and_labels_in_the_users_language() {
    let dir = hostile_mod();
    let french = mtedu(
        &[
            "--lang",
            "fr",
            "--color",
            "never",
            "validate",
            "--no-installed",
            "m",
        ],
        dir.path(),
    );
    for word in [
        "erreur[MT",
        "avertissement[MT",
        "info[MT1801]",
        "= où : ",
        "= pour réparer : ",
    ] {
        assert!(french.contains(word), "{word:?} missing: {french}");
    }
    for english in ["error[", "warning[", "note[", "where:", "how to fix:"] {
        assert!(!french.contains(english), "{english:?} in French: {french}");
    }
    let english = mtedu(
        &[
            "--lang",
            "en",
            "--color",
            "always",
            "validate",
            "--no-installed",
            "m",
        ],
        dir.path(),
    );
    // Colours split "= where" but never the severity from its code.
    for word in [
        "error[MT",
        "warning[MT",
        "info[MT1801]",
        " where: ",
        " how to fix: ",
    ] {
        assert!(english.contains(word), "{word:?} missing: {english}");
    }
    assert!(!english.contains("note"), "{english}");
}

#[test]
fn the_other_file_of_a_clash_is_shown_like_every_path() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["foo", "baz"] {
        let m = dir.path().join(name);
        std::fs::create_dir_all(m.join("textures")).unwrap();
        std::fs::write(m.join("mod.conf"), format!("name = {name}\n")).unwrap();
        std::fs::write(m.join("init.lua"), "").unwrap();
        std::fs::write(m.join("textures/dup.png"), "").unwrap();
    }
    let text = mtedu(
        &["--color", "never", "validate", "--no-installed", "."],
        dir.path(),
    );
    assert!(text.contains("[MT1303]"), "{text}");
    assert!(
        text.contains("(the other one is baz/textures/dup.png)"),
        "{text}"
    );
    assert!(!text.contains("./"), "{text}");
}

#[test]
fn test_reports_show_control_characters_from_specs() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m");
    std::fs::create_dir_all(m.join("spec")).unwrap();
    std::fs::write(m.join("mod.conf"), "name = m\n").unwrap();
    std::fs::write(m.join("init.lua"), "").unwrap();
    std::fs::write(
        m.join("spec/m_spec.lua"),
        "describe(\"m\", function()\n\
         \tit(\"\\27[2Jclears the screen\", function()\n\
         \t\terror(\"\\27]0;PWNED\\7\")\n\
         \tend)\n\
         end)\n",
    )
    .unwrap();
    let text = mtedu(
        &["--color", "never", "test", "--no-installed", "m"],
        dir.path(),
    );
    assert!(
        !text.contains('\x1b') && !text.contains('\x07'),
        "raw control characters reach the terminal: {text:?}"
    );
    assert!(text.contains("␛[2Jclears the screen"), "{text}");
}
