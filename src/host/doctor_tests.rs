//! Tests of the doctor's folder logic on fake layouts in a temp dir: games
//! in the share folder, user folders in a fake home, a fake server script.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::*;

fn fake_env(temp: &Path) -> HostEnv {
    HostEnv {
        root: temp.join("root"),
        home: Some(temp.join("home")),
        user_path: None,
        path_dirs: vec![temp.join("bin")],
        cache_dir: None,
        version_timeout: Duration::from_secs(5),
        is_root: false,
    }
}

fn game(env: &HostEnv, id: &str, conf: &str) -> PathBuf {
    let dir = env.system("/usr/share/games/minetest/games").join(id);
    std::fs::create_dir_all(dir.join("mods")).unwrap();
    std::fs::write(dir.join("game.conf"), conf).unwrap();
    dir
}

fn fake_server(env: &HostEnv) {
    use std::os::unix::fs::PermissionsExt;
    let dir = &env.path_dirs[0];
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("minetestserver");
    std::fs::write(&path, "#!/bin/sh\necho 'Minetest 5.6.1 (Linux)'\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn kinds(report: &DoctorReport) -> Vec<MissingKind> {
    report.missing.iter().map(|missing| missing.kind).collect()
}

#[test]
fn an_empty_pc_misses_everything() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    let report = diagnose(&env);
    assert!(report.engines.is_empty());
    assert!(report.games.is_empty());
    assert_eq!(
        kinds(&report),
        [
            MissingKind::Server,
            MissingKind::Client,
            MissingKind::AnyGame,
            MissingKind::UserDir
        ]
    );
    let fixes: Vec<&str> = report.missing.iter().map(|m| m.fix.as_str()).collect();
    assert_eq!(
        fixes,
        [
            "sudo apt install minetest-server",
            "sudo apt install minetest",
            "sudo apt install minetest-data",
            "mkdir -p ~/.minetest/mods"
        ]
    );
    assert!(!report.is_ready());
}

/// On a Debian set up without sudo, root types the install itself.
#[test]
fn root_is_told_the_command_without_sudo() {
    let temp = tempfile::tempdir().unwrap();
    let env = HostEnv {
        is_root: true,
        ..fake_env(temp.path())
    };
    let report = diagnose(&env);
    assert_eq!(report.missing[0].fix, "apt install minetest-server");
}

#[test]
fn lists_games_with_their_titles() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    let mtg = game(&env, "minetest_game", "title = Minetest Game\n");
    game(&env, "old", "name = Old Style\n");
    game(&env, "bare", "description = no title\n");
    let report = diagnose(&env);
    let games: Vec<(&str, &str)> = report
        .games
        .iter()
        .map(|g| (g.id.as_str(), g.title.as_str()))
        .collect();
    assert_eq!(
        games,
        [
            ("bare", "bare"),
            ("minetest_game", "Minetest Game"),
            ("old", "Old Style")
        ]
    );
    assert_eq!(report.games[1].path, mtg);
}

#[test]
fn a_server_and_a_game_make_the_pc_ready() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    fake_server(&env);
    game(&env, "devtest", "title = Development Test\n");
    let report = diagnose(&env);
    assert_eq!(report.engines[0].version.as_deref(), Some("5.6.1"));
    assert_eq!(
        kinds(&report),
        [
            MissingKind::Client,
            MissingKind::MinetestGame,
            MissingKind::UserDir
        ]
    );
    assert!(report.is_ready());
}

#[test]
fn reports_user_folders_and_their_subfolders() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    let home = env.home.clone().unwrap();
    std::fs::create_dir_all(home.join(".minetest/worlds")).unwrap();
    let report = diagnose(&env);
    let minetest = &report.user_dirs[0];
    assert_eq!(minetest.path, home.join(".minetest"));
    assert!(minetest.exists && minetest.has_worlds && !minetest.has_mods);
    let luanti = &report.user_dirs[1];
    assert!(!luanti.exists && !luanti.has_mods);
    // No flatpak app: its folders are not listed.
    assert_eq!(report.user_dirs.len(), 2);
    let last = report.missing.last().unwrap();
    assert_eq!(last.kind, MissingKind::UserMods);
    assert_eq!(last.fix, "mkdir -p ~/.minetest/mods");
}

#[test]
fn lists_flatpak_folders_when_the_app_is_installed() {
    let temp = tempfile::tempdir().unwrap();
    let env = fake_env(temp.path());
    let app = env.in_home(".local/share/flatpak/app/net.minetest.Minetest");
    std::fs::create_dir_all(app.unwrap()).unwrap();
    let home = env.home.clone().unwrap();
    std::fs::create_dir_all(home.join(".var/app/net.minetest.Minetest/.minetest/mods")).unwrap();
    let report = diagnose(&env);
    let paths: Vec<&Path> = report.user_dirs.iter().map(|d| d.path.as_path()).collect();
    assert_eq!(
        paths,
        [
            home.join(".minetest"),
            home.join(".luanti"),
            home.join(".var/app/net.minetest.Minetest/.minetest")
        ]
    );
    assert!(report.user_dirs[2].has_mods);
    assert_eq!(report.engines[0].kind, EngineKind::Client);
    assert!(!kinds(&report).contains(&MissingKind::UserDir));
}

#[test]
fn the_user_path_variable_comes_first() {
    let temp = tempfile::tempdir().unwrap();
    let mut env = fake_env(temp.path());
    env.user_path = Some(temp.path().join("my folder"));
    let report = diagnose(&env);
    assert_eq!(report.user_dirs[0].path, temp.path().join("my folder"));
    let fix = &report.missing.last().unwrap().fix;
    assert_eq!(
        fix,
        &format!("mkdir -p '{}/my folder/mods'", temp.path().display())
    );
}

#[test]
fn shell_paths_are_safe_to_paste() {
    let home = Path::new("/home/ana");
    let shown = |dir: &str| shell_path(Path::new(dir), Some(home));
    assert_eq!(shown("/home/ana/.minetest/mods"), "~/.minetest/mods");
    assert_eq!(shown("/srv/mt/mods"), "/srv/mt/mods");
    assert_eq!(shown("/home/ana/Mes mods"), "'/home/ana/Mes mods'");
    assert_eq!(shown("/srv/l'atelier"), r"'/srv/l'\''atelier'");
}
