//! Benchmark: what `mtedu serve`'s frozen-server watchdog costs and how
//! fast it acts, on each real server this machine has.
//! * Per callback: a wrapped callback (the safety net's `xpcall` and the
//!   running record of `companion/running.lua`) against the bare function,
//!   called 100 000 times in the live server, and the record alone (two
//!   seeks and two unbuffered writes of its 512 bytes).
//! * Per freeze: a pupil's globalstep starts `while true do end`; the time
//!   until serve says so (goal: 2.5 s at most) and until the server is
//!   back without that mod, over several freezes.
//!
//! Run with `cargo bench --bench serve_freeze`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mtedu::host::Host;
use mtedu::serve::{Event, Preset, Safety, ServeOptions, Session};
use serde_json::json;

const FREEZES: usize = 3;

const PUPIL: &str = r#"
local function cheap(pos) return pos end
minetest.register_on_punchnode(cheap)
local list = minetest.registered_on_punchnodes
local wrapped = list[#list]
minetest.register_chatcommand("bench", {func = function()
	local n = 100000
	local t0 = minetest.get_us_time()
	for i = 1, n do cheap(i) end
	local t1 = minetest.get_us_time()
	for i = 1, n do wrapped(i) end
	local t2 = minetest.get_us_time()
	local file = io.open(minetest.get_worldpath() .. "/bench-record", "w")
	file:setvbuf("no")
	local record = string.rep(" ", 511) .. "\n"
	local t3 = minetest.get_us_time()
	for _ = 1, n do
		file:seek("set", 0) file:write(record) file:seek("set", 0) file:write(record)
	end
	local t4 = minetest.get_us_time()
	file:close()
	return true, string.format("%f %f %f", (t1 - t0) / n, (t2 - t1) / n, (t4 - t3) / n)
end})
local trigger = minetest.get_worldpath() .. "/freeze-now"
minetest.register_globalstep(function()
	local file = io.open(trigger, "r")
	if file then
		file:close()
		while true do end
	end
end)
"#;

fn servers() -> Vec<(&'static str, PathBuf)> {
    let engines = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/engines");
    [
        ("Minetest 5.6.1", PathBuf::from("/usr/games/minetestserver")),
        ("Luanti 5.10", engines.join("5.10/luantiserver")),
        ("Luanti 5.15", engines.join("5.15/luantiserver")),
    ]
    .into_iter()
    .filter(|(_, program)| program.exists())
    .collect()
}

fn main() {
    for (name, program) in servers() {
        println!("{name}:");
        measure(&program);
    }
}

fn measure(program: &Path) {
    let temp = tempfile::tempdir().unwrap();
    let mod_dir = temp.path().join("pupil");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), PUPIL).unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let world = temp.path().join("world");
    let options = ServeOptions {
        binary: program.to_path_buf(),
        world: world.clone(),
        game: "minetest_game".into(),
        preset: Preset::Classroom,
        port,
        bind: "127.0.0.1".into(),
        mods: BTreeMap::from([("pupil".to_owned(), mod_dir.clone())]),
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
    let answer = session.ask("command", json!({"name": "bench"})).unwrap();
    let numbers: Vec<f64> = answer["reply"]
        .as_str()
        .unwrap_or_default()
        .split(' ')
        .filter_map(|n| n.parse().ok())
        .collect();
    if let [bare, wrapped, record] = numbers[..] {
        println!(
            "  per callback: bare {bare:.3} µs, wrapped {wrapped:.3} µs (+{:.3} µs, {:.1}×); the running record alone {record:.3} µs",
            wrapped - bare,
            wrapped / bare.max(0.001)
        );
    }
    let (mut detect, mut recover) = (Vec::new(), Vec::new());
    for _ in 0..FREEZES {
        let started = Instant::now();
        std::fs::write(world.join("freeze-now"), "").unwrap();
        let (mut frozen, mut back) = (None, None);
        while back.is_none() && started.elapsed() < Duration::from_secs(60) {
            session.poll(&mut |event| match event {
                Event::Safety(Safety::Frozen { .. }) => frozen = Some(started.elapsed()),
                Event::Back { .. } => back = Some(started.elapsed()),
                _ => {}
            });
            std::thread::sleep(Duration::from_millis(20));
        }
        let (Some(frozen), Some(back)) = (frozen, back) else {
            println!("  a freeze was not handled within 60 s");
            return;
        };
        detect.push(frozen);
        recover.push(back - frozen);
        // The pupil saves: the mod is back.
        std::fs::remove_file(world.join("freeze-now")).unwrap();
        session.reload(&BTreeSet::from(["pupil".to_owned()]), &mut |_| {});
    }
    session.stop(&mut |_| {});
    detect.sort();
    recover.sort();
    let ms = |d: &Duration| d.as_millis();
    println!(
        "  {FREEZES} freezes (ping every 500 ms): told after {} ms (median; worst {} ms, goal 2500 ms), back {} ms later (median; worst {} ms)",
        ms(&detect[FREEZES / 2]),
        ms(&detect[FREEZES - 1]),
        ms(&recover[FREEZES / 2]),
        ms(&recover[FREEZES - 1]),
    );
}
