//! `mtedu test`: specs (`spec/*_spec.lua`, `tests/*_spec.lua`) run offline
//! in the embedded engine with a simulated world, busted-style.
//!
//! A mod loads once for all its spec files (each file's globals are put
//! back after it, as busted's `insulate` does); each spec file runs in an
//! environment over the globals of before the mods ran, with the spec API
//! (`Engine::pristine_environment`), so a mod replacing `xpcall`, `error`
//! or `string.find`, or the global `assert`, cannot fake a verdict; every test then starts from
//! a fresh world (empty map, mod storage as loaded, no players, time zero),
//! while the mods' own Lua state is kept, as in busted. The map is all air: the world is a `singlenode`
//! world (`mg_name`), so mods that look for terrain step aside.
//! A spec file that requires mineunit runs alone in its own engine instead,
//! loading the mod itself, in busted's order (see `mineunit.rs`).
//!
//! # Files
//!
//! `mtedu test`: `discover.rs` finds specs, `run.rs` loads a mod once for
//! all its spec files, putting the globals back after each file
//! (`run_specs` also runs spec files kept outside the mod, as lesson checks
//! are), mods on all cores (each has its own Lua state; `--fail-fast` runs
//! them one by one; a Lua error is explained at the pupil's line by
//! `engine::explain`, Lua's own words kept as `detail`), `registered.rs`
//! runs each test a spec file registered under the time budget and reads
//! its outcome, `report.rs` renders human, JSON and JUnit in
//! the reader's language; `words.rs` holds a report's words (the spec's
//! own, or mtedu's as catalogue keys the assertion library writes with
//! `lib.said`: `test-said-…`; a stage's name; escape sequences left out
//! of shown values); `clock.rs` is the whole run's time
//! (`--timeout`: what it leaves no time for is reported as not run); `lua/sim.lua` is the `sim` API (players,
//! chat, time, place/dig/punch; `sim_api` hands it to the differential
//! tests) and `lua/busted.lua` the describe/it API over luassert's
//! assertions, written anew with its semantics (`assert_core.lua` reads
//! modifier chains such as `is_not.truthy` word by word, `assertions.lua`,
//! `matchers.lua`, `spies.lua`); `tests/it/luassert_table.rs` runs one
//! table of cases (every assertion × modifier, spies, matchers) under mtedu
//! and real busted. `mineunit.rs` runs the spec files that require
//! mineunit, each in its own engine with no mod loaded
//! (`Engine::for_specs`: the spec loads it) and busted's order
//! (`busted.lua` in "busted" mode: state kept across tests, setup/teardown
//! once per block); `lua/mineunit.lua` (config, fixtures, sources, `world`,
//! server steps, protection, HTTP), `lua/mineunit_assert.lua` and
//! `lua/mineunit_player.lua` are mineunit's API over the simulated engine;
//! `tests/it/mineunit_suites.rs` runs
//! `tests/fixtures/testing/mineunit_suite` under mtedu and, given
//! `MTEDU_MINEUNIT` (a mineunit checkout), under real mineunit.
//! `reference.rs` reads the `sim` functions and their `---` comments from
//! sim.lua and the registered assertion names from a running engine;
//! `docs/testing.md` is generated from it (kept true by
//! `tests/it/testing_doc.rs`, whose worked example runs). Every test starts
//! from one seed of `math.random` (`--seed`, else from the clock), printed
//! when a test fails so the run can be replayed. The simulated world itself
//! (map, node callbacks, metadata, timers, players, privileges) lives in
//! the engine's `lua/world.lua` and `lua/players.lua`, so every command
//! shares it.

mod clock;
mod discover;
mod mineunit;
pub use mineunit::layer_sources as mineunit_sources;
mod reference;
mod registered;
mod report;
mod run;
pub mod words;
pub use words::{Words, shown_name};

pub use discover::spec_files;
pub use reference::{SimFunction, SpecReference, sim_functions, spec_reference};
pub use report::{Shown, render_human, render_json, render_junit, shown_result};
pub use run::{TestOptions, run_specs, run_tests, sim_api};

use std::path::PathBuf;
use std::time::Duration;

use crate::engine::LuaFailure;
use crate::engine::explain::Explained;

/// The globals spec files get (the busted-style API and `sim`); lint
/// knows them in `*_spec.lua` files.
pub const SPEC_GLOBALS: &[&str] = &[
    "describe",
    "context",
    "insulate",
    "expose",
    "it",
    "spec",
    "test",
    "pending",
    "finally",
    "before_each",
    "after_each",
    "setup",
    "teardown",
    "lazy_setup",
    "strict_setup",
    "lazy_teardown",
    "strict_teardown",
    "randomize",
    "assert",
    "spy",
    "stub",
    "mock",
    "match",
    "sim",
];

/// How a test ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Passed,
    /// An assertion did not hold.
    Failed,
    /// The test (or its file, or the mod load) raised an error or ran out of time.
    Errored,
    Pending,
    /// The whole run's time (`--timeout`) was up before it could run.
    NotRun,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::Errored => "error",
            Status::Pending => "pending",
            Status::NotRun => "not_run",
        }
    }
}

/// One test's outcome.
#[derive(Debug, Clone)]
pub struct TestResult {
    pub file: PathBuf,
    /// Describe blocks and test name, joined by spaces (or a stage:
    /// [`words::stage`]).
    pub name: String,
    pub status: Status,
    /// Why it failed: the spec's message, or mtedu's words.
    pub message: Option<Words>,
    pub expected: Option<Words>,
    pub actual: Option<Words>,
    /// `path:line` where the failure happened.
    pub location: Option<String>,
    /// The Lua error of an errored test, as Lua gave it…
    pub failure: Option<LuaFailure>,
    /// …and explained at the pupil's line (once the run knows which files
    /// are the pupil's).
    pub explained: Option<Explained>,
    /// A text shown had escape sequences (translation, colours), left out.
    pub escapes_hidden: bool,
    pub duration: Duration,
}

impl TestResult {
    /// A result with nothing to say yet.
    pub fn new(file: &std::path::Path, name: &str, status: Status) -> TestResult {
        TestResult {
            file: file.to_path_buf(),
            name: name.to_owned(),
            status,
            message: None,
            expected: None,
            actual: None,
            location: None,
            failure: None,
            explained: None,
            escapes_hidden: false,
            duration: Duration::ZERO,
        }
    }
}

/// All outcomes of a run.
#[derive(Debug, Default)]
pub struct TestRun {
    pub results: Vec<TestResult>,
    /// The seed every test started from (`mtedu test --seed` replays it).
    pub seed: u32,
    /// The whole run's time cap, when it was reached (some tests did not run).
    pub timed_out: Option<Duration>,
}

impl TestRun {
    pub fn count(&self, status: Status) -> usize {
        self.results.iter().filter(|r| r.status == status).count()
    }

    /// True when nothing failed or errored and every test ran.
    pub fn succeeded(&self) -> bool {
        self.count(Status::Failed) == 0
            && self.count(Status::Errored) == 0
            && self.count(Status::NotRun) == 0
    }
}
