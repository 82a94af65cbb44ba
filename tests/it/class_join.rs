//! `mtedu class join` end to end on 127.0.0.1: two pupils' PCs (two
//! processes) push at once to a class of two real servers; each answer is
//! in the pupil's language and each mod lands in its pupil's folder only.
//! Hostile pushes (wrong code, a path escape, a link, a claimed 2 GB) are
//! refused with nothing written and the last good version kept.

use crate::support;
use crate::support::archives::{Item, mod_zip_with};
use crate::support::class_run::{RunningClass, have_everything, new_class};

use std::path::Path;
use std::time::Duration;

use mtedu::class::client::request;
use mtedu::class::keys::{PUPIL_KEYS, pupil_key};

const ALICE: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Bloc d'Alice\",\n  tiles = {\"first_block_block.png\"},\n})\n";
const BOB: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Bob\"\n  tiles = {\"first_block_block.png\"},\n})\n";

#[test]
fn two_pupils_push_at_once_and_hostile_pushes_change_nothing() {
    if have_everything().is_none() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice", "bob"]);
    let code = config["code"].as_str().unwrap().to_owned();
    let mut class = RunningClass::start(&dir, &home);
    class.wait_for("2 servers ready", Duration::from_secs(120));

    // Each pupil's own PC: a copy of the lesson, edited there.
    let pcs = temp.path().join("pcs");
    for (pupil, code_text) in [("alice", ALICE), ("bob", BOB)] {
        let pc = pcs.join(pupil);
        std::fs::create_dir_all(&pc).unwrap();
        let started = support::mtedu_command(&pc)
            .args(["lessons", "start", "1"])
            .output()
            .unwrap();
        assert!(started.status.success());
        std::fs::write(pc.join("first_block/init.lua"), code_text).unwrap();
    }
    let join = |pupil: &str, lang: &str| {
        support::mtedu_command(&pcs.join(pupil))
            .args([
                "--lang", lang, "class", "join", &class.url, "--once", "--name", pupil, "--code",
            ])
            .arg(code.to_lowercase())
            .arg("first_block")
            .env("HOME", pcs.join(pupil).join("home"))
            .spawn_output()
    };
    let alice = join("alice", "fr");
    let bob = join("bob", "en");
    let (alice, bob) = (alice.join().unwrap(), bob.join().unwrap());
    let alice_out = String::from_utf8_lossy(&alice.stdout);
    assert!(alice.status.success(), "{alice:?}");
    assert!(
        alice_out.contains("Le PC de la classe a reçu ton mod"),
        "{alice_out}"
    );
    let bob_out = String::from_utf8_lossy(&bob.stdout);
    assert!(bob_out.contains("The class PC has your mod"), "{bob_out}");
    assert!(
        bob_out.contains("A comma is missing"),
        "bob's findings: {bob_out}"
    );
    let stored = |pupil: &str| {
        std::fs::read_to_string(dir.join(pupil).join("first_block/init.lua")).unwrap()
    };
    assert_eq!(stored("alice"), ALICE);
    assert_eq!(stored("bob"), BOB);
    assert!(
        dir.join("alice/first_block/.mtedu-lesson/lesson.toml")
            .is_file(),
        "the lesson stays"
    );
    class.wait_for("[alice] first_block", Duration::from_secs(30));

    // Hostile pushes: refused, nothing written, the last good version kept.
    let alice_key = pupil_key(&pcs.join("alice/home").join(PUPIL_KEYS), &code, "alice")
        .expect("alice's PC keeps the key of her first push");
    let push = |code: &str, body: &[u8], extra: &[(&str, &str)]| {
        let mut headers = vec![
            ("X-Mtedu-Pupil", "alice"),
            ("X-Mtedu-Code", code),
            ("X-Mtedu-Pupil-Key", alice_key.as_str()),
        ];
        headers.extend_from_slice(extra);
        request(
            &class.url,
            "POST",
            "/api/push",
            &headers,
            body,
            Duration::from_secs(20),
        )
        .unwrap()
    };
    let escape = mod_zip_with(
        "first_block",
        &[Item::File(
            "first_block/../../bob/first_block/init.lua",
            b"evil()",
        )],
    );
    let (status, body) = push(&code, &escape, &[]);
    assert_eq!(status, 422, "{}", String::from_utf8_lossy(&body));
    let link = mod_zip_with(
        "first_block",
        &[Item::Link("first_block/textures/x.png", "/etc/passwd")],
    );
    assert_eq!(push(&code, &link, &[]).0, 422);
    let other = mod_zip_with("other_mod", &[]);
    assert_eq!(push(&code, &other, &[]).0, 422);
    assert_eq!(stored("alice"), ALICE);
    assert_eq!(stored("bob"), BOB);
    assert!(!dir.join("alice/other_mod").exists());
    // A claimed 2 GB is refused before anything is read.
    let big = {
        use std::io::{Read, Write};
        let address = class.url.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(stream, "POST /api/push HTTP/1.1\r\nHost: x\r\nX-Mtedu-Pupil: alice\r\nX-Mtedu-Code: {code}\r\nX-Mtedu-Pupil-Key: {alice_key}\r\nContent-Length: 2147483648\r\n\r\n").unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut answer = vec![0u8; 64];
        let n = stream.read(&mut answer).unwrap();
        String::from_utf8_lossy(&answer[..n]).into_owned()
    };
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    // Wrong codes: 403, then 429 for this address; the files never change.
    let statuses: Vec<u16> = (0..6).map(|_| push("WRONG1", &escape, &[]).0).collect();
    assert_eq!(statuses, [403, 403, 403, 403, 403, 429], "{statuses:?}");
    assert_eq!(stored("alice"), ALICE);
    let leftovers: Vec<_> = std::fs::read_dir(dir.join(".mtedu-class/incoming"))
        .unwrap()
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file left: {leftovers:?}"
    );
    class.interrupt();
    assert!(class.child.wait().unwrap().success());
}

/// `class join --once` from the "PC" `pc` (its own folder and home).
fn join_once(pc: &Path, url: &str, pupil: &str, code: &str) -> std::process::Output {
    support::mtedu_command(pc)
        .args([
            "--lang", "en", "class", "join", url, "--once", "--name", pupil, "--code", code,
        ])
        .arg("first_block")
        .env("HOME", pc.join("home"))
        .output()
        .unwrap()
}

#[test]
fn a_second_pc_cannot_push_under_a_name_another_pc_has_until_the_teacher_says_so() {
    if have_everything().is_none() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (dir, config) = new_class(temp.path(), &["alice"]);
    let code = config["code"].as_str().unwrap().to_owned();
    let cookie = format!(
        "mtedu_teacher={}",
        config["teacher_token"].as_str().unwrap()
    );
    let mut class = RunningClass::start(&dir, &home);
    class.wait_for("1 servers ready", Duration::from_secs(120));
    let pc = |name: &str, text: &str| {
        let pc = temp.path().join(name);
        std::fs::create_dir_all(pc.join("home")).unwrap();
        let started = support::mtedu_command(&pc)
            .args(["lessons", "start", "1"])
            .output()
            .unwrap();
        assert!(started.status.success());
        std::fs::write(pc.join("first_block/init.lua"), text).unwrap();
        pc
    };
    let first = pc("pc1", ALICE);
    let second = pc("pc2", &ALICE.replace("Alice", "Intrus"));
    let stored = || std::fs::read_to_string(dir.join("alice/first_block/init.lua")).unwrap();

    let out = join_once(&first, &class.url, "alice", &code);
    assert!(out.status.success(), "{out:?}");
    assert!(pupil_key(&first.join("home").join(PUPIL_KEYS), &code, "alice").is_some());
    // Another PC, the same name: refused, nothing written, the animator told.
    let out = join_once(&second, &class.url, "alice", &code);
    assert!(!out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "The name \"alice\" is already used from another PC in this class: nothing was changed."
        ),
        "{said}"
    );
    assert_eq!(stored(), ALICE);
    let row = |state: serde_json::Value| state["rows"][0].clone();
    let alice = row(class.state(&cookie).1);
    assert!(
        alice["intruder"].as_str().is_some_and(
            |t| t.starts_with("Another PC (127.0.0.1) tried to send work as alice at ")
        ),
        "{alice:#}"
    );
    // The first PC goes on.
    assert!(
        join_once(&first, &class.url, "alice", &code)
            .status
            .success()
    );

    // Alice changed PC: the teacher says so, the new PC takes the name.
    let (status, _) = request(
        &class.url,
        "POST",
        "/api/teacher/new-pc",
        &[("Cookie", &cookie), ("Content-Type", "application/json")],
        br#"{"pupil": "alice"}"#,
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(status, 200);
    assert!(row(class.state(&cookie).1)["intruder"].is_null());
    let out = join_once(&second, &class.url, "alice", &code);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stored(), ALICE.replace("Alice", "Intrus"));
    assert!(
        !join_once(&first, &class.url, "alice", &code)
            .status
            .success()
    );
    // Kept for the next session on the class PC.
    assert!(dir.join(".mtedu-class/pupil-keys.toml").is_file());
    class.interrupt();
    assert!(class.child.wait().unwrap().success());
}

trait SpawnOutput {
    fn spawn_output(&mut self) -> std::thread::JoinHandle<std::process::Output>;
}

impl SpawnOutput for std::process::Command {
    /// Runs the command in a thread of its own: two pupils at once.
    fn spawn_output(&mut self) -> std::thread::JoinHandle<std::process::Output> {
        let child = self
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::spawn(move || child.wait_with_output().unwrap())
    }
}
