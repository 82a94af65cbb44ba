//! `mtedu class showcase DIR` through the binary on a class of four: a mod
//! that loads (in the world under the pupil's name), a broken one (left
//! out with its error line), one whose chat command another pupil's mod
//! already has (left out, both named); the world loads on Debian's real
//! 5.6.1 server with the included mod's node and nothing of the others,
//! `mtedu pack` takes it, and a second run keeps the first world as a
//! backup.

use crate::support;

use std::path::Path;

use support::real_server::{dump_mod_dir, run_world, server_binary};

pub const ALICE: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Bloc d'Alice\",\n  tiles = {\"first_block_block.png\"},\n  groups = {cracky = 3},\n})\nminetest.register_chatcommand(\"salut\", {func = function() return true, \"salut\" end})\n";
pub const BROKEN: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Bob\"\n  tiles = {\"first_block_block.png\"},\n})\n";
const CLASH: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Chloe\",\n  tiles = {\"first_block_block.png\"},\n})\nminetest.register_chatcommand(\"salut\", {func = function() return true, \"hey\" end})\n";
pub const DAVID: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"David\",\n  tiles = {\"first_block_block.png\"},\n})\n";

/// `mtedu class showcase` run in `parent`; its output.
pub fn showcase(parent: &Path, args: &[&str]) -> std::process::Output {
    support::mtedu_command(parent)
        .args(["--lang", "en", "class", "showcase"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_showcase_world_holds_every_mod_that_loads_and_the_real_server_loads_it() {
    let Some(binary) = server_binary() else {
        return;
    };
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let made = support::mtedu_command(temp.path())
        .args([
            "class", "new", "cm2", "--lesson", "1", "alice", "bob", "chloe", "david",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let dir = temp.path().join("cm2");
    for (pupil, code) in [
        ("alice", ALICE),
        ("bob", BROKEN),
        ("chloe", CLASH),
        ("david", DAVID),
    ] {
        std::fs::write(dir.join(pupil).join("first_block/init.lua"), code).unwrap();
    }
    let out = showcase(
        temp.path(),
        &["cm2", "--server", &binary.display().to_string()],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text.contains("✓ alice: first_block is in the world (as first_block_alice)."),
        "{text}"
    );
    assert!(
        text.contains("✗ bob: first_block is left out, it has an error at bob/first_block/init.lua:2: A comma is missing"),
        "{text}"
    );
    assert!(
        text.contains(
            "✗ chloe: first_block is left out: it registers /salut, as alice's mod already does."
        ),
        "{text}"
    );
    assert!(text.contains("with 2 mods of 4"), "{text}");
    let world = temp.path().join("cm2-showcase");
    let mods: Vec<String> = std::fs::read_dir(world.join("worldmods"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut mods = mods;
    mods.sort();
    assert_eq!(mods, ["first_block_alice", "first_block_david"]);
    assert!(
        !world
            .join("worldmods/first_block_alice/.mtedu-lesson")
            .exists()
    );

    // The real server loads it (on a copy, with the dump mod).
    let copy = temp.path().join("played");
    support::copy_dir(&world, &copy);
    support::copy_dir(&dump_mod_dir(), &copy.join("worldmods/mtedu_dump"));
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let run = run_world(&binary, &copy, &home);
    assert_eq!(run.exit_code, Some(0), "{}", run.log);
    let dump = run.dump.expect("the dump");
    let nodes = dump["nodes"].to_string();
    assert!(nodes.contains("\"first_block_alice:block\""), "{nodes}");
    assert!(nodes.contains("\"first_block_david:block\""), "{nodes}");
    assert!(!nodes.contains("\"first_block:block\""), "{nodes}");
    assert!(dump["chatcommands"].to_string().contains("\"salut\""));
    assert!(!run.log.contains("ERROR"), "{}", run.log);

    // mtedu pack takes it as it is.
    let packed = support::mtedu_command(temp.path())
        .arg("pack")
        .arg(&world)
        .arg("-o")
        .arg(temp.path().join("showcase.zip"))
        .output()
        .unwrap();
    assert!(packed.status.success(), "{packed:?}");

    // Again, in French and as JSON: the first world is kept as a backup.
    std::fs::write(
        dir.join("bob/first_block/init.lua"),
        DAVID.replace("David", "Bob"),
    )
    .unwrap();
    let again = support::mtedu_command(temp.path())
        .args(["--format", "json", "class", "showcase", "cm2"])
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
    let document: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    let backup = document["backup"].as_str().expect("a backup").to_owned();
    assert!(
        Path::new(&backup)
            .join("worldmods/first_block_alice")
            .is_dir()
    );
    let statuses: Vec<&str> = document["mods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["included", "included", "clash", "included"]);
    assert!(world.join("worldmods/first_block_bob").is_dir());
}
