//! Hostile and broken input against the binary (`check`, `lint`, `info`,
//! `test`): each case is a small mod a mischievous pupil or a broken file
//! would give. A run that does not end is killed at the test's own
//! deadline and reported as a failure, so no case can hang CI.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// Far above what each case needs (a few seconds), far below a hang.
const DEADLINE: Duration = Duration::from_secs(90);

/// Runs mtedu in `dir`; panics (the test fails) when it is still running
/// at [`DEADLINE`], after killing it.
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    let support::Capturing {
        mut child,
        stdout: out,
        stderr: err,
    } = support::spawn_capturing(support::mtedu_command(dir).args(args));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mtedu {args:?} still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// A mod `m` with `init` as its init.lua, in a fresh folder.
fn pupil_mod(init: &str) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("m");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.conf"), "name = m\n").unwrap();
    std::fs::write(dir.join("init.lua"), init).unwrap();
    (temp, dir)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The process ended by itself, not by a signal or a panic.
fn ended_cleanly(output: &Output) -> bool {
    matches!(output.status.code(), Some(0..=2))
}

#[test]
fn a_luacheckrc_whose_environment_loops_does_not_hang_check_or_lint() {
    let (temp, dir) = pupil_mod("core.log('x')\n");
    std::fs::write(
        dir.join(".luacheckrc"),
        "setmetatable(_G, { __index = function() while true do end end })\n",
    )
    .unwrap();
    for command in ["lint", "check"] {
        let output = run_bounded(temp.path(), &[command, "m"]);
        assert!(ended_cleanly(&output), "{command}: {}", text(&output));
    }
}

#[test]
fn a_definition_with_a_looping_index_does_not_hang_info_or_check() {
    let (temp, _) = pupil_mod(
        "core.register_node('m:a', { description = 'A' })\n\
         local def = core.registered_nodes['m:a']\n\
         def.mod_origin = nil\n\
         setmetatable(def, { __index = function() while true do end end })\n",
    );
    for command in ["info", "check"] {
        let output = run_bounded(temp.path(), &[command, "m"]);
        assert!(ended_cleanly(&output), "{command}: {}", text(&output));
    }
}

#[test]
fn a_metamethod_stuck_in_c_while_mtedus_own_lua_reads_the_registrations_is_stopped() {
    // Between two budgets only the instruction count bounds Lua, and code
    // stuck in a pattern runs no instruction: mtedu's own Lua reading the
    // registrations (play time's plan here) runs under a budget of its
    // own, which the watchdog ends.
    let (temp, _) = pupil_mod(
        "core.register_node('m:a', { description = 'A', groups = { cracky = 1 } })\n\
         core.register_on_mods_loaded(function()\n\
         \tsetmetatable(core.registered_nodes['m:a'].groups, { __index = function()\n\
         \t\tif debug.getinfo(2, 'S').source:find('play.lua', 1, true) then\n\
         \t\t\treturn string.rep('a', 3000):find('.-.-.-.-.-.-.-.-b')\n\
         \t\tend\n\
         \tend })\n\
         end)\n",
    );
    let output = run_bounded(temp.path(), &["check", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("MT3005"), "{}", text(&output));
}

#[test]
fn a_spec_replacing_what_the_runner_calls_changes_nothing_and_hangs_nothing() {
    let (temp, dir) = pupil_mod("");
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(
        dir.join("spec/loop_spec.lua"),
        "it('runs', function() end)\n\
         ipairs = function() while true do end end\n\
         table.insert = function() while true do end end\n",
    )
    .unwrap();
    // The runner's own Lua keeps the functions from before the mods ran:
    // the replacements change nothing for it, and nothing hangs.
    let output = run_bounded(temp.path(), &["test", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("1 passed"), "{}", text(&output));
}

#[test]
fn jit_attach_is_not_reachable() {
    // LuaJIT runs the callback with no hook each time it compiles a
    // chunk, as when the runner compiles a spec file outside any budget.
    let (temp, dir) = pupil_mod("jit.attach(function() while true do end end, 'bc')\n");
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(dir.join("spec/a_spec.lua"), "it('runs', function() end)\n").unwrap();
    for command in ["test", "check"] {
        let output = run_bounded(temp.path(), &[command, "m"]);
        assert!(ended_cleanly(&output), "{command}: {}", text(&output));
        assert_eq!(
            output.status.code(),
            Some(1),
            "{command}: {}",
            text(&output)
        );
        assert!(
            text(&output).contains("attach"),
            "{command}: {}",
            text(&output)
        );
    }
}

#[test]
fn rust_helpers_do_not_amplify_past_the_memory_cap() {
    // A 1 MB string a thousand times over: 1 GB of JSON from 1 MB of Lua.
    let (temp, _) = pupil_mod(
        "local big = { string.rep('x', 1024 * 1024) }\n\
         local many = {}\n\
         for i = 1, 1000 do many[i] = big end\n\
         local text = core.write_json(many)\n",
    );
    let output = run_bounded(temp.path(), &["check", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("MT3006"), "{}", text(&output));
}

#[cfg(unix)]
#[test]
fn an_init_lua_that_is_a_fifo_or_a_device_is_refused() {
    let (temp, dir) = pupil_mod("");
    std::fs::remove_file(dir.join("init.lua")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("init.lua"))
        .status()
        .unwrap();
    assert!(made.success());
    let output = run_bounded(temp.path(), &["check", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("init.lua"), "{}", text(&output));

    std::fs::remove_file(dir.join("init.lua")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("init.lua")).unwrap();
    let output = run_bounded(temp.path(), &["check", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("init.lua"), "{}", text(&output));
}

#[test]
fn a_chunk_name_cannot_show_a_line_of_another_file() {
    let temp = tempfile::tempdir().unwrap();
    let canary = temp.path().join("secret.txt");
    std::fs::write(&canary, "one\ntwo\nTOP SECRET\n").unwrap();
    let dir = temp.path().join("class/m");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.conf"), "name = m\n").unwrap();
    std::fs::write(
        dir.join("init.lua"),
        format!(
            "loadstring('\\n\\nerror(\"boom\")', '@{}')()\n",
            canary.display()
        ),
    )
    .unwrap();
    let output = run_bounded(&temp.path().join("class"), &["check", "m"]);
    assert!(ended_cleanly(&output), "{}", text(&output));
    assert!(text(&output).contains("boom"), "{}", text(&output));
    assert!(!text(&output).contains("TOP SECRET"), "{}", text(&output));
}

#[test]
fn eight_thousand_failing_tests_all_fail() {
    let (temp, dir) = pupil_mod("");
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    let mut spec = String::from("describe('many', function()\n");
    for i in 0..8000 {
        spec.push_str(&format!(
            "  it('t{i}', function() assert.equals(1, 2) end)\n"
        ));
    }
    spec.push_str("end)\n");
    std::fs::write(dir.join("spec/many_spec.lua"), spec).unwrap();
    let output = run_bounded(temp.path(), &["test", "m"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).contains("0 passed, 8000 failed"),
        "{}",
        text(&output)
    );
}

#[test]
fn ten_thousand_findings_on_one_line_stay_short() {
    let names: Vec<String> = (0..10_000).map(|i| format!("missing{i}")).collect();
    let (temp, dir) = pupil_mod("");
    std::fs::write(
        dir.join("mod.conf"),
        format!("name = m\ndepends = {}\n", names.join(", ")),
    )
    .unwrap();
    let output = run_bounded(temp.path(), &["validate", "m"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        output.stdout.len() < 200_000,
        "{} bytes",
        output.stdout.len()
    );
    assert!(text(&output).contains("9950"), "the rest is counted");
}

#[test]
fn deep_nesting_and_a_backtick_are_syntax_findings_not_crashes() {
    let deep = format!("local x = {}1{}\n", "(".repeat(2000), ")".repeat(2000));
    for source in [deep.as_str(), "local a = 1\nlocal b = `x`\n"] {
        let (temp, _) = pupil_mod(source);
        let output = run_bounded(temp.path(), &["lint", "m"]);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        assert!(text(&output).contains("MT2001"), "{}", text(&output));
        assert!(!text(&output).contains("panicked"), "{}", text(&output));
    }
}

#[test]
fn a_mod_replacing_what_assertions_call_cannot_turn_failures_green() {
    let (temp, dir) =
        pupil_mod("core.register_on_mods_loaded(function() error = function() end end)\n");
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(
        dir.join("spec/a_spec.lua"),
        "it('fails', function() assert.equals(1, 2) end)\n",
    )
    .unwrap();
    let output = run_bounded(temp.path(), &["test", "m"]);
    assert!(
        text(&output).contains("0 passed, 1 failed"),
        "{}",
        text(&output)
    );
}

#[test]
fn a_pupil_cannot_fake_a_lesson_objective() {
    if !support::minetest_game_installed(&mtedu::host::Host::detect()) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let started = run_bounded(temp.path(), &["lessons", "start", "1"]);
    assert_eq!(started.status.code(), Some(0), "{}", text(&started));
    let copy = temp.path().join("first_block");
    // The block, with the wrong picture, and every failure silenced.
    std::fs::write(
        copy.join("init.lua"),
        "minetest.register_node('first_block:block', { description = 'Block', tiles = { 'wrong.png' } })\n\
         minetest.register_on_mods_loaded(function()\n\
         \terror = function() end\n\
         \ttype = function() return 'string' end\n\
         end)\n",
    )
    .unwrap();
    let output = run_bounded(&copy, &["check"]);
    assert!(
        text(&output).contains("Objectives: 1/4"),
        "{}",
        text(&output)
    );
    assert!(
        text(&output).contains("✗ Give it the picture first_block_block.png"),
        "{}",
        text(&output)
    );
}
