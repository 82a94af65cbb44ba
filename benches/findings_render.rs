//! Benchmark: rendering ten thousand findings on one line (targets: under
//! 1 s and under 100 MB). A `depends` line naming 10,000 missing mods and a
//! `.tr` line of 300,000 `@n` go through the release binary's human
//! output; each run's wall time and peak memory (the child's maximum
//! resident size) are printed against the limits. Run with
//! `cargo bench --bench findings_render`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const FINDINGS: usize = 10_000;
const RUNS: usize = 5;
const TIME_LIMIT: Duration = Duration::from_secs(1);
const MEMORY_LIMIT_KB: i64 = 100 * 1024;

/// Runs mtedu on `dir` and gives its wall time and peak resident memory.
fn measure(args: &[&str], dir: &Path) -> (Duration, i64) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtedu"))
        .args(args)
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // wait4 gives this child's own peak memory, not the bench's.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(waited, pid, "wait4");
    let _ = child.try_wait();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
        "mtedu crashed"
    );
    (elapsed, usage.ru_maxrss)
}

fn report(what: &str, args: &[&str], dir: &Path) {
    let mut runs: Vec<(Duration, i64)> = (0..RUNS).map(|_| measure(args, dir)).collect();
    runs.sort();
    let (median, _) = runs[RUNS / 2];
    let peak = runs.iter().map(|(_, kb)| *kb).max().unwrap_or(0);
    println!(
        "{what}: median {:.0} ms over {RUNS} runs ({:.2}× the 1 s limit), peak {:.1} MB ({:.2}× the 100 MB limit)",
        median.as_secs_f64() * 1000.0,
        median.as_secs_f64() / TIME_LIMIT.as_secs_f64(),
        peak as f64 / 1024.0,
        peak as f64 / MEMORY_LIMIT_KB as f64,
    );
}

fn main() {
    let root = tempfile::tempdir().unwrap();
    let depends = root.path().join("depends/m");
    std::fs::create_dir_all(&depends).unwrap();
    let names: Vec<String> = (0..FINDINGS).map(|i| format!("missing{i}")).collect();
    std::fs::write(
        depends.join("mod.conf"),
        format!("name = m\ndepends = {}\n", names.join(", ")),
    )
    .unwrap();
    std::fs::write(depends.join("init.lua"), "").unwrap();
    report(
        &format!("{FINDINGS} findings on one depends line (validate)"),
        &["--color", "never", "validate"],
        &depends,
    );

    let tr = root.path().join("tr/m");
    std::fs::create_dir_all(tr.join("locale")).unwrap();
    std::fs::write(tr.join("mod.conf"), "name = m\n").unwrap();
    std::fs::write(tr.join("init.lua"), "").unwrap();
    std::fs::write(
        tr.join("locale/m.fr.tr"),
        format!("# textdomain: m\nkey=@1{}\n", "@n@".repeat(100_000)),
    )
    .unwrap();
    report(
        "a .tr line of 300,000 escapes (validate)",
        &["--color", "never", "validate"],
        &tr,
    );
}
