//! The last resort for code the time budget cannot stop. LuaJIT runs its
//! pattern matcher (`string.find`, `match`, `gmatch`, `gsub`) in C, where
//! the instruction hook never fires: a pattern that backtracks without end
//! would hang mtedu for ever. A thread watches every armed budget; when one
//! is still running [`GRACE`] after its deadline, the run is stuck in C and
//! nothing can interrupt it, so mtedu names the file being run and ends
//! the process. Wrapping the
//! pattern functions to note each call's line was tried and dropped: it
//! made the spec benchmark 40% slower.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Localizer};

/// How long past its deadline a run may stay in C before mtedu gives up.
pub const GRACE: Duration = Duration::from_secs(3);

/// One budget as the watchdog sees it.
#[derive(Debug, Default)]
pub struct Watch {
    /// Milliseconds since [`epoch`] when the budget ends; 0 when disarmed.
    deadline: AtomicU64,
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

    /// Starts watching a run of `time` (of `file`, when one is run).
    pub fn arm(&self, time: Duration, file: Option<String>) {
        *self.place.lock().unwrap_or_else(|e| e.into_inner()) = None;
        *self.file.lock().unwrap_or_else(|e| e.into_inner()) = file;
        let end = epoch().elapsed() + time;
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
        self.deadline_passed_by(Duration::ZERO)
    }

    fn deadline_passed_by(&self, margin: Duration) -> bool {
        let deadline = self.deadline.load(Ordering::Relaxed);
        deadline != 0 && epoch().elapsed() >= Duration::from_millis(deadline) + margin
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
                .find(|watch| watch.deadline_passed_by(GRACE))
        };
        if let Some(watch) = stuck {
            let file = watch.file.lock().unwrap_or_else(|e| e.into_inner()).clone();
            give_up(file);
        }
    }
}

/// Says why and where, then ends the process: the Lua state cannot be
/// interrupted and would run for ever.
fn give_up(file: Option<String>) -> ! {
    let lang = LANG.get().copied().unwrap_or_else(Lang::from_env);
    let localizer = Localizer::new(lang);
    // The file, not a line: the last line the hook saw may be well before
    // the call that is stuck.
    let place = file.as_deref().map_or_else(
        || "?".to_owned(),
        |file| {
            crate::diag::relative_to_cwd(std::path::Path::new(file))
                .display()
                .to_string()
        },
    );
    let message = localizer.text("engine-stuck-in-c", &[("place", place.into())]);
    let help = localizer.plain("engine-stuck-in-c-help");
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{message}\n{help}");
    let _ = stderr.flush();
    std::process::exit(1);
}
