//! The whole session, as the "done when" says: `class new` for
//! three pupils (chloe's mod broken in the class folder), `mtedu class`
//! with three real servers and the dashboard, two `class join` processes
//! (alice's and bob's PCs) pushing each save, the dashboard rows changing
//! with each push, then Ctrl-C and `class showcase`, whose world the real
//! 5.6.1 server loads with alice's and bob's blocks and not chloe's.

use crate::class_showcase::{ALICE, BROKEN, DAVID, showcase};
use crate::support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use support::class_run::{RunningClass, have_everything, new_class};
use support::real_client::Killed;
use support::real_server::{dump_mod_dir, run_world, server_binary};

/// The row of `pupil` once `done` holds for it (generous: the machine is shared).
fn wait_row(
    class: &RunningClass,
    cookie: &str,
    pupil: &str,
    what: &str,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, state) = class.state(cookie);
        let row = state["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["name"] == pupil).cloned())
            .unwrap_or_default();
        if done(&row) {
            return row;
        }
        assert!(Instant::now() < deadline, "{pupil}: {what}: {row:#}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `mtedu class join` watching `pc` (another "PC": a process of its own).
fn join(pc: &Path, url: &str, pupil: &str, code: &str) -> Killed {
    let child = support::mtedu_command(pc)
        .args(["class", "join", url, "--name", pupil, "--code", code])
        .arg("first_block")
        .env("HOME", pc.join("home"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Killed(child)
}

#[test]
fn a_class_of_three_runs_from_class_new_to_the_showcase_on_the_real_server() {
    if have_everything().is_none() {
        return;
    }
    let binary = server_binary().unwrap();
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice", "bob", "chloe"]);
    let code = config["code"].as_str().unwrap().to_owned();
    let cookie = format!(
        "mtedu_teacher={}",
        config["teacher_token"].as_str().unwrap()
    );
    std::fs::write(dir.join("chloe/first_block/init.lua"), BROKEN).unwrap();
    let mut class = RunningClass::start(&dir, &home);
    class.wait_for("servers ready", Duration::from_secs(180));
    let chloe = wait_row(&class, &cookie, "chloe", "broken", |r| r["errors"] != 0);
    assert_eq!(
        chloe["problem"]["place"], "first_block/init.lua:2",
        "{chloe:#}"
    );

    // Alice's and Bob's own PCs: the lesson, and `join` watching it.
    let pcs = temp.path().join("pcs");
    let mut joins = Vec::new();
    for pupil in ["alice", "bob"] {
        let pc = pcs.join(pupil);
        std::fs::create_dir_all(&pc).unwrap();
        let started = support::mtedu_command(&pc)
            .args(["lessons", "start", "1"])
            .output()
            .unwrap();
        assert!(started.status.success(), "{started:?}");
        joins.push(join(&pc, &class.url, pupil, &code));
    }
    // The first push of each (the starter) is seen on the dashboard.
    for pupil in ["alice", "bob"] {
        wait_row(&class, &cookie, pupil, "a first push", |r| {
            !r["saved"].is_null()
        });
    }

    // Saves on the pupils' PCs change their rows.
    std::fs::write(pcs.join("alice/first_block/init.lua"), ALICE).unwrap();
    std::fs::write(pcs.join("bob/first_block/init.lua"), BROKEN).unwrap();
    let alice = wait_row(&class, &cookie, "alice", "3 objectives met", |r| {
        r["met"] == 3
    });
    assert_eq!(alice["errors"], 0, "{alice:#}");
    let bob = wait_row(&class, &cookie, "bob", "bob's error", |r| r["errors"] != 0);
    assert_eq!(bob["problem"]["place"], "first_block/init.lua:2", "{bob:#}");
    assert_eq!(
        std::fs::read_to_string(dir.join("bob/first_block/init.lua")).unwrap(),
        BROKEN,
        "bob's push is stored in bob's folder"
    );
    std::fs::write(
        pcs.join("bob/first_block/init.lua"),
        DAVID.replace("David", "Bob"),
    )
    .unwrap();
    wait_row(&class, &cookie, "bob", "bob's fix", |r| {
        r["errors"] == 0 && r["met"] == 2
    });
    let chloe = wait_row(&class, &cookie, "chloe", "still broken", |_| true);
    assert_ne!(chloe["errors"], 0, "chloe pushed nothing: {chloe:#}");
    drop(joins);

    // The end: every world saved, then the showcase.
    class.interrupt();
    assert!(class.child.wait().unwrap().success());
    let out = showcase(
        temp.path(),
        &["cm2", "--server", &binary.display().to_string()],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(text.contains("with 2 mods of 3"), "{text}");
    assert!(
        text.contains(
            "✗ chloe: first_block is left out, it has an error at chloe/first_block/init.lua:2"
        ),
        "{text}"
    );
    let world = temp.path().join("cm2-showcase");
    let played = temp.path().join("played");
    support::copy_dir(&world, &played);
    support::copy_dir(&dump_mod_dir(), &played.join("worldmods/mtedu_dump"));
    let server_home = temp.path().join("server-home");
    std::fs::create_dir_all(&server_home).unwrap();
    let run = run_world(&binary, &played, &server_home);
    assert_eq!(run.exit_code, Some(0), "{}", run.log);
    let nodes = run.dump.expect("the dump")["nodes"].to_string();
    for node in ["first_block_alice:block", "first_block_bob:block"] {
        assert!(nodes.contains(&format!("\"{node}\"")), "{node}: {nodes}");
    }
    assert!(!nodes.contains("first_block_chloe"), "{nodes}");
}
