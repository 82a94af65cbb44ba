//! Tests of engine discovery with fake programs: tiny shell scripts that
//! print what the real ones print, or hang, in a temp dir.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;

/// A fake machine: `root` for system folders, `bin` as the only `$PATH` entry.
fn fake_env(temp: &Path) -> HostEnv {
    let bin = temp.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    HostEnv {
        root: temp.join("root"),
        home: Some(temp.join("home")),
        user_path: None,
        path_dirs: vec![bin],
        cache_dir: None,
        version_timeout: Duration::from_secs(5),
        is_root: false,
    }
}

/// Writes an executable shell script.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn parses_the_first_line_of_each_engine() {
    let debian = "Minetest 5.6.1 (Linux)\nUsing LuaJIT 2.1.0-beta3\nBUILD_TYPE=RelWithDebInfo\n";
    assert_eq!(
        parse_version(debian),
        Some(("Minetest".into(), "5.6.1".into()))
    );
    assert_eq!(
        parse_version("Luanti 5.10.0 (Linux)\nUsing LuaJIT 2.1"),
        Some(("Luanti".into(), "5.10.0".into()))
    );
    assert_eq!(
        parse_version("Minetest 5.7.0-dev-8a1f8c5 (Linux)"),
        Some(("Minetest".into(), "5.7.0-dev-8a1f8c5".into()))
    );
}

#[test]
fn skips_warnings_before_the_version_line() {
    let output = "WARNING: could not open /var/log/minetest/minetest.log\nminetest 5.6.1 (Linux)";
    assert_eq!(
        parse_version(output),
        Some(("minetest".into(), "5.6.1".into()))
    );
}

#[test]
fn rejects_output_without_a_version() {
    assert_eq!(parse_version(""), None);
    assert_eq!(parse_version("Minetest"), None);
    assert_eq!(parse_version("Minetest server starting"), None);
    assert_eq!(parse_version("bash 5.2.15"), None);
}

#[test]
fn finds_a_fake_server_on_path_and_reads_its_version() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    script(
        &env.path_dirs[0],
        "minetestserver",
        "echo 'Minetest 5.6.1 (Linux)'\necho 'Using LuaJIT 2.1.0-beta3'",
    );
    let engines = find_engines(&env);
    assert_eq!(
        engines,
        vec![Engine {
            name: "Minetest".into(),
            path: env.path_dirs[0].join("minetestserver"),
            version: Some("5.6.1".into()),
            kind: EngineKind::Server,
        }]
    );
}

#[test]
fn finds_programs_in_usr_games_once_and_ignores_plain_files() {
    let temp = tempfile::tempdir().unwrap();
    let mut env = fake_env(temp.path());
    let games = env.system("/usr/games");
    script(&games, "luanti", "echo 'Luanti 5.10.0 (Linux)' >&2");
    std::fs::write(env.path_dirs[0].join("minetestserver"), "not a program").unwrap();
    env.path_dirs.push(games.clone());
    let engines = find_engines(&env);
    assert_eq!(engines.len(), 1, "{engines:?}");
    assert_eq!(engines[0].path, games.join("luanti"));
    assert_eq!(engines[0].kind, EngineKind::Client);
    assert_eq!(engines[0].version.as_deref(), Some("5.10.0"));
}

#[test]
fn a_program_that_hangs_is_killed_at_the_timeout() {
    let temp = tempfile::tempdir().unwrap();
    let pid_file = temp.path().join("pid");
    let program = script(
        temp.path(),
        "minetestserver",
        &format!("echo $$ > '{}'\nexec sleep 30", pid_file.display()),
    );
    let start = Instant::now();
    assert_eq!(run_version(&program, Duration::from_millis(300)), None);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let proc_entry = Path::new("/proc").join(pid.trim());
    if Path::new("/proc/self").exists() {
        assert!(!proc_entry.exists(), "process {} still exists", pid.trim());
    }
}

#[test]
fn a_wrapper_whose_child_hangs_does_not_block() {
    let temp = tempfile::tempdir().unwrap();
    let program = script(
        temp.path(),
        "minetestserver",
        "echo 'Minetest 5.6.1 (Linux)'\nsleep 30",
    );
    let start = Instant::now();
    assert_eq!(run_version(&program, Duration::from_millis(300)), None);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn output_is_kept_when_a_leftover_process_holds_the_pipe() {
    let temp = tempfile::tempdir().unwrap();
    let program = script(
        temp.path(),
        "minetestserver",
        "sleep 30 &\necho 'Minetest 5.6.1 (Linux)'",
    );
    let start = Instant::now();
    let output = run_version(&program, Duration::from_secs(2)).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(parse_version(&output).unwrap().1, "5.6.1");
}

#[test]
fn reads_the_version_of_a_flatpak_app() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    let app = env.system("/var/lib/flatpak/app/org.luanti.luanti");
    let metainfo = app.join("current/active/files/share/metainfo");
    std::fs::create_dir_all(&metainfo).unwrap();
    std::fs::write(
        metainfo.join("org.luanti.luanti.metainfo.xml"),
        r#"<component><releases><release date="2024-10-20" version="5.10.0"/><release version="5.9.1"/></releases></component>"#,
    )
    .unwrap();
    let engines = find_engines(&env);
    assert_eq!(engines.len(), 1, "{engines:?}");
    assert_eq!(engines[0].name, "Luanti");
    assert_eq!(engines[0].path, app);
    assert_eq!(engines[0].version.as_deref(), Some("5.10.0"));
    assert_eq!(engines[0].kind, EngineKind::Client);
}
