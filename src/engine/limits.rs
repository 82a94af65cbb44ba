//! Limits on pupil code: a time budget (CPU time of the thread running Lua,
//! with a wall-clock cap, see [`super::watchdog::WALL_FACTOR`]) enforced by an instruction
//! hook (with the JIT off, since LuaJIT's compiled code ignores hooks) and a
//! memory cap. Once the budget is spent, every later hook call fails again,
//! and the guarded `pcall`/`xpcall`/`coroutine.resume` re-raise, so a
//! `pcall` inside a loop cannot swallow the stop.
//!
//! Between runs no deadline is armed, yet Rust still calls into the state
//! (reading what was registered, the test runner's own functions), and a
//! metamethod or a replaced function left behind by the pupil's code runs
//! then. The hook bounds those stretches too, by instructions rather than
//! time (an idle state costs nothing): past [`IDLE_HOOK_CALLS`] checks
//! without an armed budget, the code is stopped like a run out of time.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use mlua::{HookTriggers, Lua, VmState};

use super::watchdog::Watch;

/// How much a run may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes the Lua state may allocate in all.
    pub memory: usize,
    /// CPU time for one load or one test (wall-clock time is capped at
    /// [`super::watchdog::WALL_FACTOR`] times this).
    pub time: Duration,
    /// `time` is wall-clock time instead: for a run that must end at a
    /// fixed moment (`mtedu test --timeout`, the whole run's cap).
    pub wall_clock: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory: 512 * 1024 * 1024,
            time: Duration::from_secs(10),
            wall_clock: false,
        }
    }
}

/// The memory cap of a Lua state, kept in its app data: Rust helpers that
/// build large values (JSON text, base64, PNG) check their result fits in
/// what the state may still allocate, since the cap does not see Rust's
/// own allocations.
pub struct MemoryCap(pub usize);

/// What `lua` may still allocate under its cap.
pub fn memory_room(lua: &Lua) -> usize {
    let cap = lua
        .app_data_ref::<MemoryCap>()
        .map_or(usize::MAX, |cap| cap.0);
    cap.saturating_sub(lua.used_memory())
}

/// Fails like an allocation of Lua would when `bytes` do not fit in what
/// `lua` may still allocate.
pub fn reserve(lua: &Lua, bytes: usize) -> mlua::Result<()> {
    if bytes > memory_room(lua) {
        return Err(mlua::Error::MemoryError("not enough memory".to_owned()));
    }
    Ok(())
}

/// The message carried by the error raised when time runs out; recognised
/// when turning errors into findings.
pub const TIME_OUT_MARKER: &str = "mtedu: time budget exhausted";

/// The last place in a mod file where the hook saw code running, kept in
/// the Lua state's app data: the best answer to "where" for an error that
/// carries none (out of memory).
pub struct LastPlace(Arc<Watch>);

impl LastPlace {
    /// The place, if code ran in a mod file since the budget was armed.
    pub fn of(lua: &Lua) -> Option<(std::path::PathBuf, usize)> {
        let data = lua.app_data_ref::<LastPlace>()?;
        let place = data.0.place();
        place.map(|(path, line)| (std::path::PathBuf::from(path), line))
    }
}

/// The file and line of a frame running a mod file (chunk names `@path`).
fn mod_place(
    source: Option<std::borrow::Cow<'_, str>>,
    line: Option<usize>,
) -> Option<(String, usize)> {
    source
        .and_then(|s| s.strip_prefix('@').map(str::to_owned))
        .zip(line)
}

/// How many VM instructions run between two clock checks.
const CHECK_EVERY: u32 = 10_000;

/// How many hook calls (of [`CHECK_EVERY`] instructions) may run while no
/// budget is armed, from one arm or disarm to the next: some 10⁹
/// instructions, far more than mtedu's own code runs between two runs
/// (starting the builtin content takes about 10⁷), seconds for a loop.
const IDLE_HOOK_CALLS: u32 = 100_000;

/// Every how many clock checks the hook records where the mod's code is.
const RECORD_PLACE_EVERY: u32 = 4;

/// The running budget, shared with the hook.
#[derive(Debug, Clone)]
pub struct Budget {
    exhausted: Rc<Cell<bool>>,
    /// The time-out error as first raised, with the place it names: the
    /// guards raise it again when pupil code swallowed or replaced it.
    time_out_error: Rc<std::cell::RefCell<Option<String>>>,
    /// The deadline, and the last place in a mod file the hook saw code
    /// running, shared with the watchdog (for code stuck in C).
    watch: Arc<Watch>,
    /// Hook calls so far, to record the place only every few.
    hook_calls: Rc<Cell<u32>>,
    /// Hook calls since the budget was last armed or disarmed, counted
    /// while it is disarmed.
    idle_calls: Rc<Cell<u32>>,
}

impl Budget {
    /// Installs the hook and the guards in `lua`. The budget starts disarmed.
    pub fn install(lua: &Lua) -> mlua::Result<Budget> {
        let budget = Budget {
            exhausted: Rc::default(),
            time_out_error: Rc::default(),
            watch: Watch::new(),
            hook_calls: Rc::default(),
            idle_calls: Rc::default(),
        };
        let hook_budget = budget.clone();
        lua.set_global_hook(
            HookTriggers::new().every_nth_instruction(CHECK_EVERY),
            move |lua, debug| {
                // Where the mod's code is: the innermost frame in a mod file.
                let top = || mod_place(debug.source().source, debug.current_line());
                if hook_budget.check() {
                    // Remembered for errors that carry no place (memory, code
                    // stuck in C): the top frame, every few checks, to keep
                    // the hook cheap.
                    let calls = hook_budget.hook_calls.get().wrapping_add(1);
                    hook_budget.hook_calls.set(calls);
                    if calls.is_multiple_of(RECORD_PLACE_EVERY)
                        && let Some(top) = top()
                    {
                        hook_budget.watch.set_place(top);
                    }
                    return Ok(VmState::Continue);
                }
                let place = top().or_else(|| {
                    (1..32).find_map(|level| {
                        lua.inspect_stack(level, |frame| {
                            mod_place(frame.source().source, frame.current_line())
                        })
                        .flatten()
                    })
                });
                let message = match place {
                    Some((path, line)) => format!("{path}:{line}: {TIME_OUT_MARKER}"),
                    None => TIME_OUT_MARKER.to_owned(),
                };
                hook_budget
                    .time_out_error
                    .borrow_mut()
                    .get_or_insert_with(|| message.clone());
                Err(mlua::Error::RuntimeError(message))
            },
        )?;
        lua.set_app_data(LastPlace(budget.watch.clone()));
        let flag = budget.clone();
        let exhausted = lua.create_function(move |_, ()| {
            Ok(flag
                .exhausted
                .get()
                .then(|| flag.time_out_error.borrow().clone())
                .flatten())
        })?;
        lua.load(include_str!("lua/sandbox_guards.lua"))
            .set_name("=[mtedu sandbox]")
            .call::<()>(exhausted)?;
        Ok(budget)
    }

    /// Starts a new budget of `time` (CPU) from now.
    pub fn arm(&self, time: Duration) {
        self.start(time, None, true);
    }

    fn start(&self, time: Duration, file: Option<String>, cpu: bool) {
        self.exhausted.set(false);
        self.idle_calls.set(0);
        self.time_out_error.borrow_mut().take();
        self.watch.arm(time, file, cpu);
    }

    /// Starts a new budget of `time` (CPU) for running `file`, which the
    /// watchdog names if the code gets stuck in C.
    pub fn arm_in(&self, time: Duration, file: &std::path::Path) {
        self.start(time, Some(file.display().to_string()), true);
    }

    /// Like [`Budget::arm_in`], counting wall-clock time when `wall_clock`:
    /// for a run that must end at a fixed moment.
    pub fn arm_in_by(&self, time: Duration, file: &std::path::Path, wall_clock: bool) {
        self.start(time, Some(file.display().to_string()), !wall_clock);
    }

    /// Stops counting (between runs, and for mtedu's own code).
    pub fn disarm(&self) {
        self.watch.disarm();
        self.exhausted.set(false);
        self.idle_calls.set(0);
        self.time_out_error.borrow_mut().take();
    }

    /// True while a budget is armed (a run is being timed and watched).
    pub fn is_armed(&self) -> bool {
        self.watch.is_armed()
    }

    /// True when the last run ran out of time.
    pub fn is_exhausted(&self) -> bool {
        self.exhausted.get()
    }

    /// False once the deadline has passed, or the idle allowance is spent
    /// (and from then on, until the next arm or disarm).
    fn check(&self) -> bool {
        if self.exhausted.get() {
            return false;
        }
        if !self.watch.is_armed() {
            let idle = self.idle_calls.get() + 1;
            self.idle_calls.set(idle);
            if idle > IDLE_HOOK_CALLS {
                self.exhausted.set(true);
                return false;
            }
            return true;
        }
        if self.watch.is_past_deadline() {
            self.exhausted.set(true);
            return false;
        }
        true
    }
}
