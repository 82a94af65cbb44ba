//! The teacher's actions on the dashboard, through HTTP against the
//! running `mtedu class` with two real servers: refused without the
//! teacher's cookie, from another site's page or without a JSON body;
//! freeze, say, gather and reload reaching every real server (its log says
//! so; Debian's real client, joined to one pupil's server, is counted and
//! reads the animator's line in its chat; a server that starts after the
//! freeze is frozen too); a pupil's file shown at the
//! error line and never a file outside their folder; the page's buttons
//! in headless Chromium, in French and English; with the client playing
//! as the teacher, gather finds them and freeze leaves them free.

use crate::support;
use crate::support::class_run::{RunningClass, dom, have_everything, new_class, row_of};

use std::path::Path;
use std::time::{Duration, Instant};

use mtedu::class::client::request;
use support::real_client::{Display, join, tools_installed};

const FIXED: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Chloe\",\n  tiles = {\"first_block_block.png\"},\n})\n";
const BROKEN: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Mon bloc\"\n  tiles = {\"first_block_block.png\"},\n})\n";

/// `POST /api/teacher/<action>` with `headers`; the status and the JSON.
fn post(
    class: &RunningClass,
    action: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, serde_json::Value) {
    let (status, body) = request(
        &class.url,
        "POST",
        &format!("/api/teacher/{action}"),
        headers,
        body.as_bytes(),
        Duration::from_secs(90),
    )
    .unwrap();
    (status, serde_json::from_slice(&body).unwrap_or_default())
}

fn server_log(dir: &Path, pupil: &str) -> String {
    let world = dir.join(".mtedu-class/worlds").join(pupil);
    std::fs::read_to_string(mtedu::content::served::state_dir(&world).join("server.log"))
        .unwrap_or_default()
}

/// Waits until `pupil`'s server log holds `text`.
fn wait_log(dir: &Path, pupil: &str, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(90);
    while !server_log(dir, pupil).contains(text) {
        assert!(
            Instant::now() < deadline,
            "{pupil}'s server never logged {text:?}: {}",
            server_log(dir, pupil)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_teachers_actions_reach_every_real_server_and_only_the_teacher_can_use_them() {
    let Some(browser) = have_everything() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice", "bob", "chloe"]);
    // Chloe's mod is broken from the start: her server waits for a fix.
    std::fs::write(dir.join("chloe/first_block/init.lua"), BROKEN).unwrap();
    let token = config["teacher_token"].as_str().unwrap().to_owned();
    let mut class = RunningClass::start(&dir, &home);
    class.wait_for("2 servers ready", Duration::from_secs(120));
    let cookie = format!("mtedu_teacher={token}");
    let json = ("Content-Type", "application/json");
    let teacher = [("Cookie", cookie.as_str()), json];

    // Refused: no cookie, a wrong one, another site's page, a form's body.
    assert_eq!(post(&class, "freeze", &[json], "{}").0, 403);
    assert_eq!(
        post(
            &class,
            "freeze",
            &[("Cookie", "mtedu_teacher=WRONG"), json],
            "{}"
        )
        .0,
        403
    );
    let (status, refused) = post(
        &class,
        "freeze",
        &[("Cookie", &cookie), json, ("Origin", "http://evil.example")],
        "{}",
    );
    assert_eq!(status, 403, "{refused}");
    assert!(
        refused["text"]
            .as_str()
            .unwrap()
            .contains("does not come from the dashboard"),
        "{refused}"
    );
    assert_eq!(
        post(
            &class,
            "freeze",
            &[
                ("Cookie", &cookie),
                ("Content-Type", "application/x-www-form-urlencoded")
            ],
            "frozen=1"
        )
        .0,
        403
    );
    assert!(!server_log(&dir, "alice").contains("the animator froze"));

    // A real player on alice's server, when this PC has the client.
    let alice_port = class.state(&cookie).1["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "alice")
        .unwrap()["port"]
        .as_u64()
        .unwrap() as u16;
    let with_client = tools_installed();
    let client_home = temp.path().join("client");
    std::fs::create_dir_all(&client_home).unwrap();
    let display = with_client.then(Display::start);
    let _client = display.as_ref().map(|d| join(d, alice_port, &client_home));
    let players = usize::from(with_client);
    if with_client {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !class.state(&cookie).1["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "alice" && r["players"] == serde_json::json!(["eleve1"]))
        {
            assert!(Instant::now() < deadline, "the client never joined");
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    // Freeze and release: every server answers; the player is counted.
    let (status, frozen) = post(&class, "freeze", &teacher, "{}");
    assert_eq!(status, 200, "{frozen}");
    assert_eq!(frozen["ok"], true, "{frozen}");
    assert_eq!(
        frozen["text"],
        format!("{players} players are frozen on 2 servers (players who join now are frozen too).")
    );
    wait_log(
        &dir,
        "alice",
        &format!("the animator froze {players} players"),
    );
    wait_log(&dir, "bob", "the animator froze 0 players");
    // Chloe's fix starts her server after the freeze: frozen too.
    std::fs::write(dir.join("chloe/first_block/init.lua"), FIXED).unwrap();
    class.wait_for("[chloe] Server ready", Duration::from_secs(90));
    wait_log(&dir, "chloe", "the animator froze 0 players");
    let (_, released) = post(&class, "unfreeze?lang=fr", &teacher, "{}");
    assert_eq!(
        released["text"],
        format!("{players} joueurs peuvent de nouveau bouger, sur 3 serveurs.")
    );
    wait_log(&dir, "bob", "the animator released 0 players");

    // A line to everyone, control characters dropped.
    let (_, said) = post(
        &class,
        "say",
        &teacher,
        r#"{"text": "Rangez vos blocs\u0007 svp"}"#,
    );
    assert_eq!(
        said["text"],
        format!("Message sent to {players} players on 3 servers."),
        "{said}"
    );
    wait_log(&dir, "bob", "said to 0 players: Rangez vos blocs svp");
    if let Some(display) = &display {
        display.keys(&["key", "F10"]);
        display
            .wait_chat(temp.path(), "rangez vos blocs", Duration::from_secs(20))
            .expect("the player reads the animator's line");
    }
    assert_eq!(post(&class, "say", &teacher, r#"{"text": " "}"#).0, 400);

    // Gather: the teacher is in no game, said so plainly.
    let (_, gathered) = post(&class, "gather", &teacher, "{}");
    assert_eq!(gathered["ok"], false, "{gathered}");
    assert!(
        gathered["text"]
            .as_str()
            .unwrap()
            .starts_with("You are in none of the pupils' games"),
        "{gathered}"
    );
    wait_log(&dir, "alice", "asked to gather, but is not in this game");

    // Reload: bob's broken mod is refused, alice's loads again.
    std::fs::write(dir.join("bob/first_block/init.lua"), BROKEN).unwrap();
    class.wait_for(
        "[bob] first_block: the code has mistakes",
        Duration::from_secs(30),
    );
    let (_, reloaded) = post(&class, "reload", &teacher, r#"{"pupil": "alice"}"#);
    assert_eq!(reloaded["ok"], true, "{reloaded}");
    assert_eq!(reloaded["text"], "alice's mod was loaded again.");
    let (_, rejected) = post(&class, "reload", &teacher, r#"{"pupil": "bob"}"#);
    assert_eq!(rejected["ok"], false, "{rejected}");
    assert!(
        rejected["text"]
            .as_str()
            .unwrap()
            .contains("it has mistakes"),
        "{rejected}"
    );
    assert_eq!(
        post(&class, "reload", &teacher, r#"{"pupil": "zoe"}"#).0,
        404
    );

    // Bob's file at the error line; nothing outside his folder.
    let deadline = Instant::now() + Duration::from_secs(30);
    let problem = loop {
        let state = class.state(&cookie).1;
        let bob = state["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "bob")
            .cloned()
            .unwrap();
        if bob["errors"] != 0 {
            break bob["problem"].clone();
        }
        assert!(Instant::now() < deadline, "{bob}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(problem["file"], "first_block/init.lua", "{problem}");
    let body =
        serde_json::json!({"pupil": "bob", "file": problem["file"], "line": problem["line"]});
    let (status, shown) = post(&class, "file", &teacher, &body.to_string());
    assert_eq!(status, 200, "{shown}");
    let line = problem["line"].as_u64().unwrap() as usize;
    assert_eq!(
        shown["lines"][line - 1],
        BROKEN.lines().nth(line - 1).unwrap()
    );
    for (pupil, file, status) in [
        ("bob", "../alice/first_block/init.lua", 403),
        ("bob", "/etc/passwd", 403),
        ("bob", "first_block/.mtedu-lesson/lesson.toml", 403),
        ("../bob", "first_block/init.lua", 404),
        ("bob", "first_block/missing.lua", 404),
    ] {
        let body = serde_json::json!({"pupil": pupil, "file": file});
        let (got, answer) = post(&class, "file", &teacher, &body.to_string());
        assert_eq!(got, status, "{pupil} {file}: {answer}");
        assert!(answer.get("lines").is_none(), "{answer}");
    }

    // The page: the actions and the broken row's buttons, in each language.
    let profile = temp.path().join("chromium");
    let page = dom(
        &browser,
        &profile,
        &format!("{}/login?token={token}", class.url),
    );
    for label in ["Freeze everyone", "Bring everyone to me", "Message to all:"] {
        assert!(page.contains(label), "{label}: {page}");
    }
    let bob = row_of(&page, "bob");
    assert!(bob.contains("Show the file"), "{bob}");
    assert!(bob.contains("data-file=\"first_block/init.lua\""), "{bob}");
    let page = dom(&browser, &profile, &format!("{}/?lang=fr", class.url));
    assert!(page.contains("Figer tout le monde"), "{page}");
    assert!(row_of(&page, "bob").contains("Voir le fichier"), "{page}");

    class.interrupt();
    assert!(class.child.wait().unwrap().success());
}

#[test]
fn gather_and_freeze_leave_the_teacher_where_they_are() {
    if have_everything().is_none() || !tools_installed() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice"]);
    let cookie = format!(
        "mtedu_teacher={}",
        config["teacher_token"].as_str().unwrap()
    );
    // The real client plays as `eleve1`: here that is the teacher's login.
    let mut class = RunningClass::start_as(&dir, &home, Some("eleve1"));
    class.wait_for("1 servers ready", Duration::from_secs(120));
    let port = class.state(&cookie).1["rows"][0]["port"].as_u64().unwrap() as u16;
    let client_home = temp.path().join("client");
    std::fs::create_dir_all(&client_home).unwrap();
    let display = Display::start();
    let _client = join(&display, port, &client_home);
    let deadline = Instant::now() + Duration::from_secs(60);
    while class.state(&cookie).1["rows"][0]["players"] != serde_json::json!(["eleve1"]) {
        assert!(Instant::now() < deadline, "the client never joined");
        std::thread::sleep(Duration::from_millis(300));
    }
    let teacher = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
    ];
    let (_, gathered) = post(&class, "gather", &teacher, "{}");
    assert_eq!(gathered["ok"], true, "{gathered}");
    assert_eq!(gathered["text"], "0 players were brought next to you.");
    wait_log(&dir, "alice", "the animator gathered 0 players");
    let (_, frozen) = post(&class, "freeze", &teacher, "{}");
    assert_eq!(
        frozen["text"], "0 players are frozen on 1 servers (players who join now are frozen too).",
        "the teacher is not frozen"
    );
    class.interrupt();
    assert!(class.child.wait().unwrap().success());
}
