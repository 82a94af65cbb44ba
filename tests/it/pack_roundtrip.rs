//! Pack → install → validate, for every kind of package, and the real
//! server loading a packed-and-installed world (and refusing to be packed
//! while it runs).

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use mtedu::host::Host;
use mtedu::pack::{InstallOptions, NoProgress, PackOptions, install, pack};
use mtedu::validate::{Options, validate};
use support::packing::{files, hello_block, pack_to, tiny_share, write};
use support::{copy_dir, real_server};

/// Packs `dir`, installs the archive into a fresh engine folder, validates
/// the result and compares the files; returns where it was installed.
fn round_trip(dir: &Path, host: &Host, temp: &Path) -> PathBuf {
    let archive = temp.join("package.zip");
    let packed = pack_to(dir, &archive, host);
    let options = InstallOptions {
        to: Some(temp.join("user")),
        ..InstallOptions::default()
    };
    let outcome = install(&archive, &options, host, &NoProgress);
    let installed = outcome
        .installed
        .clone()
        .unwrap_or_else(|| panic!("{:#?}", outcome.report));
    let kind = match packed.kind {
        Some(mtedu::content::ContentKind::Lesson) => Some(mtedu::content::ContentKind::World),
        kind => kind,
    };
    assert_eq!(outcome.kind, kind, "a packed lesson is a world");
    let report = validate(std::slice::from_ref(&installed), &Options::default(), host);
    assert!(!report.has_errors(), "{:#?}", report);
    installed
}

#[test]
fn every_kind_of_package_survives_the_round_trip() {
    let temp = tempfile::tempdir().unwrap();
    let host = tiny_share(temp.path());
    let m = temp.path().join("src/colours");
    write(&m.join("modpack.conf"), "name = colours\n");
    write(&m.join("red/mod.conf"), "name = red\n");
    write(&m.join("red/init.lua"), "");
    write(&m.join("blue/mod.conf"), "name = blue\ndepends = red\n");
    write(&m.join("blue/init.lua"), "");
    let g = temp.path().join("src/small_game");
    write(&g.join("game.conf"), "title = Small game\n");
    write(&g.join("mods/stone/mod.conf"), "name = stone\n");
    write(&g.join("mods/stone/init.lua"), "");
    let t = temp.path().join("src/soft");
    write(&t.join("texture_pack.conf"), "title = Soft\n");
    write(&t.join("default_dirt.png"), "png");
    let w = temp.path().join("src/classroom");
    write(
        &w.join("world.mt"),
        "gameid = tiny_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    );
    std::fs::write(
        w.join("map.sqlite"),
        (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect::<Vec<_>>(),
    )
    .unwrap();
    write(
        &w.join("worldmods/extra/mod.conf"),
        "name = extra\ndepends = tiny\n",
    );
    write(&w.join("worldmods/extra/init.lua"), "");
    for (dir, sub) in [
        (&m, "mods"),
        (&g, "games"),
        (&t, "textures"),
        (&w, "worlds"),
    ] {
        let case = tempfile::tempdir().unwrap();
        let installed = round_trip(dir, &host, case.path());
        assert!(
            installed.starts_with(case.path().join("user").join(sub)),
            "{}",
            installed.display()
        );
        assert_eq!(
            files(&installed),
            files(dir),
            "{} changed on the way",
            dir.display()
        );
    }
}

#[test]
fn a_packed_lesson_installs_as_a_classroom_world() {
    let temp = tempfile::tempdir().unwrap();
    let host = tiny_share(temp.path());
    let lesson = temp.path().join("first_block");
    write(
        &lesson.join("lesson.toml"),
        "title = { fr = \"Premier bloc\", en = \"First block\" }\n\
         summary = { fr = \"Un bloc.\", en = \"A block.\" }\n\
         ages = [8, 12]\nduration = 60\ngame = \"tiny_game\"\n\
         [[objectives]]\nid = \"block\"\n\
         text = { fr = \"Un bloc\", en = \"A block\" }\n\
         hint = { fr = \"register_node\", en = \"register_node\" }\n",
    );
    write(
        &lesson.join("checks/objectives_spec.lua"),
        "describe(\"block\", function() end)\n",
    );
    write(&lesson.join("handout.md"), "# First block\n");
    write(&lesson.join("starter/mod.conf"), "name = first_block\n");
    write(&lesson.join("starter/init.lua"), "-- your block here\n");
    write(&lesson.join("solution/mod.conf"), "name = first_block\n");
    write(&lesson.join("solution/init.lua"), "-- the answer\n");
    let installed = round_trip(&lesson, &host, temp.path());
    assert_eq!(installed, temp.path().join("user/worlds/first_block"));
    let world_mt = std::fs::read_to_string(installed.join("world.mt")).unwrap();
    for line in [
        "creative_mode = true",
        "enable_damage = false",
        "gameid = tiny_game",
        "backend = sqlite3",
        "auth_backend = sqlite3",
    ] {
        assert!(world_mt.contains(line), "{line} in {world_mt}");
    }
    assert_eq!(
        std::fs::read_to_string(installed.join("worldmods/first_block/init.lua")).unwrap(),
        "-- your block here\n"
    );
    assert!(installed.join("handout.md").is_file() && installed.join("lesson.toml").is_file());
    assert!(
        !installed.join("solution").exists(),
        "the solution is not given to pupils"
    );
}

/// Packs `world` as the teacher (whose own mods and games are in
/// `teacher/.minetest`), checking the packing said `expected_code`, then
/// installs the archive for a pupil who has only what the engine ships.
fn teacher_to_pupil(
    world: &Path,
    teacher: &Path,
    temp: &Path,
    expected_code: &str,
) -> (PathBuf, Host, mtedu::pack::InstallOutcome) {
    let share = Host::detect().share_dirs;
    let teacher_host = Host {
        share_dirs: share.clone(),
        user_dirs: vec![teacher.join(".minetest")],
    };
    let archive = temp.join("classroom.zip");
    let packed = pack_to(world, &archive, &teacher_host);
    assert!(
        packed
            .report
            .diagnostics
            .iter()
            .any(|d| d.code.id == expected_code),
        "{:#?}",
        packed.report
    );
    let pupil = temp.join("pupil");
    let pupil_host = Host {
        share_dirs: share,
        user_dirs: Vec::new(),
    };
    let options = InstallOptions {
        to: Some(pupil.join(".minetest")),
        ..InstallOptions::default()
    };
    let outcome = install(&archive, &options, &pupil_host, &NoProgress);
    (pupil, pupil_host, outcome)
}

/// A world played on the real server, with a mod switched on from the
/// user's mods folder: packed (the mod goes into worldmods/), installed into
/// another user's folder, and run again by the real server.
#[test]
fn a_packed_world_runs_on_the_real_server() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let teacher = temp.path().join("teacher");
    hello_block(&teacher.join(".minetest/mods/hello_block"));
    let world = teacher.join(".minetest/worlds/classroom");
    write(
        &world.join("world.mt"),
        "gameid = minetest_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\nload_mod_hello_block = true\n",
    );
    copy_dir(
        &real_server::dump_mod_dir(),
        &world.join("worldmods/mtedu_dump"),
    );
    let first = real_server::run_world(&binary, &world, &teacher);
    assert_eq!(first.exit_code, Some(0), "{}", first.log);
    let nodes = |run: &real_server::WorldRun| {
        run.dump
            .as_ref()
            .map(|d| d["nodes"].to_string())
            .unwrap_or_default()
    };
    assert!(nodes(&first).contains("hello_block:block"), "{}", first.log);

    let (pupil, pupil_host, outcome) = teacher_to_pupil(&world, &teacher, temp.path(), "MT4008");
    let installed = outcome
        .installed
        .clone()
        .unwrap_or_else(|| panic!("{:#?}", outcome.report));
    assert!(
        !validate(
            std::slice::from_ref(&installed),
            &Options::default(),
            &pupil_host
        )
        .has_errors()
    );
    for database in ["map.sqlite", "env_meta.txt"] {
        if world.join(database).exists() {
            assert_eq!(
                std::fs::read(world.join(database)).unwrap(),
                std::fs::read(installed.join(database)).unwrap()
            );
        }
    }
    std::fs::remove_file(installed.join("mtedu_dump.json")).unwrap();
    let second = real_server::run_world(&binary, &installed, &pupil);
    assert_eq!(second.exit_code, Some(0), "{}", second.log);
    assert!(
        nodes(&second).contains("hello_block:block"),
        "the packed-in mod loads: {}",
        second.log
    );
    assert!(!second.log.contains("could not be found"), "{}", second.log);
}

/// The real server keeps its databases open: packing then is refused.
#[test]
fn a_world_is_not_packed_while_the_real_server_runs_on_it() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let world = temp.path().join("running");
    write(
        &world.join("world.mt"),
        "gameid = minetest_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    );
    let mut server = real_server::start_world(&binary, &world, temp.path());
    assert!(
        server.wait_for_log("listening on", Duration::from_secs(30)),
        "{}",
        server.log()
    );
    let host = Host {
        share_dirs: Host::detect().share_dirs,
        user_dirs: Vec::new(),
    };
    let options = PackOptions {
        output: Some(temp.path().join("running.zip")),
        ..PackOptions::default()
    };
    let outcome = pack(&world, &options, &host, &NoProgress);
    let stopped = server.stop();
    assert!(outcome.archive.is_none());
    let in_use = outcome
        .report
        .diagnostics
        .iter()
        .find(|d| d.code.id == "MT4003");
    let in_use = in_use.unwrap_or_else(|| panic!("{:#?}", outcome.report));
    assert!(
        format!("{:?}", in_use.args).contains("minetest"),
        "{:?}",
        in_use.args
    );
    assert!(!temp.path().join("running.zip").exists());
    assert_eq!(stopped, Some(0));
    // Stopped, the same world packs.
    pack_to(&world, &temp.path().join("running.zip"), &host);
}

/// `install --force` over a world the real server runs on is refused
/// before anything moves: the world stays where it is, unchanged.
#[test]
fn a_world_is_not_replaced_while_the_real_server_runs_on_it() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let source = temp.path().join("src/running");
    write(
        &source.join("world.mt"),
        "gameid = minetest_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    );
    let host = Host {
        share_dirs: Host::detect().share_dirs,
        user_dirs: Vec::new(),
    };
    let archive = temp.path().join("running.zip");
    pack_to(&source, &archive, &host);
    let user = temp.path().join("home/.minetest");
    let options = InstallOptions {
        to: Some(user.clone()),
        ..InstallOptions::default()
    };
    let first = install(&archive, &options, &host, &NoProgress);
    let installed = first
        .installed
        .unwrap_or_else(|| panic!("{:#?}", first.report));
    let mut server = real_server::start_world(&binary, &installed, &temp.path().join("home"));
    assert!(
        server.wait_for_log("listening on", Duration::from_secs(30)),
        "{}",
        server.log()
    );
    // The server writes its databases meanwhile: compare the folder itself
    // (same inode: not moved, not replaced) and the world.mt it was given.
    use std::os::unix::fs::MetadataExt;
    let inode = |p: &Path| std::fs::metadata(p).map(|m| m.ino()).ok();
    let before = (
        inode(&installed),
        std::fs::read(installed.join("world.mt")).ok(),
    );
    let forced = InstallOptions {
        force: true,
        ..options
    };
    let outcome = install(&archive, &forced, &host, &NoProgress);
    let after = (
        inode(&installed),
        std::fs::read(installed.join("world.mt")).ok(),
    );
    let stopped = server.stop();
    assert!(outcome.installed.is_none(), "{:#?}", outcome.report);
    let refused = outcome
        .report
        .diagnostics
        .iter()
        .find(|d| d.code.id == "MT4117")
        .unwrap_or_else(|| panic!("{:#?}", outcome.report));
    assert!(format!("{:?}", refused.args).contains("minetest"));
    assert_eq!(before, after, "the running world was changed");
    assert!(!user.join("mtedu-backups").exists(), "nothing was moved");
    let leftovers: Vec<_> = std::fs::read_dir(user.join("worlds"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("running")]);
    assert_eq!(stopped, Some(0));
}

/// A world on a game the teacher installed (in `~/.minetest/games/`, not
/// shipped with the engine) is packed with that game as its own `game/`
/// folder; installed for a pupil who lacks the game, the real server runs
/// it on the packed game and loads its mods.
#[test]
fn a_world_carries_the_game_the_teacher_installed() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let teacher = temp.path().join("teacher");
    let game = teacher.join(".minetest/games/teacher_game");
    write(&game.join("game.conf"), "title = Teacher game\n");
    write(&game.join("mods/bricks/mod.conf"), "name = bricks\n");
    write(
        &game.join("mods/bricks/init.lua"),
        "minetest.register_node(\"bricks:red\", {description = \"Red brick\"})\n",
    );
    let world = teacher.join(".minetest/worlds/classroom");
    write(
        &world.join("world.mt"),
        "gameid = teacher_game\nbackend = sqlite3\nplayer_backend = sqlite3\nauth_backend = sqlite3\nmod_storage_backend = sqlite3\n",
    );
    copy_dir(
        &real_server::dump_mod_dir(),
        &world.join("worldmods/mtedu_dump"),
    );
    let (pupil, pupil_host, outcome) = teacher_to_pupil(&world, &teacher, temp.path(), "MT4013");
    let installed = outcome
        .installed
        .clone()
        .unwrap_or_else(|| panic!("{:#?}", outcome.report));
    assert!(
        !outcome
            .report
            .diagnostics
            .iter()
            .any(|d| d.code.id == "MT1701"),
        "the packed game is found: {:#?}",
        outcome.report
    );
    assert!(installed.join("game/mods/bricks/init.lua").is_file());
    assert!(
        !pupil.join(".minetest/games").exists(),
        "the pupil lacks it"
    );
    let report = validate(
        std::slice::from_ref(&installed),
        &Options::default(),
        &pupil_host,
    );
    assert!(!report.has_errors(), "{report:#?}");
    // The embedded engine loads the world on its own game too.
    std::fs::remove_dir_all(installed.join("worldmods/mtedu_dump")).unwrap();
    let inspection = mtedu::engine::inspect::inspect(
        std::slice::from_ref(&installed),
        &mtedu::engine::inspect::InspectOptions::default(),
        &pupil_host,
    )
    .expect("the engine starts");
    assert!(
        inspection.registrations.nodes.contains_key("bricks:red"),
        "{:#?}",
        inspection.report
    );
    copy_dir(
        &real_server::dump_mod_dir(),
        &installed.join("worldmods/mtedu_dump"),
    );
    let run = real_server::run_world(&binary, &installed, &pupil);
    assert_eq!(run.exit_code, Some(0), "{}", run.log);
    let nodes = run
        .dump
        .as_ref()
        .map(|d| d["nodes"].to_string())
        .unwrap_or_default();
    assert!(
        nodes.contains("bricks:red"),
        "the packed game's mod loads: {}",
        run.log
    );
}
