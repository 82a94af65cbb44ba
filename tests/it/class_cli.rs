//! `mtedu class new` through the binary: the class folder (one lesson copy
//! per pupil, class.toml with a code and a token) and the refusals of bad
//! names, in French and English, with nothing written.

use crate::support;

use std::path::Path;

use support::{mtedu_command, stdout_of};

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = mtedu_command(dir).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        stdout_of(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn class_new_gives_each_pupil_the_starter_and_writes_class_toml() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(
        temp.path().join("names.txt"),
        "# CM2\nchloe\n\ndavid # late\n",
    )
    .unwrap();
    let (code, out, err) = run(
        temp.path(),
        &[
            "--lang",
            "fr",
            "class",
            "new",
            "cm2",
            "--lesson",
            "1",
            "alice",
            "bob",
            "--names",
            "names.txt",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("La classe cm2 est prête : 4 élèves"), "{out}");
    let class = temp.path().join("cm2");
    for pupil in ["alice", "bob", "chloe", "david"] {
        let copy = class.join(pupil).join("first_block");
        assert!(copy.join("init.lua").is_file(), "{pupil}");
        assert!(copy.join(".mtedu-lesson/lesson.toml").is_file(), "{pupil}");
    }
    let config: toml::Table =
        toml::from_str(&std::fs::read_to_string(class.join("class.toml")).unwrap()).unwrap();
    assert_eq!(config["lesson"].as_str(), Some("01-first-block"));
    assert_eq!(config["engine"].as_str(), Some("auto"));
    let pupils: Vec<&str> = config["pupils"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert_eq!(pupils, ["alice", "bob", "chloe", "david"]);
    let class_code = config["code"].as_str().unwrap();
    assert_eq!(class_code.len(), 6);
    assert!(out.contains(class_code), "the banner shows the code: {out}");
    let token = config["teacher_token"].as_str().unwrap();
    assert_eq!(token.len(), 24);
    assert!(
        !out.contains(token),
        "the token is for `mtedu class`: {out}"
    );
    // Never over an existing class.
    let (code, _, err) = run(
        temp.path(),
        &["class", "new", "cm2", "--lesson", "1", "eve"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert!(!class.join("eve").exists());
}

#[test]
fn bad_or_clashing_names_are_all_told_and_nothing_is_written() {
    let temp = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        temp.path(),
        &[
            "--lang", "fr", "class", "new", "cm2", "--lesson", "1", "alice", "Zoé", "Alice", "con",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("« Zoé » ne peut pas être un nom d’élève"),
        "{err}"
    );
    assert!(err.contains("Essayez « Zoe »"), "{err}");
    assert!(
        err.contains("« Alice » est donné deux fois (aussi comme « alice »)"),
        "{err}"
    );
    assert!(
        err.contains("« con » ne peut pas être un nom de dossier sous Windows"),
        "{err}"
    );
    let (code, _, err) = run(
        temp.path(),
        &["class", "new", "cm2", "--lesson", "1", "jean paul"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains(r#""jean paul" cannot be a pupil name"#),
        "{err}"
    );
    assert!(err.contains(r#"Try "jean_paul""#), "{err}");
    let (code, _, err) = run(temp.path(), &["class", "new", "cm2", "--lesson", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("No pupil names"), "{err}");
    let (code, _, err) = run(
        temp.path(),
        &["class", "new", "cm2", "--lesson", "99", "al"],
    );
    assert_eq!(code, 2);
    assert!(err.contains(r#"There is no lesson "99""#), "{err}");
    let left: Vec<_> = std::fs::read_dir(temp.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}
