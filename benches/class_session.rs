//! Benchmark: `mtedu class` with 15 pupils, each on a real server (Debian's
//! 5.6.1 with minetest_game), as the binary runs it on the animator's PC.
//! Measured from /proc: the memory (RSS) of mtedu and of its 15 servers,
//! and their CPU over a quiet minute (nobody saving, the page polled twice
//! a second as a browser does); then the time from a save on a pupil's
//! "PC" (a `class join` process of its own, watching its folder) to the
//! dashboard row changing, over saves that break and fix the mod in turn
//! (median and p95), while the other 14 servers run.
//! Run with `cargo bench --bench class_session` (`-- --pupils N --saves N`).

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mtedu::class::client::request;

const SERVER: &str = "/usr/games/minetestserver";
const FIXED: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Mon bloc\",\n  tiles = {\"first_block_block.png\"},\n})\n";
const BROKEN: &str = "minetest.register_node(\"first_block:block\", {\n  description = \"Mon bloc\"\n  tiles = {\"first_block_block.png\"},\n})\n";

fn mtedu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mtedu"))
}

/// A child killed when dropped, so a failing bench leaves no server.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_tcp_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A first UDP port with `count` free ones after it.
fn free_udp_ports(count: u16) -> u16 {
    let mut base = 31000 + (std::process::id() % 200) as u16 * 50;
    loop {
        let sockets: Vec<_> = (0..count)
            .map_while(|i| std::net::UdpSocket::bind(("127.0.0.1", base + i)).ok())
            .collect();
        if sockets.len() == count as usize {
            return base;
        }
        base += count;
    }
}

/// `pid` and every process below it.
fn tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) {
            let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
            if let Some(ppid) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
                parents.push((child, ppid));
            }
        }
    }
    let mut found = vec![pid];
    let mut index = 0;
    while index < found.len() {
        let parent = found[index];
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        index += 1;
    }
    found
}

/// Resident memory in kB.
fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User + system CPU time in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    // After the name: state is field 0, utime 11, stime 12.
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get(11) + get(12)
}

fn ticks_per_second() -> f64 {
    // SAFETY: sysconf has no preconditions.
    (unsafe { libc::sysconf(libc::_SC_CLK_TCK) }) as f64
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn state(url: &str, cookie: &str) -> serde_json::Value {
    request(
        url,
        "GET",
        "/api/state?lang=en",
        &[("Cookie", cookie)],
        b"",
        Duration::from_secs(10),
    )
    .ok()
    .and_then(|(_, body)| serde_json::from_slice(&body).ok())
    .unwrap_or_default()
}

fn errors_of(state: &serde_json::Value, pupil: &str) -> Option<u64> {
    state["rows"]
        .as_array()?
        .iter()
        .find(|r| r["name"] == pupil)
        .filter(|r| r["checked"] == true)
        .and_then(|r| r["errors"].as_u64())
}

fn main() {
    if !Path::new(SERVER).exists() {
        eprintln!("{SERVER} is missing: apt-get install minetest-server");
        return;
    }
    let pupils = arg("--pupils", 15);
    let saves = arg("--saves", 30);
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let names: Vec<String> = (1..=pupils).map(|i| format!("eleve{i:02}")).collect();
    let made = mtedu()
        .current_dir(temp.path())
        .args(["class", "new", "cm2", "--lesson", "1"])
        .args(&names)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let dir = temp.path().join("cm2");
    let config: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join("class.toml")).unwrap()).unwrap();
    let cookie = format!(
        "mtedu_teacher={}",
        config["teacher_token"].as_str().unwrap()
    );
    let code = config["code"].as_str().unwrap().to_owned();
    for name in &names {
        std::fs::write(dir.join(name).join("first_block/init.lua"), FIXED).unwrap();
    }

    let port = free_tcp_port();
    let started = Instant::now();
    let mut class = Killed(
        mtedu()
            .current_dir(temp.path())
            .args([
                "--lang",
                "en",
                "class",
                "cm2",
                "--bind",
                "127.0.0.1",
                "--port",
            ])
            .arg(port.to_string())
            .arg("--game-port")
            .arg(free_udp_ports(pupils as u16).to_string())
            .args(["--server", SERVER])
            .env("HOME", &home)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = class.0.stdout.take().unwrap();
    let ready = format!("{pupils} servers ready");
    // Read to the end in a thread of its own: a terminal nobody reads
    // would fill up and hold mtedu's loop.
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains(&ready) {
                let _ = ready_tx.send(());
            }
        }
    });
    ready_rx
        .recv_timeout(Duration::from_secs(600))
        .expect("every server ready");
    let url = format!("http://127.0.0.1:{port}");
    println!(
        "{pupils} pupils: every server ready after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let pid = class.0.id();
    let servers = || {
        tree(pid)
            .into_iter()
            .filter(|p| *p != pid)
            .collect::<Vec<_>>()
    };
    println!("  processes below mtedu: {}", servers().len());

    // Every pupil's first check (findings, then objectives) done first.
    let checked = Instant::now();
    while !state(&url, &cookie)["rows"].as_array().is_some_and(|rows| {
        rows.len() == pupils
            && rows.iter().all(|r| {
                r["checked"] == true && r["goals"].as_array().is_some_and(|g| !g.is_empty())
            })
    }) {
        assert!(
            checked.elapsed() < Duration::from_secs(600),
            "the first checks never ended"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    println!(
        "  every pupil's first check done after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    std::thread::sleep(Duration::from_secs(3));

    // A quiet minute, polled like the page.
    let window = Duration::from_secs(arg("--quiet-seconds", 60) as u64);
    let before_mtedu = cpu_ticks(pid);
    // Per process: a server that restarts gets a new id and starts at 0.
    let before_servers: std::collections::BTreeMap<u32, u64> =
        servers().into_iter().map(|p| (p, cpu_ticks(p))).collect();
    let (mut peak_mtedu, mut peak_servers) = (0u64, 0u64);
    let from = Instant::now();
    while from.elapsed() < window {
        let _ = state(&url, &cookie);
        peak_mtedu = peak_mtedu.max(rss_kb(pid));
        peak_servers = peak_servers.max(servers().iter().map(|p| rss_kb(*p)).sum());
        std::thread::sleep(Duration::from_millis(500));
    }
    let wall = from.elapsed().as_secs_f64();
    let tick = ticks_per_second();
    let mtedu_cpu = (cpu_ticks(pid) - before_mtedu) as f64 / tick / wall * 100.0;
    let now_servers = servers();
    let servers_ticks: u64 = now_servers
        .iter()
        .map(|p| cpu_ticks(*p).saturating_sub(before_servers.get(p).copied().unwrap_or(0)))
        .sum();
    let servers_cpu = servers_ticks as f64 / tick / wall * 100.0;
    let restarted = now_servers
        .iter()
        .filter(|p| !before_servers.contains_key(p))
        .count();
    if restarted > 0 {
        println!("  ({restarted} servers restarted during the window)");
    }
    println!(
        "  memory (RSS, peak over {wall:.0} s): mtedu {:.0} MB, {pupils} servers {:.0} MB ({:.0} MB each), total {:.0} MB",
        peak_mtedu as f64 / 1024.0,
        peak_servers as f64 / 1024.0,
        peak_servers as f64 / 1024.0 / pupils as f64,
        (peak_mtedu + peak_servers) as f64 / 1024.0
    );
    println!(
        "  CPU while nobody saves (% of one core): mtedu {mtedu_cpu:.1} %, {pupils} servers {servers_cpu:.1} %"
    );

    // Saves on a pupil's PC, pushed by `class join`, seen on the row.
    let pc = temp.path().join("pc");
    std::fs::create_dir_all(&pc).unwrap();
    let lesson = mtedu()
        .current_dir(&pc)
        .args(["lessons", "start", "1"])
        .output()
        .unwrap();
    assert!(lesson.status.success());
    let pupil = names[0].clone();
    let file = pc.join("first_block/init.lua");
    std::fs::write(&file, FIXED).unwrap();
    let _join = Killed(
        mtedu()
            .current_dir(&pc)
            .args([
                "class",
                "join",
                &url,
                "--name",
                &pupil,
                "--code",
                &code,
                "first_block",
            ])
            .env("HOME", temp.path().join("pc-home"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while errors_of(&state(&url, &cookie), &pupil) != Some(0) {
        assert!(
            Instant::now() < deadline,
            "the first push never showed: {:#}",
            state(&url, &cookie)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(2));
    let mut times = Vec::new();
    let cpu_before = cpu_ticks(pid);
    let save_from = Instant::now();
    for save in 0..saves {
        let broken = save % 2 == 0;
        let saved = Instant::now();
        std::fs::write(&file, if broken { BROKEN } else { FIXED }).unwrap();
        let want = if broken {
            |e: u64| e > 0
        } else {
            |e: u64| e == 0
        };
        loop {
            if errors_of(&state(&url, &cookie), &pupil).is_some_and(want) {
                break;
            }
            assert!(
                saved.elapsed() < Duration::from_secs(60),
                "save {save} never showed: {:#}",
                state(&url, &cookie)["rows"]
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        times.push(saved.elapsed());
        std::thread::sleep(Duration::from_millis(700));
    }
    let save_cpu =
        (cpu_ticks(pid) - cpu_before) as f64 / tick / save_from.elapsed().as_secs_f64() * 100.0;
    let median = percentile(&mut times, 0.5);
    let p95 = percentile(&mut times, 0.95);
    println!(
        "  save on the pupil's PC → dashboard row changed ({saves} saves): median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        median.as_secs_f64() * 1000.0,
        p95.as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0
    );
    println!(
        "  mtedu's CPU while one pupil saves every ~{:.1} s: {save_cpu:.1} %",
        0.7 + median.as_secs_f64()
    );

    // SIGINT: every server stopped, worlds saved.
    // SAFETY: kill(2) on our own child.
    unsafe {
        libc::kill(pid as i32, libc::SIGINT);
    }
    let stopping = Instant::now();
    let _ = class.0.wait();
    println!(
        "  Ctrl-C → every server stopped: {:.1} s",
        stopping.elapsed().as_secs_f64()
    );
}
