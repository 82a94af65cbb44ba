//! `mtedu serve` against a mischievous pupil, on the real server: a save
//! whose check runs for its whole budget never delays Ctrl-C or SIGTERM,
//! links out of a pupil's folder are refused, and a pupil's mod cannot
//! reach serve's own files (its protocol, last good copies, the server's
//! config) nor forge what the companion answers.
//!
//! Fails without the server when `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use support::real_server::{free_udp_port, server_binary};
use support::serving::{Serving, serve_command, servers_with, session_options, write_mod};

/// A pupil's mod folder `<dir>/pupil` with `init` as its init.lua.
fn pupil_mod(dir: &Path, init: &str) -> PathBuf {
    write_mod(dir, "pupil", "", init)
}

/// `mtedu serve pupil` started in `dir` (its own HOME and world).
fn serve_pupil(dir: &Path) -> Serving {
    let world = dir.join("world");
    Serving::start(
        serve_command(dir, &[], free_udp_port(), &world).arg("pupil"),
        &world,
    )
}

#[test]
fn ctrl_c_and_sigterm_stop_serve_while_a_save_runs_for_its_whole_budget() {
    let Some(_) = server_binary() else { return };
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let temp = tempfile::tempdir().unwrap();
        let mod_dir = pupil_mod(temp.path(), "local x = 1\n");
        let mut serving = serve_pupil(temp.path());
        serving.wait_for("Watching", Duration::from_secs(90));
        // The embedded check of this save runs 10 s (its budget) before
        // it is rejected.
        std::fs::write(mod_dir.join("init.lua"), "while true do end\n").unwrap();
        std::thread::sleep(Duration::from_secs(2));
        let (took, clean) = serving.stop_with(signal);
        assert!(
            took < Duration::from_secs(5),
            "signal {signal}: serve took {took:?} to stop: {:#?}",
            serving.seen
        );
        assert!(clean, "signal {signal}: {:#?}", serving.seen);
        assert_eq!(
            serving.seen.last().map(String::as_str),
            Some("Server stopped, world saved."),
            "signal {signal}"
        );
        assert!(
            servers_with(&serving.world.display().to_string()).is_empty(),
            "signal {signal}"
        );
    }
}

/// A pupil's mod that tries every way at serve's files: the key from the
/// settings, then writing, appending, removing and renaming each file of
/// serve's (at load and at every step), forging a request (a shutdown with
/// a huge id, which would make the companion ignore every later request)
/// and answers (`ok` for everything, a callback error for the victim).
/// It logs `PRANK <what> <true when it worked>`.
const PRANKSTER: &str = r#"
local io_dir = minetest.settings:get("mtedu_io")
if not io_dir then
	return
end
-- A mod the engine loads before the companion (the order of the folders in
-- MINETEST_MOD_PATH changes from start to start: one start in eight on
-- 5.6.1, measured) can read the key: a known gap while the engine picks
-- that order. Once every mod has loaded, the key is gone for all.
minetest.after(0, function()
	minetest.log("action", "PRANK key " .. tostring(minetest.settings:get("mtedu_key") ~= nil))
end)
local state = io_dir:gsub("/companion/mtedu_companion/io$", "")
local world = minetest.get_worldpath()
local forged_request = '{"id":1e9,"action":"shutdown","message":"prank"}'
local forged_answers = ""
for id = 1, 200 do
	forged_answers = forged_answers .. '{"id":' .. id .. ',"ok":true}\n'
end
forged_answers = forged_answers .. '{"event":"callback_error","mod":"victim","callback":"x","message":"forged"}\n'
local targets = {
	io_dir .. "/request.json", io_dir .. "/out.jsonl",
	state .. "/server.conf", state .. "/server.log", state .. "/serve.lock",
	state .. "/last-good/victim/init.lua", state .. "/mods/victim",
	state .. "/companion/mtedu_companion/init.lua",
}
local told = {}
local function tell(what, worked)
	if not told[what] then
		told[what] = true
		minetest.log("action", "PRANK " .. what .. " " .. tostring(worked == true))
	end
end
local function attack(when)
	for _, path in ipairs(targets) do
		for _, mode in ipairs({"w", "a"}) do
			local ok, file = pcall(io.open, path, mode)
			if ok and file then
				file:write(path:find("request") and forged_request or forged_answers)
				file:close()
			end
			tell(when .. " " .. mode .. " " .. path, ok and file ~= nil)
		end
		local ok, done = pcall(os.rename, path, path .. ".moved")
		tell(when .. " rename " .. path, ok and done)
		ok, done = pcall(os.remove, path)
		tell(when .. " remove " .. path, ok and done)
	end
	-- Where serve kept its protocol before: a world folder any mod writes.
	minetest.mkdir(world .. "/mtedu/io")
	local file = io.open(world .. "/mtedu/io/request.json", "w")
	if file then
		file:write(forged_request)
		file:close()
	end
	file = io.open(world .. "/mtedu/io/events.jsonl", "a")
	if file then
		file:write(forged_answers)
		file:close()
	end
end
attack("load")
minetest.register_globalstep(function()
	attack("step")
end)
"#;

/// A pupil's mod with a counting chat command.
fn victim_mod(reply: &str) -> String {
    format!(
        r#"local count = 0
minetest.register_chatcommand("greet", {{
	func = function()
		count = count + 1
		return true, "{reply} " .. count
	end,
}})
"#
    )
}

#[test]
fn a_pupils_mod_can_neither_reach_serves_files_nor_forge_or_jam_its_protocol() {
    use mtedu::serve::{Event, Session};
    use std::collections::{BTreeMap, BTreeSet};
    let Some(binary) = server_binary() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let mut mods = BTreeMap::new();
    for (name, init) in [
        ("victim", victim_mod("v1")),
        ("prankster", PRANKSTER.to_owned()),
    ] {
        mods.insert(name.to_owned(), write_mod(temp.path(), name, "", &init));
    }
    let options = session_options(
        &binary,
        temp.path().join("world"),
        mods.clone(),
        Some(temp.path().join("home")),
    );
    let mut events = Vec::new();
    let mut session = Session::start(
        options,
        mtedu::host::Host::detect(),
        Box::new(|_| Vec::new()),
        &mut |e| events.push(e),
    )
    .expect("the session starts");
    let layout = session.layout().clone();
    let config = std::fs::read_to_string(&layout.config).unwrap();
    let greet = |session: &mut Session| {
        let answer = session
            .ask("command", serde_json::json!({"name": "greet"}))
            .expect("an answer");
        answer["reply"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(greet(&mut session), "v1 1");
    // The prankster jams at every step while the victim saves twice.
    for reply in ["v2", "v3"] {
        std::fs::write(mods["victim"].join("init.lua"), victim_mod(reply)).unwrap();
        let mut reloaded = Vec::new();
        session.reload(&BTreeSet::from(["victim".to_owned()]), &mut |e| {
            reloaded.push(e)
        });
        assert!(
            matches!(reloaded.last(), Some(Event::SoftReloaded { .. })),
            "{reloaded:?}"
        );
        assert_eq!(greet(&mut session), format!("{reply} 1"));
    }
    let mut later = Vec::new();
    session.poll(&mut |e| later.push(e));
    assert!(
        !later
            .iter()
            .any(|e| matches!(e, Event::CallbackError { .. } | Event::Crashed { .. })),
        "a forged event or a shutdown got through: {later:?}"
    );
    assert!(session.is_serving());
    let log = std::fs::read_to_string(&layout.log).unwrap();
    let pranks: Vec<&str> = log
        .lines()
        .filter_map(|line| line.split_once("PRANK ").map(|(_, prank)| prank))
        .collect();
    assert!(pranks.len() > 60, "the prankster did not run: {pranks:#?}");
    assert!(pranks.contains(&"key false"), "{pranks:#?}");
    let worked: Vec<&&str> = pranks.iter().filter(|p| p.ends_with(" true")).collect();
    assert!(worked.is_empty(), "{worked:#?}");
    assert_eq!(std::fs::read_to_string(&layout.config).unwrap(), config);
    assert_eq!(
        std::fs::read_to_string(layout.last_good.join("victim/init.lua")).unwrap(),
        victim_mod("v3"),
        "the last good copy is the last save that passed"
    );
    session.stop(&mut |_| {});
}

/// A mod that shows, through `/peek`, what it can read of the pupil's mod
/// folder as the server knows it.
const READER: &str = r#"
minetest.register_chatcommand("peek", {
	func = function()
		local path = minetest.get_modpath("pupil")
		local ok, file = pcall(io.open, path and path .. "/secret.txt" or "", "r")
		if not ok or not file then
			return true, "nothing"
		end
		local text = file:read("*a")
		file:close()
		return true, text
	end,
})
"#;

#[test]
fn a_link_out_of_a_pupils_folder_is_refused_never_copied_nor_followed() {
    use mtedu::serve::{Event, Session};
    use std::collections::{BTreeMap, BTreeSet};
    let Some(binary) = server_binary() else {
        return;
    };
    let class = tempfile::tempdir().unwrap();
    let teacher = tempfile::tempdir().unwrap();
    // The teacher's folder looks like a mod and holds a secret.
    std::fs::write(teacher.path().join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(teacher.path().join("init.lua"), victim_mod("teacher")).unwrap();
    std::fs::write(teacher.path().join("secret.txt"), "TOP SECRET").unwrap();
    let mut mods = BTreeMap::new();
    for (name, init) in [("pupil", victim_mod("v1")), ("reader", READER.to_owned())] {
        mods.insert(name.to_owned(), write_mod(class.path(), name, "", &init));
    }
    let options = session_options(
        &binary,
        class.path().join("world"),
        mods.clone(),
        Some(class.path().join("home")),
    );
    let mut session = Session::start(
        options,
        mtedu::host::Host::detect(),
        Box::new(|_| Vec::new()),
        &mut |_| {},
    )
    .expect("the session starts");
    let layout = session.layout().clone();
    let command = |session: &mut Session, name: &str| {
        let answer = session
            .ask("command", serde_json::json!({"name": name}))
            .expect("an answer");
        answer["reply"].as_str().unwrap_or_default().to_owned()
    };
    let save = |session: &mut Session| {
        let mut events = Vec::new();
        session.reload(&BTreeSet::from(["pupil".to_owned()]), &mut |e| {
            events.push(e)
        });
        events
    };
    assert_eq!(command(&mut session, "greet"), "v1 1");
    let pupil = mods["pupil"].clone();

    // The pupil's folder replaced by a link to the teacher's.
    std::fs::rename(&pupil, class.path().join("pupil.old")).unwrap();
    std::os::unix::fs::symlink(teacher.path(), &pupil).unwrap();
    let events = save(&mut session);
    match &events[..] {
        [
            Event::LinkRefused {
                mod_name, target, ..
            },
        ] => {
            assert_eq!(mod_name, "pupil");
            assert_eq!(target, teacher.path());
        }
        other => panic!("{other:?}"),
    }
    assert!(!layout.last_good.join("pupil/secret.txt").exists());
    assert_eq!(
        std::fs::read_link(layout.link("pupil")).unwrap(),
        layout.last_good.join("pupil"),
        "the server reads the last good copy, not through the link"
    );
    assert_eq!(command(&mut session, "peek"), "nothing");
    assert_eq!(command(&mut session, "greet"), "v1 2", "the old code runs");

    // A link inside the folder, to the teacher's files.
    std::fs::remove_file(&pupil).unwrap();
    std::fs::rename(class.path().join("pupil.old"), &pupil).unwrap();
    std::os::unix::fs::symlink(teacher.path(), pupil.join("textures")).unwrap();
    std::fs::write(pupil.join("init.lua"), victim_mod("v2")).unwrap();
    let events = save(&mut session);
    assert!(
        matches!(&events[..], [Event::LinkRefused { link, .. }] if *link == pupil.join("textures")),
        "{events:?}"
    );
    assert!(!layout.last_good.join("pupil/textures").exists());
    assert_eq!(command(&mut session, "greet"), "v1 3");

    // The link gone: the pupil's saves are live again.
    std::fs::remove_file(pupil.join("textures")).unwrap();
    std::fs::write(pupil.join("init.lua"), victim_mod("v3")).unwrap();
    let events = save(&mut session);
    assert!(
        matches!(events.last(), Some(Event::SoftReloaded { .. })),
        "{events:?}"
    );
    assert_eq!(command(&mut session, "greet"), "v3 1");
    assert_eq!(command(&mut session, "peek"), "nothing");
    session.stop(&mut |_| {});
}

/// The animator installed the pupil's mod (`mtedu install`) and serves it
/// too: the server starts on the watched copy (the installed one is left
/// out of the server's own home folder) and the installed copy is untouched.
#[test]
fn a_served_mod_that_is_also_installed_runs_from_the_watched_copy() {
    let Some(_) = server_binary() else { return };
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    pupil_mod(dir, "minetest.log('action', 'the watched copy ran')\n");
    let installed = dir.join(".minetest/mods/pupil");
    std::fs::create_dir_all(&installed).unwrap();
    std::fs::write(installed.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(
        installed.join("init.lua"),
        "error('the installed copy ran')\n",
    )
    .unwrap();
    let mut serving = serve_pupil(dir);
    serving.wait_for("Watching pupil", Duration::from_secs(90));
    let (_, clean) = serving.stop_with(libc::SIGINT);
    assert!(clean, "{:#?}", serving.seen);
    let log = std::fs::read_to_string(
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|entry| entry.path().join("server.log"))
            .find(|path| path.is_file())
            .expect("the server's log is in serve's state folder"),
    )
    .unwrap();
    assert!(log.contains("the watched copy ran"), "{log}");
    assert!(!log.contains("installed copy"), "{log}");
    assert!(
        installed.join("init.lua").is_file(),
        "the installed mod is kept"
    );
}
