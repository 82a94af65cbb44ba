//! The first hour of a new animator, through the binary: what used to get
//! in the way of a newcomer following README.md on a fresh PC.

use crate::support;

use std::path::Path;

use support::{copy_dir, mtedu_command, stdout_of};

fn run(dir: &Path, home: &Path, args: &[&str]) -> (i32, String, String) {
    let output = mtedu_command(dir)
        .env("HOME", home)
        .env_remove("MINETEST_USER_PATH")
        .env_remove("XDG_DATA_HOME")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        stdout_of(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Run from a project that keeps template sources (mtedu's own
/// `mod-templates/`), the templates are never taken for broken mods.
#[test]
fn template_sources_are_not_content() {
    let temp = tempfile::tempdir().unwrap();
    let project = temp.path().join("project");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("mod-templates"),
        &project.join("mod-templates"),
    );
    let (code, out, err) = run(&project, temp.path(), &["-v", "validate", "."]);
    assert!(!out.contains("{{"), "{out}");
    assert!(err.contains("mod-templates/node"), "{err}");
    assert_eq!(code, 2, "no content at all is MT0002: {out}");
    assert!(out.contains("MT0002"), "{out}");
    // A real mod beside the templates is found, and only it.
    std::fs::create_dir_all(project.join("my_mod")).unwrap();
    std::fs::write(project.join("my_mod/mod.conf"), "name = my_mod\n").unwrap();
    std::fs::write(
        project.join("my_mod/init.lua"),
        "local x = {{ 1 }}\nprint(x)\n",
    )
    .unwrap();
    let (_, out, err) = run(
        &project,
        temp.path(),
        &["-v", "--format", "json", "validate", "."],
    );
    assert!(!out.contains("{{ modname"), "{out}");
    assert!(!out.contains("mod-templates"), "{out}");
    assert!(err.contains("1 mod"), "{err}");
}

#[test]
fn info_in_a_folder_without_mods_says_so_once() {
    let temp = tempfile::tempdir().unwrap();
    let (code, out, _) = run(temp.path(), temp.path(), &["--lang", "fr", "info"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("aucun mod à toi"), "{out}");
    assert!(!out.contains("Blocs (nodes)"), "no empty lists: {out}");
    let (_, out, _) = run(temp.path(), temp.path(), &["--lang", "fr", "info", "--all"]);
    assert!(!out.contains("ne s’est chargé"), "{out}");
    assert_eq!(out.matches("aucun mod à toi").count(), 1, "{out}");
}

#[test]
fn a_first_install_makes_the_folder_the_game_uses() {
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (code, _, _) = run(temp.path(), &home, &["new", "mod", "my_mod"]);
    assert_eq!(code, 0);
    let (code, out, _) = run(temp.path(), &home, &["pack", "my_mod"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, err) = run(
        temp.path(),
        &home,
        &["--lang", "fr", "install", "my_mod.zip"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(".minetest"), "{out}");
    assert!(home.join(".minetest/mods/my_mod/init.lua").is_file());
    // Nothing is made for what does not exist.
    let home = temp.path().join("other");
    std::fs::create_dir_all(&home).unwrap();
    let (code, out, _) = run(temp.path(), &home, &["install", "missing.zip"]);
    assert_ne!(code, 0, "{out}");
    assert!(!home.join(".minetest").exists());
}

#[test]
fn serving_a_folder_that_does_not_exist_says_so() {
    let temp = tempfile::tempdir().unwrap();
    let (code, out, _) = run(
        temp.path(),
        temp.path(),
        &["--lang", "fr", "serve", "mods/"],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("MT0001") && out.contains("n’existe pas"),
        "{out}"
    );
}

#[test]
fn an_accented_name_shows_the_letter_and_a_name_without_accent() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("classe");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.conf"), "name = classe\n").unwrap();
    let init = "minetest.register_node(\"classe:bloc_rayé\", {description = \"Rayé\"})\n";
    std::fs::write(dir.join("init.lua"), init).unwrap();
    let (code, out, _) = run(
        temp.path(),
        temp.path(),
        &["--lang", "fr", "check", "classe"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("refuse : \"é\""), "{out}");
    assert!(out.contains("« classe:bloc_raye »"), "{out}");
    assert!(!out.contains("\\u{"), "{out}");
}
