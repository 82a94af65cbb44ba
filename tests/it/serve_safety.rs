//! `mtedu serve`'s safety net against what a pupil's mod does to the class
//! server, on the real server through the binary: the environment the
//! server gets.
//!
//! Fails without the server when `MTEDU_REQUIRE_ENGINE=1`.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::real_server::{free_udp_port, server_binary};
use support::serving::{Serving, serve_command};

/// `mtedu serve --format json` on one pupil's mod, its events read as
/// they come.
struct ServeChild {
    serving: Serving,
    world: PathBuf,
}

impl ServeChild {
    /// Serves the mod `name` (its files given) from `temp`, with `env` added
    /// to serve's environment.
    fn start(temp: &Path, name: &str, files: &[(&str, &str)], env: &[(&str, &str)]) -> ServeChild {
        let dir = temp.join(name);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let world = temp.join("world");
        let mut command = serve_command(temp, &["--format", "json"], free_udp_port(), &world);
        command.arg(name).envs(env.iter().copied());
        let mut serve = ServeChild {
            serving: Serving::start(&mut command, &world),
            world,
        };
        serve.wait_for("started", Duration::from_secs(60));
        serve
    }

    /// The first event named `name` from now on (panics after `timeout`).
    fn wait_for(&mut self, name: &str, timeout: Duration) -> Value {
        self.serving.wait_event(name, timeout).unwrap_or_else(|| {
            panic!(
                "no {name} event within {timeout:?}: {:#?}\nserver log:\n{}",
                self.seen(),
                self.server_log()
            )
        })
    }

    /// The events read so far.
    fn seen(&self) -> Vec<Value> {
        self.serving.events()
    }

    /// The server's log so far.
    fn server_log(&self) -> String {
        self.serving.server_log()
    }

    /// Ctrl-C, then waits for serve to end.
    fn stop(mut self) {
        let status = self.serving.interrupt();
        assert!(status.success(), "{status:?}");
    }
}

#[test]
fn a_pupils_mod_cannot_read_the_animators_environment() {
    let Some(_) = server_binary() else { return };
    let temp = tempfile::tempdir().unwrap();
    let init = r#"
local seen = {}
for _, name in ipairs({"MTEDU_CANARY_SECRET", "HOME", "PATH", "LANG"}) do
	seen[#seen + 1] = name .. "=" .. tostring(os.getenv(name) ~= nil)
end
minetest.log("action", "environment: " .. table.concat(seen, " "))
"#;
    let serve = ServeChild::start(
        temp.path(),
        "pupil",
        &[("mod.conf", "name = pupil\n"), ("init.lua", init)],
        &[("MTEDU_CANARY_SECRET", "hunter2"), ("LANG", "C.UTF-8")],
    );
    let log = serve.server_log();
    serve.stop();
    let line = log
        .lines()
        .find(|line| line.contains("environment: "))
        .unwrap_or_else(|| panic!("the mod did not run: {log}"));
    assert!(
        line.ends_with("environment: MTEDU_CANARY_SECRET=false HOME=true PATH=true LANG=true"),
        "{line}"
    );
}

/// A pupil's globalstep loops for ever once `<world>/freeze-now` exists.
const FREEZING_MOD: &str = r#"minetest.log("action", "pupil loaded")
local trigger = minetest.get_worldpath() .. "/freeze-now"
minetest.register_globalstep(function()
	local file = io.open(trigger, "r")
	if file then
		file:close()
		while true do end
	end
end)
"#;

#[test]
fn a_frozen_server_is_killed_and_restarted_without_the_mod_that_froze_it() {
    let Some(_) = server_binary() else { return };
    let temp = tempfile::tempdir().unwrap();
    let mut serve = ServeChild::start(
        temp.path(),
        "pupil",
        &[("mod.conf", "name = pupil\n"), ("init.lua", FREEZING_MOD)],
        &[],
    );
    let frozen_at = Instant::now();
    std::fs::write(serve.world.join("freeze-now"), "").unwrap();
    let frozen = serve.wait_for("frozen", Duration::from_secs(30));
    let detected = frozen_at.elapsed();
    assert_eq!(frozen["mod"], "pupil", "{frozen}");
    assert_eq!(frozen["callback"], "register_globalstep", "{frozen}");
    let place = frozen["place"].as_str().unwrap();
    assert!(
        place.ends_with("pupil/init.lua:3") && !place.contains(".mtedu/"),
        "the pupil's own file and line: {place}"
    );
    assert_eq!(frozen["switched_off"], true, "{frozen}");
    let back = serve.wait_for("back", Duration::from_secs(60));
    let recovered = frozen_at.elapsed() - detected;
    eprintln!(
        "frozen: told {} ms after the loop began (no answer for {} ms), back {} ms later (restart {} ms)",
        detected.as_millis(),
        frozen["ms"],
        recovered.as_millis(),
        back["ms"]
    );
    // The machine is shared: generous, the real figures are printed above.
    assert!(detected < Duration::from_secs(8), "{detected:?}");
    // The trigger is still there: the server runs without the pupil's code.
    std::thread::sleep(Duration::from_secs(3));
    let later: Vec<Value> = serve
        .serving
        .lines
        .try_iter()
        .map(|line| serde_json::from_str(&line).unwrap_or(Value::String(line)))
        .collect();
    assert!(
        !serve.seen().iter().any(|e| e["event"] == "crashed")
            && later.iter().all(|e| e["event"] != "frozen"),
        "{:#?}",
        serve.seen()
    );
    assert_eq!(serve.server_log().matches("pupil loaded").count(), 1);
    // Saved again (fixed): the pupil's mod is back.
    std::fs::remove_file(serve.world.join("freeze-now")).unwrap();
    let fixed = FREEZING_MOD.replace("while true do end", "minetest.log(\"action\", \"no loop\")");
    std::fs::write(temp.path().join("pupil/init.lua"), fixed).unwrap();
    serve.wait_for("hard_reload", Duration::from_secs(60));
    assert_eq!(serve.server_log().matches("pupil loaded").count(), 2);
    serve.stop();
}

/// One mod's error (caught by the safety net, logged as an error), then
/// another mod stops the server once `<world>/quit-now` exists.
const BREAKER: &str = r#"minetest.register_globalstep(function()
	error("breaker fails")
end)
"#;
const QUITTER: &str = r#"local trigger = minetest.get_worldpath() .. "/quit-now"
minetest.register_globalstep(function()
	if os.remove(trigger) then
		minetest.request_shutdown("bye from quitter")
	end
end)
"#;

#[test]
fn a_shutdown_asked_by_a_mod_is_blamed_on_that_mod_not_on_anothers_error() {
    let Some(_) = server_binary() else { return };
    let temp = tempfile::tempdir().unwrap();
    let mut serve = ServeChild::start(
        temp.path(),
        "class",
        &[
            ("breaker/mod.conf", "name = breaker\n"),
            ("breaker/init.lua", BREAKER),
            ("quitter/mod.conf", "name = quitter\n"),
            ("quitter/init.lua", QUITTER),
        ],
        &[],
    );
    serve.wait_for("callback_error", Duration::from_secs(30));
    std::fs::write(serve.world.join("quit-now"), "").unwrap();
    let told = serve.wait_for("shutdown_requested", Duration::from_secs(30));
    assert_eq!(told["mod"], "quitter", "{told}");
    assert_eq!(told["message"], "bye from quitter", "{told}");
    let place = told["place"].as_str().unwrap();
    assert!(place.ends_with("quitter/init.lua:4"), "{place}");
    serve.wait_for("back", Duration::from_secs(60));
    let seen = serve.seen();
    let crashed: Vec<&Value> = seen.iter().filter(|e| e["event"] == "crashed").collect();
    assert!(crashed.is_empty(), "blamed on the log: {crashed:?}");
    serve.stop();
}

/// Once `<world>/grant-now` exists, the pupil's mod gives bob `server`
/// and takes `shout` away, then logs what bob has a moment later.
const GRANTER: &str = r#"local trigger = minetest.get_worldpath() .. "/grant-now"
minetest.register_globalstep(function()
	if os.remove(trigger) then
		minetest.get_auth_handler().create_auth("bob", "")
		minetest.set_player_privs("bob", {interact = true, fly = true, fast = true, home = true, server = true})
		minetest.after(0.5, function()
			minetest.log("action", "bob has: " .. minetest.privs_to_string(minetest.get_player_privs("bob")))
		end)
	end
end)
"#;

#[test]
fn a_mods_privilege_change_is_told_and_the_classroom_takes_server_back() {
    let Some(_) = server_binary() else { return };
    let temp = tempfile::tempdir().unwrap();
    let mut serve = ServeChild::start(
        temp.path(),
        "pupil",
        &[("mod.conf", "name = pupil\n"), ("init.lua", GRANTER)],
        &[],
    );
    std::fs::write(serve.world.join("grant-now"), "").unwrap();
    let told = serve.wait_for("privileges", Duration::from_secs(30));
    assert_eq!(told["player"], "bob", "{told}");
    assert_eq!(told["mod"], "pupil", "{told}");
    assert_eq!(told["granted"], serde_json::json!(["server"]), "{told}");
    assert_eq!(told["revoked"], serde_json::json!(["shout"]), "{told}");
    assert_eq!(told["reverted"], serde_json::json!(["server"]), "{told}");
    let place = told["place"].as_str().unwrap();
    assert!(place.ends_with("pupil/init.lua:5"), "{place}");
    serve.wait_for("privileges_reverted", Duration::from_secs(5));
    let deadline = Instant::now() + Duration::from_secs(10);
    let line = loop {
        let log = serve.server_log();
        if let Some(line) = log.lines().find(|l| l.contains("bob has: ")) {
            break line.to_owned();
        }
        assert!(Instant::now() < deadline, "{log}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        line.contains("interact") && !line.contains("server"),
        "{line}"
    );
    serve.stop();
}
