//! A pupil's error in the live server told by the one explainer: the
//! event at the pupil's line (a long folder, whose name Lua shortens),
//! the game chat's line in each language, the terminal's long form in
//! French with the fix (Lua's own words only with `-v`).
//!
//! Fails without the server when `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mtedu::host::Host;
use mtedu::i18n::Lang;
use mtedu::serve::{Event, Session};
use serde_json::json;
use support::real_server::{free_udp_port, server_binary};
use support::serving::{Serving, serve_command, session_options, write_mod};

/// A pupil's chat command that reads a player who is not there (line 3).
const SALUT: &str = r#"minetest.register_chatcommand("salut", {func = function(name)
	local joueur = minetest.get_player_by_name("personne")
	local pos = joueur:get_pos()
	return true, "Tu es en " .. minetest.pos_to_string(pos)
end})
"#;

/// A pupil's globalstep that adds text with `+` (line 4).
const COMPTEUR: &str = r#"local temps = 0
minetest.register_globalstep(function(dtime)
	temps = temps + dtime
	local texte = "temps : " + temps
	minetest.log(texte)
end)
"#;

fn pupil(dir: &Path, code: &str) -> PathBuf {
    // No dependency, as most pupils' mods: the companion guards it
    // whichever of the two the server loads first.
    write_mod(dir, "pupil", "", code)
}

#[test]
fn a_live_error_is_explained_at_the_pupils_line_in_each_language() {
    let Some(binary) = server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    // A class folder with a long name: Lua shortens the server's file
    // names to `...tail`, the place must still be the pupil's file.
    let class = temp
        .path()
        .join("classe-de-cm2-du-mercredi-matin-salle-informatique");
    let mod_dir = pupil(&class, SALUT);
    let options = session_options(
        &binary,
        class.join("monde"),
        BTreeMap::from([("pupil".to_owned(), mod_dir.clone())]),
        Some(temp.path().join("home")),
    );
    // The chat lines serve sends, as `mtedu serve --lang fr` makes them.
    let said: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let chat = mtedu::cli::serve_chat_lines(Lang::Fr);
    let recorder = said.clone();
    let chat: mtedu::serve::ChatText = Box::new(move |event| {
        let lines = chat(event);
        recorder.lock().unwrap().extend(lines.iter().cloned());
        lines
    });
    let mut session =
        Session::start(options, Host::detect(), chat, &mut |_| {}).expect("the session starts");
    let answer = session
        .ask("command", json!({"name": "salut", "param": ""}))
        .expect("an answer");
    assert_eq!(answer["ok"], true, "{answer}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut events = Vec::new();
    while Instant::now() < deadline && events.is_empty() {
        session.poll(&mut |e| events.push(e));
        std::thread::sleep(Duration::from_millis(50));
    }
    session.stop(&mut |_| {});
    let [Event::CallbackError { explained, .. }] = &events[..] else {
        panic!("{events:?}");
    };
    let (file, line) = explained.place.clone().expect("a place");
    assert_eq!(
        (file.canonicalize().unwrap(), line),
        (mod_dir.join("init.lua").canonicalize().unwrap(), 3),
        "{explained:?}"
    );
    assert_eq!(explained.shape(), "index-nil", "{explained:?}");
    assert!(
        explained.detail.contains("attempt to index local 'joueur'"),
        "{explained:?}"
    );
    let said = said.lock().unwrap().clone();
    let of = |lang: &str| {
        said.iter()
            .find(|(code, _)| code == lang)
            .map(|(_, text)| text.clone())
            .unwrap_or_else(|| panic!("no {lang} line: {said:?}"))
    };
    assert_eq!(said[0].0, "fr", "serve's --lang first: {said:?}");
    let french = of("fr");
    assert!(
        french.starts_with("[mtedu] pupil : init.lua:3: "),
        "{french}"
    );
    assert!(french.contains("« joueur » est vide"), "{french}");
    assert!(french.contains("if not joueur then return end"), "{french}");
    assert!(!french.contains("attempt to"), "{french}");
    let english = of("en");
    assert!(
        english.starts_with("[mtedu] pupil: init.lua:3: "),
        "{english}"
    );
    assert!(english.contains("is empty (nil)"), "{english}");
    assert!(!english.contains("attempt to"), "{english}");
    assert!(!english.contains(" vide"), "{english}");
}

#[test]
fn the_terminal_tells_it_in_french_with_the_fix() {
    let Some(_) = server_binary() else { return };
    for verbose in [false, true] {
        let temp = tempfile::tempdir().unwrap();
        pupil(temp.path(), COMPTEUR);
        let seen = serve_lines(temp.path(), verbose, "s’est arrêté");
        let at = seen
            .iter()
            .position(|line| line.contains("s’est arrêté"))
            .unwrap_or_else(|| panic!("the error was never told: {seen:#?}"));
        let line = &seen[at];
        assert!(
            line.contains(
                "pupil : register_globalstep s’est arrêté sur une erreur dans pupil/init.lua:4 : "
            ),
            "{line}"
        );
        assert!(line.contains("est du texte"), "{line}");
        assert!(line.contains("Pour réparer : "), "{line}");
        assert!(line.contains(".."), "the fix names `..`: {line}");
        assert!(!line.contains("attempt to"), "{line}");
        let raw = seen.iter().find(|line| line.contains("Lua dit : "));
        if verbose {
            let raw = raw.unwrap_or_else(|| panic!("-v shows Lua's words: {seen:#?}"));
            assert!(
                raw.contains("pupil/init.lua:4: attempt to perform arithmetic"),
                "{raw}"
            );
        } else {
            assert!(raw.is_none(), "Lua's words only with -v: {seen:#?}");
        }
    }
}

/// Runs `mtedu --lang fr serve pupil` in `dir` until a line with `needle`
/// and 2 s more (or 120 s in all), then Ctrl-C; the lines printed.
fn serve_lines(dir: &Path, verbose: bool, needle: &str) -> Vec<String> {
    let before: &[&str] = if verbose {
        &["--lang", "fr", "--color", "never", "-v"]
    } else {
        &["--lang", "fr", "--color", "never"]
    };
    let world = dir.join("monde");
    let mut serving = Serving::start(
        serve_command(dir, before, free_udp_port(), &world).arg("pupil"),
        &world,
    );
    serving.read_past(needle, Duration::from_secs(2), Duration::from_secs(120));
    serving.interrupt();
    std::mem::take(&mut serving.seen)
}

/// Three pupils' globalsteps, each failing in its own way at line 2.
const TROIS: [(&str, &str, &str); 3] = [
    (
        "bloc",
        "minetest.register_globalstep(function()\n\tminetest.set_node({name = \"default:stone\"}, {x = 0, y = 0, z = 0})\nend)\n",
        "node-name",
    ),
    (
        "temps",
        "minetest.register_globalstep(function(dtime)\n\tminetest.log(\"action\", \"temps : \" + dtime)\nend)\n",
        "arith-string",
    ),
    (
        "absent",
        "minetest.register_globalstep(function()\n\tminetest.log(\"action\", minetest.get_player_by_name(\"personne\"):get_player_name())\nend)\n",
        "index-nil",
    ),
];

#[test]
fn serve_and_check_explain_the_same_mistakes_alike() {
    let Some(binary) = server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let mut mods = BTreeMap::new();
    for (name, code, _) in TROIS {
        let dir = write_mod(temp.path(), name, "depends = default\n", code);
        mods.insert(name.to_owned(), dir);
    }
    let options = session_options(
        &binary,
        temp.path().join("monde"),
        mods.clone(),
        Some(temp.path().join("home")),
    );
    let mut session = Session::start(
        options,
        Host::detect(),
        Box::new(|_| Vec::new()),
        &mut |_| {},
    )
    .expect("the session starts");
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut served = std::collections::BTreeSet::new();
    let session_log = |world: &Path| {
        std::fs::read_to_string(mtedu::content::served::state_dir(world).join("server.log"))
            .unwrap_or_default()
    };
    while Instant::now() < deadline && served.len() < 3 {
        session.poll(&mut |event| {
            if let Event::CallbackError {
                mod_name,
                explained,
                ..
            } = event
            {
                let line = explained.place.as_ref().map_or(0, |(_, line)| *line);
                served.insert((mod_name, line, explained.shape().to_owned()));
            }
        });
        std::thread::sleep(Duration::from_millis(50));
    }
    session.stop(&mut |_| {});
    // Each mod checked alone, as a teacher checks a pupil's.
    let mut checked = std::collections::BTreeSet::new();
    for (name, dir) in &mods {
        let report = mtedu::check::check(
            std::slice::from_ref(dir),
            &mtedu::lint::LintOptions {
                play: true,
                ..Default::default()
            },
            &Host::detect(),
        );
        for d in report.diagnostics.iter().filter(|d| d.code.id == "MT3501") {
            let shape = d
                .args
                .iter()
                .find_map(|(key, value)| match value {
                    mtedu::diag::ArgValue::Text(text) if *key == "shape" => Some(text.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            checked.insert((name.clone(), d.span.map_or(0, |span| span.line), shape));
        }
    }
    let wanted: std::collections::BTreeSet<(String, usize, String)> = TROIS
        .iter()
        .map(|(name, _, shape)| (name.to_string(), 2, shape.to_string()))
        .collect();
    let log = session_log(&temp.path().join("monde"));
    assert_eq!(served, wanted, "serve: {log}");
    assert_eq!(checked, wanted, "check");
}
