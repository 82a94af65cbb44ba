//! The last resort for code the time budget cannot stop. LuaJIT runs its
//! pattern matcher (`string.find`, `match`, `gmatch`, `gsub`) in C, where
//! the instruction hook never fires: a pattern that backtracks without end
//! would hang mtedu for ever. A thread watches every armed budget; when one
//! is still running [`GRACE`] after its deadline, the run is stuck in C and
//! nothing can interrupt it, so mtedu says what the evidence shows (the
//! last line the hook saw, and the text search it calls, if any; else
//! that the cause is unknown) and ends the process. Wrapping the
//! pattern functions to note each call's line was tried and dropped: it
//! made the spec benchmark 40% slower.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Localizer};

/// How long (wall-clock) past its spent budget a run may stay in C
/// before mtedu gives up.
pub const GRACE: Duration = Duration::from_secs(3);

/// How many times its budget a run may take in wall-clock time: the budget
/// counts the CPU time of the thread running Lua, so that a busy machine
/// (a class's PCs, CI) does not stop a mod that works; a run waiting on
/// nothing cannot last for ever either.
pub const WALL_FACTOR: u32 = 10;

/// One budget as the watchdog sees it.
#[derive(Debug, Default)]
pub struct Watch {
    /// Milliseconds since [`epoch`] when the wall-clock cap ends; 0 when disarmed.
    deadline: AtomicU64,
    /// The budget, in nanoseconds of the running thread's CPU time.
    cpu_budget: AtomicU64,
    /// That thread's CPU time, in nanoseconds, when the budget was armed.
    cpu_start: AtomicU64,
    /// That thread's CPU clock (`clockid_t`), readable from the watchdog's thread.
    cpu_clock: std::sync::atomic::AtomicI64,
    /// Milliseconds since [`epoch`] when the watchdog first saw the budget
    /// spent while the run went on (stuck in C); 0 when it has not.
    spent_seen: AtomicU64,
    /// The last place in a mod file the budget's hook saw code running.
    place: Mutex<Option<(String, usize)>>,
    /// The file being run, when the budget was armed for one.
    file: Mutex<Option<String>>,
}

impl Watch {
    /// A new watch, registered with the watchdog thread.
    pub fn new() -> Arc<Watch> {
        let watch = Arc::new(Watch::default());
        registry()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Arc::downgrade(&watch));
        watch
    }

    /// Starts watching a run of `time` of CPU (of `file`, when one is
    /// run), on the calling thread: the one that runs the Lua state; of
    /// `time` of wall-clock time when not `cpu`.
    pub fn arm(&self, time: Duration, file: Option<String>, cpu: bool) {
        *self.place.lock().unwrap_or_else(|e| e.into_inner()) = None;
        *self.file.lock().unwrap_or_else(|e| e.into_inner()) = file;
        let clock = cpu.then(cpu_clock::of_this_thread).flatten();
        let start = clock.and_then(cpu_clock::read).unwrap_or_default();
        self.cpu_clock
            .store(clock.map_or(i64::MIN, i64::from), Ordering::Relaxed);
        self.cpu_start
            .store(start.as_nanos() as u64, Ordering::Relaxed);
        self.cpu_budget
            .store(time.as_nanos() as u64, Ordering::Relaxed);
        // Without a CPU clock, the budget is wall-clock time.
        let factor = if clock.is_some() { WALL_FACTOR } else { 1 };
        let end = epoch().elapsed() + time * factor;
        self.spent_seen.store(0, Ordering::Relaxed);
        self.deadline
            .store(end.as_millis().max(1) as u64, Ordering::Relaxed);
    }

    /// The run ended: nothing to watch.
    pub fn disarm(&self) {
        self.deadline.store(0, Ordering::Relaxed);
    }

    /// Where the budget's hook last saw the mod's code.
    pub fn set_place(&self, place: (String, usize)) {
        *self.place.lock().unwrap_or_else(|e| e.into_inner()) = Some(place);
    }

    /// The last place set since the run was armed.
    pub fn place(&self) -> Option<(String, usize)> {
        self.place.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// True while a run is being watched.
    pub fn is_armed(&self) -> bool {
        self.deadline.load(Ordering::Relaxed) != 0
    }

    /// True while armed and past the deadline (the budget is spent).
    pub fn is_past_deadline(&self) -> bool {
        let deadline = self.deadline.load(Ordering::Relaxed);
        if deadline == 0 {
            return false;
        }
        if epoch().elapsed() >= Duration::from_millis(deadline) {
            return true;
        }
        let clock = self.cpu_clock.load(Ordering::Relaxed);
        let Some(now) = i32::try_from(clock).ok().and_then(cpu_clock::read) else {
            return false;
        };
        let used = now.saturating_sub(Duration::from_nanos(self.cpu_start.load(Ordering::Relaxed)));
        used >= Duration::from_nanos(self.cpu_budget.load(Ordering::Relaxed))
    }

    /// True when the budget has been spent for [`GRACE`] of wall-clock
    /// time and the run still goes on: the hook cannot reach it.
    fn stuck(&self) -> bool {
        if !self.is_past_deadline() {
            return false;
        }
        let now = epoch().elapsed().as_millis().max(1) as u64;
        match self
            .spent_seen
            .compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed)
        {
            Ok(_) => false,
            Err(seen) => Duration::from_millis(now.saturating_sub(seen)) >= GRACE,
        }
    }
}

/// A thread's CPU clock, which another thread can read too.
mod cpu_clock {
    use std::time::Duration;

    #[cfg(target_os = "linux")]
    pub fn of_this_thread() -> Option<i32> {
        let mut clock: libc::clockid_t = 0;
        // SAFETY: pthread_self is always valid; the call only writes `clock`.
        let found = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clock) };
        (found == 0).then_some(clock)
    }

    #[cfg(target_os = "linux")]
    pub fn read(clock: i32) -> Option<Duration> {
        let mut time = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: only writes `time`; a clock of a thread that has ended
        // gives an error, not undefined behaviour.
        let read = unsafe { libc::clock_gettime(clock, &mut time) };
        (read == 0).then(|| {
            Duration::new(
                u64::try_from(time.tv_sec).unwrap_or(0),
                u32::try_from(time.tv_nsec).unwrap_or(0),
            )
        })
    }

    /// Elsewhere only the wall-clock cap applies, at the budget itself.
    #[cfg(not(target_os = "linux"))]
    pub fn of_this_thread() -> Option<i32> {
        None
    }

    #[cfg(not(target_os = "linux"))]
    pub fn read(_clock: i32) -> Option<Duration> {
        None
    }
}

/// The language of the watchdog's last words, set by the command line.
static LANG: OnceLock<Lang> = OnceLock::new();

/// Tells the watchdog which language to speak (else the environment's).
pub fn set_language(lang: Lang) {
    let _ = LANG.set(lang);
}

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

fn registry() -> &'static Mutex<Vec<Weak<Watch>>> {
    static REGISTRY: OnceLock<Mutex<Vec<Weak<Watch>>>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        std::thread::Builder::new()
            .name("mtedu-watchdog".to_owned())
            .spawn(watch_for_ever)
            .expect("the watchdog thread starts");
        Mutex::new(Vec::new())
    })
}

fn watch_for_ever() {
    loop {
        std::thread::sleep(Duration::from_millis(250));
        let stuck = {
            let mut watches = registry().lock().unwrap_or_else(|e| e.into_inner());
            watches.retain(|watch| watch.strong_count() > 0);
            watches
                .iter()
                .filter_map(Weak::upgrade)
                .find(|watch| watch.stuck())
        };
        if let Some(watch) = stuck {
            let file = watch.file.lock().unwrap_or_else(|e| e.into_inner()).clone();
            give_up(&watch, file);
        }
    }
}

/// Says why and where, then ends the process: the Lua state cannot be
/// interrupted and would run for ever.
fn give_up(watch: &Watch, file: Option<String>) -> ! {
    let lang = LANG.get().copied().unwrap_or_else(Lang::from_env);
    let localizer = Localizer::new(lang);
    let (key, args) = verdict(watch.place(), file.as_deref());
    let message = localizer.text(key, &args);
    let help = localizer.plain(&format!("{key}-help"));
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{message}\n{help}");
    let _ = stderr.flush();
    std::process::exit(1);
}

/// The pattern functions of Lua's string library: they run in C, where
/// the budget's hook never fires, and some patterns make them try without
/// end.
const SEARCHES: [&str; 4] = ["find", "match", "gmatch", "gsub"];

/// What the evidence says is stuck: the catalogue key and its arguments.
/// The evidence is the last line of a mod file the hook saw running (or,
/// when the code ran too little for the hook to see a line, the file being
/// run) and what that line — or that file — calls: a text search is named
/// only when one is there; otherwise the cause is unknown.
fn verdict(
    place: Option<(String, usize)>,
    file: Option<&str>,
) -> (&'static str, Vec<(&'static str, crate::diag::ArgValue)>) {
    let shown = |path: &str| {
        crate::diag::relative_to_cwd(std::path::Path::new(path))
            .display()
            .to_string()
    };
    let source = |path: &str| {
        crate::bounded_read::read_regular_text(std::path::Path::new(path)).unwrap_or_default()
    };
    let (path, lines) = match (&place, file) {
        (Some((path, line)), _) => (path.clone(), vec![*line]),
        (None, Some(file)) => {
            let count = source(file).lines().count();
            (file.to_owned(), (1..=count).collect())
        }
        (None, None) => {
            return ("engine-stuck-unknown", vec![("place", "?".into())]);
        }
    };
    let text = source(&path);
    let found: Vec<(usize, &str)> = lines
        .iter()
        .filter_map(|line| {
            let code = text.lines().nth(line.saturating_sub(1))?;
            searches_on(code).map(|name| (*line, name))
        })
        .collect();
    let place = match &place {
        Some((path, line)) => format!("{}:{line}", shown(path)),
        None => shown(&path),
    };
    if found.is_empty() {
        return ("engine-stuck-unknown", vec![("place", place.into())]);
    }
    let at: Vec<String> = found
        .iter()
        .map(|(line, _)| format!("{}:{line}", shown(&path)))
        .collect();
    let mut names: Vec<&str> = found.iter().map(|(_, name)| *name).collect();
    names.dedup();
    (
        "engine-stuck-search",
        vec![
            ("place", at.join(", ").into()),
            ("function", names.join(", ").into()),
        ],
    )
}

/// The first text search (`find`, `match`, `gmatch`, `gsub`) a line of Lua
/// calls, as `s:find(` or `string.find(`; comments left out.
fn searches_on(line: &str) -> Option<&'static str> {
    let code = line.split("--").next().unwrap_or("");
    let bytes = code.as_bytes();
    SEARCHES.into_iter().find(|name| {
        code.match_indices(name).any(|(at, _)| {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = code[at + name.len()..].trim_start();
            matches!(before, Some(b'.' | b':'))
                && (after.starts_with('(') || after.starts_with('"') || after.starts_with('\''))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_search_is_blamed_only_where_a_line_calls_one() {
        assert_eq!(searches_on("return text:find(pattern)"), Some("find"));
        assert_eq!(searches_on("local a = string.gsub(s, p, r)"), Some("gsub"));
        assert_eq!(searches_on("for w in s:gmatch\"%a+\" do"), Some("gmatch"));
        assert_eq!(searches_on("local search = string.find"), None);
        assert_eq!(searches_on("-- s:find(x)"), None);
        assert_eq!(searches_on("finder(x) matched(y)"), None);
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("init.lua");
        std::fs::write(
            &file,
            "local t = 1\nlocal search = string.find\nreturn t:match(p)\n",
        )
        .unwrap();
        let file = file.display().to_string();
        let (key, args) = verdict(None, Some(&file));
        assert_eq!(key, "engine-stuck-search");
        assert!(
            matches!(&args[0].1, crate::diag::ArgValue::Text(t) if t.ends_with("init.lua:3")),
            "{args:?}"
        );
        let (key, _) = verdict(Some((file.clone(), 2)), Some(&file));
        assert_eq!(key, "engine-stuck-unknown", "line 2 calls nothing");
        assert_eq!(verdict(None, None).0, "engine-stuck-unknown");
    }
}
