//! Benchmark: 240 specs (node callbacks, chat commands, time steps) in one
//! run of `mtedu test`, release build; prints specs per second and the
//! ratio to mineunit's published rate (technic: 227 tests in 2.93 s).
//! Run with `cargo bench --bench spec_speed`.

use std::fmt::Write as _;
use std::time::Instant;

use mtedu::host::Host;
use mtedu::testing::{Status, TestOptions, run_tests};

const FILES: usize = 4;
const SPECS_PER_FILE: usize = 60;
const MINEUNIT_RATE: f64 = 227.0 / 2.93;

fn main() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("bench_mod");
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(dir.join("mod.conf"), "name = bench_mod\n").unwrap();
    std::fs::write(
        dir.join("init.lua"),
        r#"
bench_mod = {}
minetest.register_node("bench_mod:block", {
    description = "Block",
    on_construct = function(pos) minetest.get_meta(pos):set_int("built", 1) end,
})
minetest.register_chatcommand("ping", { func = function(name) return true, "pong " .. name end })
"#,
    )
    .unwrap();
    for file in 0..FILES {
        let mut spec = String::from("describe(\"bench\", function()\n");
        for i in 0..SPECS_PER_FILE {
            let _ = writeln!(
                spec,
                "  it(\"case {i}\", function()\n    local p = vector.new({i}, 0, 0)\n    minetest.set_node(p, {{name = \"bench_mod:block\"}})\n    assert.equals(1, minetest.get_meta(p):get_int(\"built\"))\n    sim.join(\"p{i}\")\n    assert.same({{\"pong p{i}\"}}, sim.chat(\"p{i}\", \"/ping\"))\n    sim.step(0.5)\n  end)"
            );
        }
        spec.push_str("end)\n");
        std::fs::write(dir.join("spec").join(format!("bench{file}_spec.lua")), spec).unwrap();
    }
    let started = Instant::now();
    let run = run_tests(&[dir], &TestOptions::default(), &Host::empty());
    let elapsed = started.elapsed();
    let passed = run.count(Status::Passed);
    assert_eq!(passed, FILES * SPECS_PER_FILE, "all bench specs pass");
    let rate = passed as f64 / elapsed.as_secs_f64();
    println!(
        "{passed} specs in {:.1} ms: {rate:.0} specs/s; {:.1}× mineunit's published rate ({MINEUNIT_RATE:.0} specs/s)",
        elapsed.as_secs_f64() * 1000.0,
        rate / MINEUNIT_RATE
    );
}
