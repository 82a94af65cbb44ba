//! `mtedu class DIR` with three pupils, each on a real server (Debian's
//! minetestserver): the dashboard read in headless Chromium (names, the
//! broken pupil's error line with file:line, objectives counts), the row
//! changing within 2 s of the fix on disk, wrong tokens refused and
//! rate-limited, and Ctrl-C stopping every server with the worlds saved
//! while the page says the session ended.
//!
//! Needs the server, minetest_game and chromium: skipped without them,
//! unless `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::process::Command;
use std::time::{Duration, Instant};

use mtedu::class::client::request;
use support::class_run::{RunningClass, dom, have_everything, new_class, row_of};

const BROKEN: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Mon bloc\"\n  tiles = {\"first_block_block.png\"},\n})\n";
const FIXED: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Mon bloc\",\n  tiles = {\"first_block_block.png\"},\n})\n";

#[test]
fn the_dashboard_shows_three_pupils_live_in_a_browser_and_ends_with_ctrl_c() {
    let Some(browser) = have_everything() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice", "bob", "chloe"]);
    let token = config["teacher_token"].as_str().unwrap().to_owned();
    std::fs::write(dir.join("chloe/first_block/init.lua"), FIXED).unwrap();
    let mut class = RunningClass::start(&dir, &home);
    class.wait_for("3 servers ready", Duration::from_secs(120));
    let banner = class.seen.join("\n");
    assert!(
        banner.contains(&format!("/login?token={token}")),
        "{banner}"
    );
    assert!(
        !banner.contains(&format!("http://127.0.0.1:{}/ ", 0)),
        "{banner}"
    );
    let page_line = class
        .seen
        .iter()
        .find(|l| l.starts_with("Dashboard"))
        .unwrap();
    assert!(
        !page_line.contains(&token),
        "the projector's address has no token: {page_line}"
    );

    let cookie = format!("mtedu_teacher={token}");
    // Bob breaks his mod while his server runs: serve keeps the last good one.
    std::fs::write(dir.join("bob/first_block/init.lua"), BROKEN).unwrap();
    class.wait_for(
        "[bob] first_block: the code has mistakes",
        Duration::from_secs(30),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while class.state(&cookie).1["rows"][0]["name"] != "bob" {
        assert!(Instant::now() < deadline, "{:#?}", class.state(&cookie).1);
        std::thread::sleep(Duration::from_millis(100));
    }
    let profile = temp.path().join("chromium");
    let page = dom(
        &browser,
        &profile,
        &format!("{}/login?token={token}", class.url),
    );
    let bob = row_of(&page, "bob");
    assert!(bob.contains("class=\"pupil error\""), "{bob}");
    assert!(bob.contains("first_block/init.lua:2"), "{bob}");
    assert!(bob.contains("comma"), "the error in plain words: {bob}");
    assert!(bob.contains("0/4"), "{bob}");
    let chloe = row_of(&page, "chloe");
    assert!(
        chloe.contains("nothing wrong") || chloe.contains("class=\"pupil warning\""),
        "{chloe}"
    );
    assert!(chloe.contains("2/4"), "{chloe}");
    assert!(row_of(&page, "alice").contains("0/4"), "{page}");
    // The most urgent first: bob's row comes before the others.
    assert!(page.find("data-pupil=\"bob\"") < page.find("data-pupil=\"alice\""));

    // The fix on disk reaches the row within 2 s.
    let fixed_at = Instant::now();
    std::fs::write(dir.join("bob/first_block/init.lua"), FIXED).unwrap();
    loop {
        let (_, state) = class.state(&cookie);
        let row = state["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "bob")
            .cloned()
            .unwrap();
        if row["errors"] == 0 {
            break;
        }
        assert!(fixed_at.elapsed() < Duration::from_secs(2), "{row:#}");
        std::thread::sleep(Duration::from_millis(50));
    }
    println!("save → row without the error: {:?}", fixed_at.elapsed());
    let deadline = Instant::now() + Duration::from_secs(20);
    while !class.state(&cookie).1["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "bob" && r["met"] == 2)
    {
        assert!(Instant::now() < deadline, "the objectives follow");
        std::thread::sleep(Duration::from_millis(100));
    }
    let page = dom(&browser, &profile, &format!("{}/", class.url));
    let bob = row_of(&page, "bob");
    assert!(!bob.contains("pupil error"), "{bob}");
    assert!(bob.contains("2/4"), "{bob}");

    // A wrong token: 403, then refused before comparing.
    assert_eq!(class.state("mtedu_teacher=WRONG").0, 403);
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let (status, _) = request(
            &class.url,
            "GET",
            "/login?token=NOPE",
            &[],
            b"",
            Duration::from_secs(5),
        )
        .unwrap();
        statuses.push(status);
    }
    assert_eq!(statuses[..5], [403; 5], "{statuses:?}");
    assert_eq!(statuses[5..], [429; 2], "{statuses:?}");

    // Ctrl-C: every server stops, the worlds are saved, the page says so.
    class.interrupt();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match request(
            &class.url,
            "GET",
            "/api/state",
            &[("Cookie", &cookie)],
            b"",
            Duration::from_secs(2),
        ) {
            Ok((_, body))
                if serde_json::from_slice::<serde_json::Value>(&body).unwrap()["ended"] == true =>
            {
                break;
            }
            Ok(_) => {}
            Err(error) => panic!("the page never said the end: {error:?}"),
        }
        assert!(Instant::now() < deadline);
        std::thread::sleep(Duration::from_millis(100));
    }
    let status = class.child.wait().unwrap();
    let rest: Vec<String> = class.lines.try_iter().collect();
    assert!(status.success(), "{status:?} {rest:?}");
    assert_eq!(
        rest.last().map(String::as_str),
        Some("The class is over: every world is saved."),
        "{rest:?}"
    );
    for pupil in ["alice", "bob", "chloe"] {
        let world = dir.join(".mtedu-class/worlds").join(pupil);
        assert!(world.join("map.sqlite").is_file(), "{pupil}'s world saved");
    }
    let servers = Command::new("pgrep")
        .args(["-f", &dir.display().to_string()])
        .output()
        .unwrap();
    assert!(servers.stdout.is_empty(), "no server left");
}
