//! `mtedu serve` seen by Debian's real graphical client (5.6.1) under
//! Xvfb, driven with xdotool, read with screenshots and tesseract: a
//! soft-reloaded chat reply reaches the player's chat, a syntax error's
//! chat line is readable, a look change warns in the chat and sends the
//! player away with the reconnect flag, and the player gets back in; an
//! error while playing is explained at the pupil's line. The
//! terminal speaks English, the pupil's game French: the chat is French.
//!
//! Fails (not skips) without the client or its tools when
//! `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use support::real_client::{Display, Killed, join, tools_installed};
use support::real_server::free_udp_port;
use support::serving::read_lines;

/// `mtedu serve` with its output lines in a channel.
fn serve(dir: &Path, port: u16) -> (Killed, Receiver<String>) {
    let mut child = support::mtedu_command(dir)
        .args([
            "serve",
            "pupil",
            "--bind",
            "127.0.0.1",
            "--teacher",
            "prof",
            "--port",
        ])
        .arg(port.to_string())
        .arg("--world")
        .arg(dir.join("world"))
        .env("HOME", dir.join("home"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, _) = read_lines(&mut child);
    (Killed(child), lines)
}

/// Waits for a line of `serve` containing `needle`.
fn wait_line(lines: &Receiver<String>, needle: &str, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("serve never said {needle:?}: {seen:#?}");
}

fn pupil_code(reply: &str, tile: &str) -> String {
    format!(
        r#"minetest.register_node("pupil:block", {{description = "Block", tiles = {{"{tile}"}}}})
minetest.register_chatcommand("greet", {{func = function() return true, "{reply}" end}})
"#
    )
}

#[test]
fn a_real_client_sees_soft_reloads_errors_and_the_rejoin_prompt() {
    if !tools_installed() {
        return;
    }
    let started = Instant::now();
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let mod_dir: PathBuf = dir.join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::create_dir_all(dir.join("home")).unwrap();
    std::fs::write(
        mod_dir.join("mod.conf"),
        "name = pupil\ndepends = default\n",
    )
    .unwrap();
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello one", "default_stone.png"),
    )
    .unwrap();
    let port = free_udp_port();
    let (_serve, lines) = serve(dir, port);
    wait_line(&lines, "Watching pupil", Duration::from_secs(60));
    let display = Display::start();
    let mut client = join(&display, port, &dir.join("home"));
    let log = mtedu::content::served::state_dir(&dir.join("world")).join("server.log");
    let joined = |times: usize| {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            if log.matches("eleve1 [127.0.0.1] joins game").count() >= times {
                return;
            }
            assert!(Instant::now() < deadline, "the client did not join: {log}");
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    joined(1);
    std::thread::sleep(Duration::from_secs(2));
    // The console (F10) shows the chat on a black background and takes
    // commands: it stays open.
    display.keys(&["key", "F10"]);
    display
        .wait_chat(dir, "joined the game", Duration::from_secs(20))
        .expect("the console shows the chat");

    // A new chat reply is live for the connected player.
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello two", "default_stone.png"),
    )
    .unwrap();
    wait_line(&lines, "players stay connected", Duration::from_secs(20));
    display
        .wait_chat(dir, "essaie ton changement", Duration::from_secs(15))
        .expect("the reload told in the player's language");
    display.keys(&["type", "--delay", "60", "/greet"]);
    display.keys(&["key", "Return"]);
    display
        .wait_chat(dir, "hello two", Duration::from_secs(15))
        .expect("the new reply in the client's chat");

    // An error while playing is explained in the chat, in the player's
    // language (the client's), at the pupil's line; the terminal speaks
    // English.
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello two", "default_stone.png").replace(
            "func = function() return true, \"hello two\" end",
            "func = function() local joueur = minetest.get_player_by_name(\"personne\") return true, joueur:get_pos() end",
        ),
    )
    .unwrap();
    wait_line(&lines, "players stay connected", Duration::from_secs(20));
    display.keys(&["type", "--delay", "60", "/greet"]);
    display.keys(&["key", "Return"]);
    let told = wait_line(&lines, "stopped with an error", Duration::from_secs(20));
    assert!(told.contains("init.lua:2"), "{told}");
    let chat = display
        .wait_chat(dir, "vide", Duration::from_secs(15))
        .expect("the explanation in the player's language");
    assert!(chat.contains("init.lua:2"), "{chat}");
    assert!(chat.contains("joueur"), "{chat}");

    // A syntax error is told in the chat, with its line.
    std::fs::write(
        mod_dir.join("init.lua"),
        format!(
            "{}\nlocal x = = 1\n",
            pupil_code("hello two", "default_stone.png")
        ),
    )
    .unwrap();
    wait_line(&lines, "mistakes", Duration::from_secs(20));
    let chat = display
        .wait_chat(dir, "init.lua:4", Duration::from_secs(15))
        .expect("the error's line in the chat");
    assert!(chat.contains("erreur"), "{chat}");

    // Another tile: the player is warned, then sent away with the
    // reconnect flag (a `--go` client exits on it) and joins again.
    std::fs::write(
        mod_dir.join("init.lua"),
        pupil_code("hello two", "default_dirt.png"),
    )
    .unwrap();
    let restarting = wait_line(&lines, "must reconnect", Duration::from_secs(20));
    assert!(restarting.contains("eleve1"), "{restarting}");
    // The warning is on screen for about a second: shots now, reading
    // after.
    let shots: Vec<PathBuf> = (0..8)
        .map(|index| {
            let shot = dir.join(format!("warning-{index}.png"));
            display.screenshot(&shot);
            std::thread::sleep(Duration::from_millis(100));
            shot
        })
        .collect();
    let mut read = Vec::new();
    let warned = shots.iter().any(|shot| {
        read.push(display.chat_text(shot));
        read.last().unwrap().contains("reconnecter")
    });
    assert!(warned, "{read:#?}");
    wait_line(&lines, "restarted", Duration::from_secs(20));
    let deadline = Instant::now() + Duration::from_secs(15);
    while client.0.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the client was not sent away");
        std::thread::sleep(Duration::from_millis(100));
    }
    client = join(&display, port, &dir.join("home"));
    joined(2);
    drop(client);
    eprintln!("real client test took {:?}", started.elapsed());
}
