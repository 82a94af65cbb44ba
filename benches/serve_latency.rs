//! Benchmark: save-to-live latency of `mtedu serve` on each real server
//! this machine has (Debian's 5.6.1, and the Luanti 5.10 and 5.15 root
//! folders `scripts/get-engine.sh` puts in `target/engines/`) with its
//! minetest_game: a file is written, the watcher sees it, the
//! embedded engine checks it, the server reloads it; the clock stops when
//! the live server answers with the new behaviour. 50 soft reloads (same
//! names) and 50 hard reloads (a node added or removed each time).
//! Then, with Debian's real client (5.6.1, under Xvfb) connected: save →
//! the line visible in the client's chat (screenshots read by tesseract,
//! so the times include up to one read, about 0.3–0.6 s), for soft reloads
//! and for hard ones (the chat's warning, then the player back in after
//! the client is started again, as a `--go` client exits on the
//! reconnect flag).
//! Beside each server's reloads, the same server alone (no mtedu): start
//! → listening and SIGTERM → exit, plain and with its metrics listener
//! woken as serve does (Debian's Luanti builds wait 1-2 s for it), so the
//! hard reload reads as a ratio to the server's own restart.
//! Run with `cargo bench --bench serve_latency` (`-- --no-client` for the
//! servers only).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[path = "../tests/support/real_client.rs"]
mod real_client;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use mtedu::host::Host;
use mtedu::serve::watch::ModWatcher;
use mtedu::serve::{Event, Preset, ServeOptions, Session};
use serde_json::json;

const SERVER: &str = "/usr/games/minetestserver";
const EDITS: usize = 50;

fn code(reply: &str, extra_node: bool) -> String {
    let extra = if extra_node {
        "minetest.register_node(\"pupil:extra\", {})"
    } else {
        ""
    };
    format!(
        "minetest.register_chatcommand(\"greet\", {{func = function() return true, \"{reply}\" end}})\n{extra}\n"
    )
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

/// The servers to measure: `(name, program)`, those present.
fn servers() -> Vec<(&'static str, std::path::PathBuf)> {
    let engines = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/engines");
    [
        ("Minetest 5.6.1", std::path::PathBuf::from(SERVER)),
        ("Luanti 5.10", engines.join("5.10/luantiserver")),
        ("Luanti 5.15", engines.join("5.15/luantiserver")),
    ]
    .into_iter()
    .filter(|(name, program)| {
        let present = program.exists();
        if !present {
            eprintln!(
                "{name}: {} is missing (scripts/get-engine.sh)",
                program.display()
            );
        }
        present
    })
    .collect()
}

fn main() {
    let servers = servers();
    if servers.is_empty() {
        return;
    }
    for (name, program) in &servers {
        println!("{name}:");
        let (mut soft, mut hard) = reloads(program);
        report(&mut soft, &mut hard);
        let alone = server_alone(program);
        let restart = alone.start + alone.exit;
        println!(
            "server alone: start → listening {:.0} ms, SIGTERM → exit {:.0} ms ({:.0} ms with its metrics listener woken); hard reload / its own restart: {:.2}",
            ms(alone.start),
            ms(alone.exit),
            ms(alone.exit_woken),
            percentile(&mut hard, 0.5).as_secs_f64() / restart.as_secs_f64()
        );
    }
    let no_client = std::env::args().any(|arg| arg == "--no-client");
    if !no_client && real_client::tools_installed() && std::path::Path::new(SERVER).exists() {
        client_latency(tempfile::tempdir().unwrap().path());
    }
}

/// Save-to-live times of soft and hard reloads on `program`.
fn reloads(program: &std::path::Path) -> (Vec<Duration>, Vec<Duration>) {
    let temp = tempfile::tempdir().unwrap();
    let mod_dir = temp.path().join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), code("r0", false)).unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mods = BTreeMap::from([("pupil".to_owned(), mod_dir.clone())]);
    let options = ServeOptions {
        binary: program.to_path_buf(),
        world: temp.path().join("world"),
        game: "minetest_game".into(),
        preset: Preset::Classroom,
        port,
        bind: "127.0.0.1".into(),
        mods: mods.clone(),
        home: Some(home),
        teacher: None,
        stop: Default::default(),
    };
    let mut session = Session::start(
        options,
        Host::detect(),
        Box::new(|_| Vec::new()),
        &mut |_| {},
    )
    .unwrap();
    let mut watcher = ModWatcher::new(&mods).unwrap();
    let mut soft = Vec::new();
    let mut hard = Vec::new();
    let mut extra = false;
    for edit in 1..=EDITS * 2 {
        let hard_edit = edit % 2 == 0;
        if hard_edit {
            extra = !extra;
        }
        let reply = format!("r{edit}");
        // Editors save whole files; a pause keeps saves apart as a pupil's are.
        std::thread::sleep(Duration::from_millis(120));
        let saved = Instant::now();
        std::fs::write(mod_dir.join("init.lua"), code(&reply, extra)).unwrap();
        let mut kind = None;
        while kind.is_none() {
            let changed = watcher.changed(Duration::from_millis(500));
            if changed.is_empty() {
                continue;
            }
            session.reload(&changed, &mut |event| {
                kind = Some(matches!(event, Event::HardReloaded { .. }));
            });
        }
        loop {
            let answer = session.ask("command", json!({"name": "greet"})).unwrap();
            if answer["reply"] == reply.as_str() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let took = saved.elapsed();
        if kind == Some(true) {
            hard.push(took);
        } else {
            soft.push(took);
        }
    }
    session.stop(&mut |_| {});
    (soft, hard)
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

/// Medians of the server run alone.
struct Alone {
    start: Duration,
    exit: Duration,
    exit_woken: Duration,
}

const ALONE_RUNS: usize = 5;

/// `program` with minetest_game and a bare config, started and stopped
/// [`ALONE_RUNS`] times plain and as many times with its metrics port
/// knocked on every 50 ms after SIGTERM.
fn server_alone(program: &std::path::Path) -> Alone {
    let (mut starts, mut exits, mut woken) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..ALONE_RUNS * 2 {
        let wake = run % 2 == 1;
        let (start, exit) = start_and_stop(program, wake);
        starts.push(start);
        if wake { &mut woken } else { &mut exits }.push(exit);
    }
    Alone {
        start: percentile(&mut starts, 0.5),
        exit: percentile(&mut exits, 0.5),
        exit_woken: percentile(&mut woken, 0.5),
    }
}

fn start_and_stop(program: &std::path::Path, wake: bool) -> (Duration, Duration) {
    let temp = tempfile::tempdir().unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let metrics = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let config = temp.path().join("server.conf");
    std::fs::write(
        &config,
        format!(
            "bind_address = 127.0.0.1\nport = {port}\nserver_announce = false\nipv6_server = false\nprometheus_listener_address = {metrics}\n"
        ),
    )
    .unwrap();
    let log = temp.path().join("server.log");
    let started = Instant::now();
    let mut child = std::process::Command::new(program)
        .args(["--gameid", "minetest_game", "--color", "never", "--world"])
        .arg(temp.path().join("world"))
        .arg("--config")
        .arg(&config)
        .arg("--logfile")
        .arg(&log)
        .env("HOME", temp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("listening on")
    {
        assert!(child.try_wait().unwrap().is_none(), "the server stopped");
        std::thread::sleep(Duration::from_millis(5));
    }
    let start = started.elapsed();
    std::thread::sleep(Duration::from_millis(500));
    let stopped = Instant::now();
    // SAFETY: kill with a pid we own.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    while child.try_wait().unwrap().is_none() {
        if wake {
            let _ = std::net::TcpStream::connect_timeout(&metrics, Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(if wake { 50 } else { 5 }));
    }
    (start, stopped.elapsed())
}

fn report(soft: &mut [Duration], hard: &mut [Duration]) {
    for (name, times, budget) in [("soft", soft, 0.3), ("hard", hard, 1.0)] {
        let median = percentile(times, 0.5);
        let p95 = percentile(times, 0.95);
        println!(
            "{name} reload: {} edits, median {:.0} ms, p95 {:.0} ms (budget {:.0} ms: {})",
            times.len(),
            median.as_secs_f64() * 1000.0,
            p95.as_secs_f64() * 1000.0,
            budget * 1000.0,
            if median.as_secs_f64() < budget {
                "met"
            } else {
                "NOT met"
            }
        );
    }
}

/// Words the chat shows (letters only: OCR reads them reliably).
const WORDS: &[&str] = &[
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
    "kilo", "lima", "mike", "november", "oscar",
];

fn client_code(word: &str, extra_node: bool) -> String {
    format!(
        "minetest.chat_send_all(\"live {word}\")\n{}",
        code(word, extra_node)
    )
}

/// Waits, in another thread, until the client's chat shows `needle`.
fn seen_in_chat(
    display: &Arc<real_client::Display>,
    dir: &std::path::Path,
    needle: String,
) -> std::thread::JoinHandle<Option<Instant>> {
    let display = display.clone();
    let shot = dir.join(format!("{needle}.png").replace(' ', "-"));
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            display.screenshot(&shot);
            let taken = Instant::now();
            if display.chat_text(&shot).contains(&needle) {
                return Some(taken);
            }
        }
        None
    })
}

fn players(session: &mut Session) -> usize {
    session
        .ask("ping", json!({}))
        .ok()
        .and_then(|a| a["players"].as_array().map(Vec::len))
        .unwrap_or(0)
}

fn wait_player(session: &mut Session) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while players(session) == 0 {
        assert!(Instant::now() < deadline, "the client did not join");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn client_latency(dir: &std::path::Path) {
    let mod_dir = dir.join("client_pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), client_code("zero", false)).unwrap();
    let home = dir.join("client_home");
    std::fs::create_dir_all(&home).unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mods = BTreeMap::from([("pupil".to_owned(), mod_dir.clone())]);
    let warning = Rc::new(RefCell::new(String::new()));
    let chat_warning = warning.clone();
    let options = ServeOptions {
        binary: SERVER.into(),
        world: dir.join("client_world"),
        game: "minetest_game".into(),
        preset: Preset::Classroom,
        port,
        bind: "127.0.0.1".into(),
        mods: mods.clone(),
        home: Some(home.clone()),
        teacher: None,
        stop: Default::default(),
    };
    let chat: mtedu::serve::ChatText = Box::new(move |event| match event {
        Event::Restarting { .. } => vec![(
            "en".to_owned(),
            format!("restart {}", chat_warning.borrow()),
        )],
        _ => Vec::new(),
    });
    let mut session = Session::start(options, Host::detect(), chat, &mut |_| {}).unwrap();
    let mut watcher = ModWatcher::new(&mods).unwrap();
    let display = Arc::new(real_client::Display::start());
    let mut client = real_client::join(&display, port, &home);
    wait_player(&mut session);
    std::thread::sleep(Duration::from_secs(2));
    display.keys(&["key", "F10"]);
    let mut save = |word: &str, extra: bool, session: &mut Session| {
        std::fs::write(mod_dir.join("init.lua"), client_code(word, extra)).unwrap();
        let saved = Instant::now();
        loop {
            let changed = watcher.changed(Duration::from_millis(500));
            if !changed.is_empty() {
                session.reload(&changed, &mut |_| {});
                return saved;
            }
        }
    };
    let mut soft = Vec::new();
    for word in &WORDS[..10] {
        std::thread::sleep(Duration::from_millis(300));
        let watch = seen_in_chat(&display, dir, format!("live {word}"));
        let saved = save(word, false, &mut session);
        if let Some(seen) = watch.join().unwrap() {
            soft.push(seen - saved);
        }
    }
    let mut warned = Vec::new();
    let mut back = Vec::new();
    for (index, word) in WORDS[10..].iter().enumerate() {
        *warning.borrow_mut() = (*word).to_owned();
        let watch = seen_in_chat(&display, dir, format!("restart {word}"));
        let saved = save(word, index % 2 == 0, &mut session);
        if let Some(seen) = watch.join().unwrap() {
            warned.push(seen - saved);
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while client.0.try_wait().unwrap().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(client);
        client = real_client::join(&display, port, &home);
        wait_player(&mut session);
        back.push(saved.elapsed());
        std::thread::sleep(Duration::from_secs(2));
        display.keys(&["key", "F10"]);
    }
    drop(client);
    session.stop(&mut |_| {});
    for (name, times) in [
        ("client: soft reload, save → chat line seen", &mut soft),
        ("client: hard reload, save → warning seen", &mut warned),
        (
            "client: hard reload, save → player back (client restarted)",
            &mut back,
        ),
    ] {
        if times.is_empty() {
            println!("{name}: never seen");
            continue;
        }
        let median = percentile(times, 0.5);
        let p95 = percentile(times, 0.95);
        println!(
            "{name}: {} saves, median {:.0} ms, p95 {:.0} ms",
            times.len(),
            median.as_secs_f64() * 1000.0,
            p95.as_secs_f64() * 1000.0
        );
    }
}
