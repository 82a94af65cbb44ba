//! Benchmark: `mtedu validate` on a folder of 1,000 mods (target: under 1 s).
//!
//! Builds the mods in a temp folder (mod.conf with dependencies, init.lua,
//! a texture, a translation, settingtypes.txt), then times the release
//! binary end to end, several runs, and prints the median and the ratio to
//! the 1 s budget. Run with `cargo bench --bench validate_many`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const MODS: usize = 1000;
const RUNS: usize = 7;
const BUDGET: Duration = Duration::from_secs(1);

fn write_mod(root: &Path, index: usize) {
    let name = format!("mod_{index:04}");
    let dir = root.join(&name);
    std::fs::create_dir_all(dir.join("textures")).unwrap();
    std::fs::create_dir_all(dir.join("locale")).unwrap();
    let depends = if index > 0 {
        format!("depends = mod_{:04}\n", index - 1)
    } else {
        String::new()
    };
    std::fs::write(
        dir.join("mod.conf"),
        format!("name = {name}\ndescription = Benchmark mod {index}\n{depends}optional_depends = default\n"),
    )
    .unwrap();
    std::fs::write(dir.join("init.lua"), format!("{name} = {{}}\n")).unwrap();
    std::fs::write(dir.join("LICENSE.txt"), "MIT\n").unwrap();
    std::fs::write(
        dir.join("textures").join(format!("{name}_block.png")),
        [0u8; 64],
    )
    .unwrap();
    std::fs::write(
        dir.join("locale").join(format!("{name}.fr.tr")),
        format!("# textdomain: {name}\nBlock=Bloc\nHello @1=Bonjour @1\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("settingtypes.txt"),
        format!("{name}_speed (Speed) int 5 1 10\n{name}_enabled (Enabled) bool true\n"),
    )
    .unwrap();
}

fn main() {
    let root = tempfile::tempdir().unwrap();
    for index in 0..MODS {
        write_mod(root.path(), index);
    }
    let binary = env!("CARGO_BIN_EXE_mtedu");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = Command::new(binary)
            .args(["--format", "json", "validate"])
            .arg(root.path())
            .output()
            .unwrap();
        times.push(start.elapsed());
        assert!(
            output.status.code().is_some_and(|code| code <= 1),
            "mtedu crashed"
        );
    }
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "validate {MODS} mods: median {:.1} ms over {RUNS} runs (min {:.1} ms, max {:.1} ms); {:.2}× the 1 s budget",
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0,
        median.as_secs_f64() / BUDGET.as_secs_f64(),
    );
}
