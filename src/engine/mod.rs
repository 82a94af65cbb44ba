//! The embedded engine: a sandboxed LuaJIT running mod code the way the
//! Minetest/Luanti server would, offline. [`Engine::load`] is the entry
//! point for lint, test, serve and `mtedu info`.
//!
//! The engine does no network IO and never writes outside its own
//! temporary world folder.
//!
//! # Files
//!
//! The embedded engine. `sandbox.rs` builds the LuaJIT state with what mod
//! security leaves to mods (`lua/sandbox_stdlib.lua`: parts of
//! debug/os/package, a `debug.sethook` that cannot lift the time budget;
//! the confined io and os.remove/rename come with `lua/io.lua`; text chunks
//! only); `random.rs` is the engine's PcgRandom (64-bit arithmetic);
//! `limits.rs` enforces the time budget (instruction hook, JIT off; the
//! hook also remembers the last mod line it saw, which locates memory
//! errors; between two budgets it allows some 10⁹ instructions, so a
//! metamethod or replaced function Rust happens to call is stopped too) and
//! the memory cap (`reserve`: Rust helpers building big values — JSON,
//! base64, PNG — check their result fits in it); `watchdog.rs` is the last
//! resort for code stuck in C where the hook never runs (a pattern that
//! backtracks for ever): a thread that names the file and ends the process
//! 3 s past the deadline; `temp_world.rs` makes each run's throwaway world
//! (named after the process, so killed runs' worlds are swept); `files.rs`
//! is mod security for files (links judged by where they lead, a 256 MB cap
//! on what mods write per run); `failure.rs` turns Lua errors into located
//! failures; `loader.rs` orders mods like the engine; `request.rs`
//! assembles the mod list (game, world, extra); `lua_bridge.rs` (the `host`
//! table) and `files.rs` are the Rust functions the Lua side calls; `lua/`
//! holds mtedu's own Lua for the `core` API, one file per concern, loaded
//! in the order of `builtin.rs` (among them `arguments.lua`, the
//! engine's own argument checks with the real server's words, and the
//! self check that makes `inv.add_item(…)` fail as there; `voxelmanip.lua`,
//! `map_queries.lua` for searches, emerging and forceloading,
//! `item_actions.lua` for drops, digging, placing, dropping and eating,
//! `effects.lua` recording sounds and particles, `abm.lua` running ABMs and
//! LBMs, `auth.lua` the authentication handler privileges go through,
//! `admin.lua`, `serialize.lua`, `colors.lua`, `text.lua`, `tools.lua` for
//! dig and hit arithmetic, `callbacks.lua`, `after.lua` running
//! `core.after` jobs from a globalstep registered before any mod's, in the
//! engine's order, `chat.lua` the builtin chat-message callback that runs
//! commands (privilege check, the engine's refusal texts, `/help <cmd>`);
//! `item_entity.lua` comes after the builtin content it extends;
//! `newer_api.lua` what Luanti 5.10 and 5.15 add, and `engine_version.lua`,
//! last before `strict.lua`, takes away whatever the target version lacks
//! and wraps the methods left with that self check).
//! `version.rs` names the versions mtedu knows (5.6.1, 5.10, 5.15) and
//! `facts.rs` embeds `data/engine/<version>/` (at the root of the project:
//! the `core` table, globals, libraries, object methods, setting defaults,
//! after-load rules, builtin textures, a new world's map settings (5.6.1),
//! each measured on that real server by the probe mod `data/engine/probe/`,
//! see its README); the engine simulates one target version per run
//! (`LoadRequest::engine`). `lua/pristine.lua` keeps the globals from
//! before the mods ran (library tables copied): mtedu's own test Lua
//! (`run_extension`) and spec files (lesson objective checks among them)
//! run in environments over it that no mod can reach, so a mod replacing
//! `error`, `xpcall` or `string.find` cannot fake a result
//! (`failure::call_traced` keeps its own `xpcall` too). `chunk_cache.rs` keeps the bytecode of every chunk compiled in the
//! process (mtedu's own Lua, the game's files, specs), so the next engine
//! of a run loads it instead of parsing again; `findings.rs` turns a `LoadReport` into diagnostics;
//! `inspect.rs` backs `mtedu info`; `catalogue.rs` backs `mtedu api` and
//! `docs/api-coverage.md` (kept true by `tests/it/api_coverage_doc.rs`).

mod builtin;
pub mod catalogue;
pub mod chunk_cache;
pub mod explain;
pub mod facts;
pub mod failure;
mod files;
pub mod findings;
pub mod inspect;
mod json;
pub mod limits;
pub mod loader;
mod lua_bridge;
mod png;
mod random;
mod report;
mod request;
pub mod sandbox;
mod temp_world;
pub mod version;
pub mod watchdog;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use mlua::{MultiValue, Table};

pub use failure::{FailureKind, Frame, LuaFailure};
pub use limits::Limits;
pub use loader::SkippedMod;
pub use lua_bridge::LogLine;
pub use report::{LoadReport, ModFailure, Registrations};
pub use sandbox::Sandbox;
pub use version::EngineVersion;

use crate::content::ModInfo;
use crate::content::absolute;
use crate::content::is_valid_mod_name;
use lua_bridge::SharedState;

const PRISTINE: &str = include_str!("lua/pristine.lua");

/// What to load: mods in the engine's discovery order (world mods first,
/// then the game's, then others) — the first of each name wins.
#[derive(Debug, Clone, Default)]
pub struct LoadRequest {
    pub mods: Vec<ModInfo>,
    /// Settings of this run (the game's minetest.conf, presets).
    pub settings: BTreeMap<String, String>,
    pub limits: Limits,
    /// The engine version to simulate.
    pub engine: EngineVersion,
    /// The game folder, if a game is loaded (`core.get_game_info`).
    pub game: Option<PathBuf>,
}

/// A loaded engine: the Lua state with the mods' registrations in it.
pub struct Engine {
    pub sandbox: Sandbox,
    pub core: Table,
    private: Table,
    state: SharedState,
    _world: tempfile::TempDir,
}

/// What is left of an engine once its world is removed: its Lua state.
pub struct LuaState {
    _parts: (Table, Table, SharedState, Sandbox),
}

impl Engine {
    /// Removes the temporary world now and gives back the Lua state, for
    /// the caller to free when it suits it (or to leave to the exit in a
    /// one-shot command, [`crate::teardown`]).
    pub fn remove_world(self) -> LuaState {
        let Engine {
            sandbox,
            core,
            private,
            state,
            _world,
        } = self;
        drop(_world);
        LuaState {
            _parts: (core, private, state, sandbox),
        }
    }

    /// Starts a fresh engine with the builtin content and no mods.
    pub fn new(request: &LoadRequest) -> Result<Engine, String> {
        let world =
            temp_world::create().map_err(|e| format!("cannot create a temporary world: {e}"))?;
        let sandbox = Sandbox::new(&request.limits).map_err(|e| e.to_string())?;
        let state: SharedState = SharedState::default();
        {
            let mut state = state.borrow_mut();
            state.world_path = world.path().to_path_buf();
            state.settings = request.settings.clone();
            state.engine = request.engine;
            state.game = request.game.clone();
            for info in &request.mods {
                state
                    .mod_paths
                    .entry(info.name.clone())
                    .or_insert_with(|| absolute(&info.dir));
            }
        }
        let host =
            lua_bridge::create_host_table(&sandbox.lua, &state).map_err(|e| e.to_string())?;
        random::add_pcg_random(&sandbox.lua).map_err(|e| e.to_string())?;
        let starting = |error: mlua::Error| format!("mtedu's own Lua failed to start: {error}");
        let (core, private): (Table, Table) =
            chunk_cache::load_text(&sandbox.lua, builtin::INIT.as_bytes(), "=[mtedu]/init.lua")
                .and_then(|init| init.call(host))
                .map_err(starting)?;
        // The globals before any mod runs, for mtedu's own checks: a mod
        // replacing `error`, `type` or `string.format` cannot change what
        // an assertion or an objective check concludes.
        chunk_cache::load_text(&sandbox.lua, PRISTINE.as_bytes(), "=[mtedu]/pristine.lua")
            .and_then(|pristine| pristine.call::<()>(private.clone()))
            .map_err(starting)?;
        Ok(Engine {
            sandbox,
            core,
            private,
            state,
            _world: world,
        })
    }

    /// A fresh environment whose globals are those from before the mods
    /// ran (libraries copied then), falling back to the live globals for
    /// names added since: for mtedu's own Lua and for spec files. `fixed`
    /// names keep their value there whatever a mod does to the globals
    /// (the spec API); no mod can reach the environment (`getfenv`). With
    /// `fixed` (a spec file's environment) the libraries are views whose
    /// assignments (a stubbed `os.time`) reach the live libraries too.
    pub fn pristine_environment(&self, fixed: Option<&Table>) -> mlua::Result<Table> {
        let make: mlua::Function = self.private.raw_get("pristine_environment")?;
        make.call((fixed.cloned(), fixed.is_some()))
    }

    /// An engine for spec files that load the mods themselves (mineunit
    /// suites call `sourcefile`): the builtin content, the mods' folders
    /// readable and writable as while loading, no mod run.
    pub fn for_specs(request: &LoadRequest) -> Result<Engine, String> {
        let engine = Engine::new(request)?;
        engine.state.borrow_mut().loading = true;
        Ok(engine)
    }

    /// A Lua function `(name, dir)` that makes `dir` mod `name`'s folder,
    /// readable by mod code (mineunit's `set_modpath`).
    pub fn mod_path_function(&self) -> mlua::Result<mlua::Function> {
        let state = self.state.clone();
        self.sandbox
            .lua
            .create_function(move |_, (name, dir): (String, String)| {
                state
                    .borrow_mut()
                    .mod_paths
                    .insert(name, PathBuf::from(dir));
                Ok(())
            })
    }

    /// Loads the mods of `request` like the real server and reports.
    pub fn load(request: &LoadRequest) -> Result<(Engine, LoadReport), String> {
        let started = Instant::now();
        let engine = Engine::new(request)?;
        let mut report = LoadReport::default();
        let mods = loader::first_of_each_name(request.mods.clone());
        report.invalid_names = mods
            .iter()
            .filter(|m| !is_valid_mod_name(&m.name))
            .map(|m| m.name.clone())
            .collect();
        let ends = game_ends(request);
        let (order, skipped) = loader::load_order_with(&mods, &ends);
        report.start_refused =
            !skipped.is_empty() && request.engine.missing_dependency_stops_start();
        report.skipped = skipped;
        let enable_strict: mlua::Function = engine
            .private
            .raw_get("enable_strict")
            .map_err(|e| e.to_string())?;
        enable_strict.call::<()>(()).map_err(|e| e.to_string())?;
        engine.state.borrow_mut().loading = true;
        if report.invalid_names.is_empty() && !report.start_refused {
            for info in order {
                let mod_started = Instant::now();
                let outcome = engine.run_mod(info, &request.limits);
                report
                    .mod_durations
                    .push((info.name.clone(), mod_started.elapsed()));
                match outcome {
                    Ok(()) => report.loaded.push(info.name.clone()),
                    Err(failure) => {
                        report.failure = Some(ModFailure {
                            modname: info.name.clone(),
                            failure,
                        });
                        break;
                    }
                }
            }
        }
        if report.failure.is_none()
            && report.invalid_names.is_empty()
            && !report.start_refused
            && let Err(failure) = engine.run_mods_loaded(&request.limits)
        {
            report.failure = Some(*failure);
        }
        engine.set_private("current_modname", mlua::Value::Nil);
        engine.set_private("load_done", true);
        engine.state.borrow_mut().loading = false;
        report.registrations =
            Registrations::read(&engine.core, &engine.private).map_err(|e| e.to_string())?;
        report.log = std::mem::take(&mut engine.state.borrow_mut().log);
        report.ran_files = std::mem::take(&mut engine.state.borrow_mut().ran_files);
        report.duration = started.elapsed();
        Ok((engine, report))
    }

    fn set_private(&self, key: &str, value: impl mlua::IntoLua) {
        // Setting a field of a plain table cannot fail.
        let _ = self.private.set(key, value);
    }

    fn set_current_mod(&self, name: Option<&str>) {
        self.set_private("current_modname", name);
        self.state.borrow_mut().current_mod = name.map(str::to_owned);
    }

    /// Runs one mod's init.lua within the time budget.
    fn run_mod(&self, info: &ModInfo, limits: &Limits) -> Result<(), LuaFailure> {
        let init = absolute(&info.dir).join("init.lua");
        let source = crate::content::read_regular(&init).map_err(|error| {
            let denied = error.kind() == std::io::ErrorKind::PermissionDenied;
            let mut failure = LuaFailure::from_message(
                FailureKind::Unreadable { denied },
                &format!("cannot open {}: {error}", init.display()),
                Vec::new(),
            );
            // The whole file is concerned, not a line of it.
            failure.location = Some((init.clone(), 0));
            failure.message = error.to_string();
            failure
        })?;
        self.set_current_mod(Some(&info.name));
        if let Ok(resolved) = init.canonicalize() {
            self.state.borrow_mut().ran_files.insert(resolved);
        }
        let result = failure::compile(&self.sandbox.lua, &source, &init).and_then(|function| {
            self.sandbox
                .budget
                .arm_in_by(limits.time, &init, limits.wall_clock);
            let result = failure::call_traced(&self.sandbox.lua, &function, MultiValue::new());
            self.sandbox.budget.disarm();
            result
        });
        self.set_current_mod(None);
        result.map(|_| ())
    }

    /// Runs the `register_on_mods_loaded` callbacks, as the engine does
    /// after the last mod; a failure names the mod that registered it.
    fn run_mods_loaded(&self, limits: &Limits) -> Result<(), Box<ModFailure>> {
        let failed =
            |modname: String, failure: LuaFailure| Box::new(ModFailure { modname, failure });
        let lua_error = |error: mlua::Error| failed(String::new(), lua_failure(error));
        // Read raw: a mod may have given `core` or these tables metamethods,
        // and no budget is armed between two callbacks.
        let callbacks: Table = self
            .core
            .raw_get("registered_on_mods_loaded")
            .map_err(lua_error)?;
        let origins: Table = self.core.raw_get("callback_origins").map_err(lua_error)?;
        for callback in callbacks.sequence_values::<mlua::Function>() {
            let callback = callback.map_err(lua_error)?;
            self.sandbox.budget.arm(limits.time);
            let result = failure::call_traced(&self.sandbox.lua, &callback, MultiValue::new());
            self.sandbox.budget.disarm();
            if let Err(failure) = result {
                let modname = origins
                    .raw_get::<Table>(callback)
                    .and_then(|origin| origin.raw_get::<String>("mod"))
                    .unwrap_or_default();
                return Err(failed(modname, failure));
            }
        }
        Ok(())
    }

    /// Runs Lua text in the engine (for tests and tools), under the budget.
    pub fn eval(&self, code: &str, limits: &Limits) -> Result<MultiValue, LuaFailure> {
        let function =
            failure::compile(&self.sandbox.lua, code.as_bytes(), &PathBuf::from("[eval]"))?;
        self.sandbox.budget.arm(limits.time);
        let result = failure::call_traced(&self.sandbox.lua, &function, MultiValue::new());
        self.sandbox.budget.disarm();
        result
    }

    /// A Lua function returning the registered craft recipes (with the mod
    /// that registered each), for checks over them.
    pub fn crafts_function(&self) -> mlua::Result<mlua::Function> {
        let private = self.private.clone();
        self.sandbox
            .lua
            .create_function(move |_, ()| private.get::<Table>("crafts"))
    }

    /// Runs one of mtedu's own Lua chunks with access to the engine's
    /// private table (the test API builds on it); returns its result. It
    /// reads what the mods registered, whose tables may carry the mods'
    /// metamethods: under a budget of the run's time (the one already
    /// armed, else its own), so the watchdog also stops a metamethod stuck
    /// in C.
    pub fn run_extension(
        &self,
        name: &str,
        source: &str,
        extra: mlua::MultiValue,
    ) -> mlua::Result<mlua::Value> {
        let mut args = mlua::MultiValue::new();
        args.push_back(mlua::Value::Table(self.core.clone()));
        args.push_back(mlua::Value::Table(self.private.clone()));
        args.extend(extra);
        let chunk = chunk_cache::load_text(
            &self.sandbox.lua,
            source.as_bytes(),
            &format!("=[mtedu]/{name}"),
        )?;
        chunk.set_environment(self.pristine_environment(None)?)?;
        self.armed(|| chunk.call(args))
    }

    /// Runs `work` under a budget of the run's time, unless one is armed
    /// already (then under that one).
    pub fn armed<T>(&self, work: impl FnOnce() -> T) -> T {
        let budget = &self.sandbox.budget;
        if budget.is_armed() {
            return work();
        }
        budget.arm(self.sandbox.limits.time);
        let result = work();
        budget.disarm();
        result
    }

    /// `host.caller_info` for mtedu's own Lua: `(what, "path:line")` of a caller.
    pub fn caller_info_function(&self) -> mlua::Result<mlua::Function> {
        self.sandbox.lua.create_function(|lua, level: usize| {
            Ok(lua
                .inspect_stack(level + 1, |debug| {
                    debug
                        .source()
                        .source
                        .as_deref()
                        .and_then(|s| s.strip_prefix('@'))
                        .zip(debug.current_line())
                        .map(|(path, line)| format!("{path}:{line}"))
                })
                .flatten())
        })
    }

    /// What the mods logged since the load's report took its lines.
    pub fn log_lines(&self) -> Vec<LogLine> {
        self.state.borrow().log.clone()
    }

    /// The run's temporary world folder (what `core.get_worldpath()` returns).
    pub fn world_path(&self) -> PathBuf {
        self.state.borrow().world_path.clone()
    }

    /// Names of the catalogue that are only stubs raising "not simulated yet".
    pub fn stubbed_names(&self) -> Vec<String> {
        self.private
            .get::<Table>("stubbed")
            .map(|t| {
                t.pairs::<String, bool>()
                    .filter_map(Result::ok)
                    .map(|(k, _)| k)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Names simulated only in part, with what is missing.
    pub fn partial_names(&self) -> BTreeMap<String, String> {
        self.private
            .get::<Table>("partial")
            .map(|t| t.pairs::<String, String>().filter_map(Result::ok).collect())
            .unwrap_or_default()
    }
}

fn lua_failure(error: mlua::Error) -> LuaFailure {
    LuaFailure::from_message(FailureKind::Runtime, &error.to_string(), Vec::new())
}

/// The game's `first_mod` and `last_mod`, for a target that reads them.
fn game_ends(request: &LoadRequest) -> loader::Ends {
    if request.engine < EngineVersion::V5_10 {
        return loader::Ends::default();
    }
    let conf = request
        .game
        .as_ref()
        .and_then(|game| crate::content::ConfDoc::read(&game.join("game.conf")));
    let value = |key: &str| {
        conf.as_ref()
            .and_then(|doc| doc.get(key))
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
    };
    loader::Ends {
        first: value("first_mod"),
        last: value("last_mod"),
    }
}
