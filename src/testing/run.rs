//! Running spec files: load the mod (with its game) once for its spec
//! files, run each file to register its tests, then run each test under the
//! time budget; mods run on all cores.

use std::path::{Path, PathBuf};

use mlua::{MultiValue, Table, Value};

use super::clock::{RunClock, WHOLE_FILE, not_run};
use super::mineunit::{requires_mineunit, run_mineunit_spec};
use super::registered::run_registered;
use super::words::{add_runner_words, stage};
use super::{Status, TestResult, TestRun, Words, spec_files};
use crate::content::ModInfo;
use crate::engine::failure::{call_traced, compile};
use crate::engine::{Engine, FailureKind, Limits, LoadRequest, LuaFailure};
use crate::host::Host;

const SIM: &str = include_str!("lua/sim.lua");
/// sim.lua's text, whose `---` comments document the `sim` API.
pub(super) const SIM_SOURCE: &str = SIM;
/// The luassert-compatible assertion library, loaded in this order into one
/// shared table, then the busted API over it.
const ASSERTION_LIBRARY: [(&str, &str); 4] = [
    ("assert_core.lua", include_str!("lua/assert_core.lua")),
    ("assertions.lua", include_str!("lua/assertions.lua")),
    ("matchers.lua", include_str!("lua/matchers.lua")),
    ("spies.lua", include_str!("lua/spies.lua")),
];
const BUSTED: &str = include_str!("lua/busted.lua");

/// Choices for [`run_tests`].
#[derive(Debug, Clone, Default)]
pub struct TestOptions {
    /// Only tests whose full name contains this text.
    pub filter: Option<String>,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// The game loaded with the mods (default: minetest_game when installed).
    pub game: Option<String>,
    /// Time and memory for the load and for each test.
    pub limits: Limits,
    /// Time for the whole run (none: no cap); what it leaves no time for
    /// is reported as not run.
    pub timeout: Option<std::time::Duration>,
    /// The seed of `math.random` at the start of each test (random when
    /// none is given; the run reports it so a failure can be replayed).
    pub seed: Option<u32>,
    /// The engine version simulated.
    pub engine: crate::engine::EngineVersion,
}

/// A seed from the clock, for runs given none.
fn fresh_seed() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
        .unwrap_or(1);
    nanos % 1_000_000
}

/// Runs the specs of every mod under `paths`.
pub fn run_tests(paths: &[PathBuf], options: &TestOptions, host: &Host) -> TestRun {
    let clock = RunClock::start(options.limits.time, options.timeout);
    let seed = options.seed.unwrap_or_else(fresh_seed);
    let game_dir = host.game_dir(options.game.as_deref(), true).unwrap_or(None);
    let jobs: Vec<(PathBuf, PathBuf)> = spec_files(paths)
        .into_iter()
        .flat_map(|(info, specs)| specs.into_iter().map(move |spec| (info.dir.clone(), spec)))
        .collect();
    // The mods beside the tested ones: a dependency found there loads too.
    let beside: Vec<ModInfo> = crate::content::Workspace::discover(paths)
        .all_mods()
        .cloned()
        .collect();
    let results = run_jobs(
        &jobs,
        game_dir.as_deref(),
        &beside,
        options,
        host,
        seed,
        clock,
    );
    finished(results, seed, options)
}

/// The run's outcome; says the time cap was reached when a test could not run.
fn finished(results: Vec<TestResult>, seed: u32, options: &TestOptions) -> TestRun {
    let timed_out = results
        .iter()
        .any(|r| r.status == Status::NotRun)
        .then_some(options.timeout)
        .flatten();
    TestRun {
        seed,
        results,
        timed_out,
    }
}

/// Runs the spec files `specs` against the mod in `mod_dir`, wherever the
/// specs live: a lesson's objectives are specs kept outside the pupil's mod.
pub fn run_specs(mod_dir: &Path, specs: &[PathBuf], options: &TestOptions, host: &Host) -> TestRun {
    let clock = RunClock::start(options.limits.time, options.timeout);
    let seed = options.seed.unwrap_or_else(fresh_seed);
    let game_dir = host.game_dir(options.game.as_deref(), true).unwrap_or(None);
    let jobs: Vec<(PathBuf, PathBuf)> = specs
        .iter()
        .map(|spec| (mod_dir.to_path_buf(), spec.clone()))
        .collect();
    let results = run_jobs(&jobs, game_dir.as_deref(), &[], options, host, seed, clock);
    finished(results, seed, options)
}

/// Runs each (mod folder, spec file) job, results in the jobs' order. The
/// spec files of one mod share one load of the mod (as busted runs files
/// in one Lua state, each file's globals put back after it); mods are
/// independent (each has its own Lua state), so they run on all cores.
/// `fail_fast` runs them one by one and stops at the first failure. Once
/// `clock` is up, the mods not started yet are reported as not run.
fn run_jobs(
    jobs: &[(PathBuf, PathBuf)],
    game_dir: Option<&Path>,
    beside: &[ModInfo],
    options: &TestOptions,
    host: &Host,
    seed: u32,
    clock: RunClock,
) -> Vec<TestResult> {
    let mut groups: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for (mod_dir, spec) in jobs {
        match groups.last_mut() {
            Some((dir, specs)) if dir == mod_dir => specs.push(spec.clone()),
            _ => groups.push((mod_dir.clone(), vec![spec.clone()])),
        }
    }
    let run_one = |(mod_dir, specs): &(PathBuf, Vec<PathBuf>)| {
        if clock.is_up() {
            return specs.iter().map(|spec| not_run(spec, WHOLE_FILE)).collect();
        }
        let mut request = LoadRequest::from_paths(std::slice::from_ref(mod_dir), game_dir, host);
        request.limits = options.limits;
        let (load_time, cut) = clock.budget();
        request.limits.time = load_time;
        request.limits.wall_clock = cut;
        request.engine = options.engine;
        // The simulated world is all air: what the engine calls a
        // singlenode world (mods that generate terrain know to step aside).
        request
            .settings
            .insert("mg_name".into(), "singlenode".into());
        add_dependencies_beside(&mut request, beside);
        // Spec files written for mineunit load the mod themselves, each in
        // its own engine; the others share one load of the mod.
        let (mineunit_specs, own_specs): (Vec<PathBuf>, Vec<PathBuf>) = specs
            .iter()
            .cloned()
            .partition(|spec| std::fs::read(spec).is_ok_and(|s| requires_mineunit(&s)));
        let mut by_file: Vec<(PathBuf, Vec<TestResult>)> = Vec::new();
        let info = request.mods.iter().find(|m| &m.dir == mod_dir).cloned();
        if !own_specs.is_empty() {
            let results = run_mod_specs(
                &request,
                info.as_ref(),
                &own_specs,
                options,
                seed,
                clock,
                cut,
            );
            for spec in &own_specs {
                let mine = results
                    .iter()
                    .filter(|r| &r.file == spec)
                    .cloned()
                    .collect();
                by_file.push((spec.clone(), mine));
            }
        }
        for spec in &mineunit_specs {
            let results = match &info {
                Some(info) if clock.is_up() => vec![not_run(spec, WHOLE_FILE)],
                Some(info) => run_mineunit_spec(info, spec, options, seed, clock),
                None => vec![file_error(
                    spec,
                    Words::said("no-mod", vec![mod_dir.display().to_string().into()]),
                )],
            };
            by_file.push((spec.clone(), results));
        }
        // Results in the order of the spec files.
        let mut ordered = Vec::new();
        for spec in specs {
            if let Some(at) = by_file.iter().position(|(file, _)| file == spec) {
                ordered.extend(by_file.swap_remove(at).1);
            }
        }
        explain_errors(&mut ordered, mod_dir);
        ordered
    };
    if options.fail_fast {
        let mut results = Vec::new();
        for group in &groups {
            let file = run_one(group);
            let failed = file
                .iter()
                .any(|r| matches!(r.status, Status::Failed | Status::Errored));
            results.extend(file);
            if failed {
                break;
            }
        }
        return results;
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(groups.len());
    if workers <= 1 {
        return groups.iter().flat_map(run_one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: std::sync::Mutex<Vec<Option<Vec<TestResult>>>> =
        std::sync::Mutex::new(vec![None; groups.len()]);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(group) = groups.get(index) else {
                        break;
                    };
                    let results = run_one(group);
                    if let Ok(mut done) = done.lock() {
                        done[index] = Some(results);
                    }
                }
            });
        }
    });
    done.into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .flatten()
        .collect()
}

/// A test (or stage) that ended with a Lua error: explained once the
/// run knows the pupil's files ([`explain_errors`]).
pub(super) fn errored(file: &Path, name: &str, failure: &LuaFailure) -> TestResult {
    TestResult {
        location: failure
            .location
            .as_ref()
            .map(|(path, line)| format!("{}:{line}", path.display())),
        failure: Some(failure.clone()),
        ..TestResult::new(file, name, Status::Errored)
    }
}

/// Explains the Lua errors of `results` at the pupil's lines: the files of
/// the tested mod and the spec files are the pupil's (the game's and
/// mtedu's frames are passed over).
fn explain_errors(results: &mut [TestResult], mod_dir: &Path) {
    let comparable = |path: &Path| crate::content::absolute(path);
    let root = comparable(mod_dir);
    let specs: Vec<PathBuf> = results.iter().map(|r| comparable(&r.file)).collect();
    let ours = |path: &Path| {
        let path = comparable(path);
        path.starts_with(&root) || specs.contains(&path)
    };
    for result in results.iter_mut() {
        if let Some(failure) = &result.failure {
            let explained = crate::engine::explain::explain(failure, &ours);
            if let Some((path, line)) = &explained.place {
                result.location = Some(format!("{}:{line}", path.display()));
            }
            result.explained = Some(explained);
        }
    }
}

/// Adds to `request` the mods of `beside` that its mods depend on (and
/// theirs), when the request has no mod of that name: a mod tested in its
/// mods folder or modpack finds its dependencies there, as in a world.
fn add_dependencies_beside(request: &mut LoadRequest, beside: &[ModInfo]) {
    let mut index = 0;
    while index < request.mods.len() {
        let wanted: Vec<String> = request.mods[index]
            .dependencies
            .iter()
            .map(|d| d.name.clone())
            .collect();
        for name in wanted {
            if request.mods.iter().any(|m| m.name == name) {
                continue;
            }
            if let Some(found) = beside.iter().find(|m| m.name == name) {
                request.mods.push(found.clone());
            }
        }
        index += 1;
    }
}

/// `(loading mod <name>)`: the result standing for the tested mod's load.
fn loading_mod(name: &str) -> String {
    let (open, close) = stage::LOADING_MOD;
    format!("{open}{name}{close}")
}

/// A spec file that could not run at all.
pub(super) fn file_error(spec: &Path, message: Words) -> TestResult {
    TestResult {
        message: Some(message),
        ..TestResult::new(spec, stage::LOADING, Status::Errored)
    }
}

/// `load_cut`: the run's end shortened the load's budget (running out of
/// it means the run's time is up).
fn run_mod_specs(
    request: &LoadRequest,
    tested: Option<&ModInfo>,
    specs: &[PathBuf],
    options: &TestOptions,
    seed: u32,
    clock: RunClock,
    load_cut: bool,
) -> Vec<TestResult> {
    let every_file = |message: Words| -> Vec<TestResult> {
        specs
            .iter()
            .map(|spec| file_error(spec, message.clone()))
            .collect()
    };
    let (engine, report) = match Engine::load(request) {
        Ok(loaded) => loaded,
        Err(error) => return every_file(Words::said("api-broken", vec![error.into()])),
    };
    if let Some(failed) = &report.failure {
        if load_cut && failed.failure.kind == FailureKind::TimeOut {
            return specs.iter().map(|spec| not_run(spec, WHOLE_FILE)).collect();
        }
        return specs
            .iter()
            .map(|spec| errored(spec, &loading_mod(&failed.modname), &failed.failure))
            .collect();
    }
    // A mod whose dependencies are missing is not loaded: its specs would
    // fail for no fault of theirs, so each says why instead.
    if let Some(info) = tested
        && let Some(skipped) = report.skipped.iter().find(|s| s.name == info.name)
    {
        let message = Words::said(
            "not-loaded",
            vec![
                info.name.as_str().into(),
                skipped.unsatisfied.join(", ").into(),
            ],
        );
        return specs
            .iter()
            .map(|spec| TestResult {
                name: loading_mod(&info.name),
                location: Some(format!("{}:1", info.dir.join("mod.conf").display())),
                ..file_error(spec, message.clone())
            })
            .collect();
    }
    let sim = match sim_api(&engine) {
        Ok(sim) => sim,
        Err(error) => {
            return every_file(Words::said("api-broken", vec![error.to_string().into()]));
        }
    };
    let mut results = Vec::new();
    for spec in specs {
        if clock.is_up() {
            results.push(not_run(spec, WHOLE_FILE));
            continue;
        }
        let saved = saved_globals(&engine.sandbox.lua);
        results.extend(run_spec_file(&engine, &sim, spec, options, seed, clock));
        restore_globals(&engine.sandbox.lua, saved);
    }
    results
}

/// One spec file on an engine that has loaded the mod.
fn run_spec_file(
    engine: &Engine,
    sim: &Table,
    spec: &Path,
    options: &TestOptions,
    seed: u32,
    clock: RunClock,
) -> Vec<TestResult> {
    let api = match install_api(engine, sim, "mtedu") {
        Ok((api, _)) => api,
        Err(error) => {
            return vec![file_error(
                spec,
                Words::said("api-broken", vec![error.to_string().into()]),
            )];
        }
    };
    let source = match crate::content::read_regular(spec) {
        Ok(source) => source,
        Err(error) => {
            return vec![file_error(
                spec,
                Words::said("unreadable", vec![error.to_string().into()]),
            )];
        }
    };
    let absolute = crate::content::absolute(spec);
    let compiled = compile(&engine.sandbox.lua, &source, &absolute).map_err(|f| (f, false));
    let registered = compiled.and_then(|function| {
        // The spec sees the globals of before the mods ran and the spec
        // API, in an environment no mod can reach: the mod cannot change
        // what the spec calls (`assert`, `error`, `string.find`…).
        let isolated = spec_environment(engine, &api).and_then(|env| function.set_environment(env));
        if let Err(error) = isolated {
            let message = format!("mtedu could not isolate the spec file: {error}");
            let failure = LuaFailure::from_message(FailureKind::Runtime, &message, Vec::new());
            return Err((failure, false));
        }
        let (time, cut) = clock.budget();
        engine.sandbox.budget.arm_in_by(time, &absolute, cut);
        let result = call_traced(&engine.sandbox.lua, &function, MultiValue::new());
        engine.sandbox.budget.disarm();
        result.map_err(|failure| (failure, cut))
    });
    match registered {
        Err((failure, true)) if failure.kind == FailureKind::TimeOut => {
            vec![not_run(spec, WHOLE_FILE)]
        }
        Err((failure, _)) => {
            let mut results = vec![errored(spec, stage::SPEC_FILE, &failure)];
            add_runner_words(&api, &mut results);
            results
        }
        Ok(_) => run_registered(engine, &api, spec, options, seed, clock),
    }
}

/// The environment of a spec file: the pristine globals with the spec API.
fn spec_environment(engine: &Engine, api: &Table) -> mlua::Result<Table> {
    let fixed = engine.sandbox.lua.create_table()?;
    for name in super::SPEC_GLOBALS {
        fixed.raw_set(*name, api.raw_get::<Value>(*name)?)?;
    }
    engine.pristine_environment(Some(&fixed))
}

/// The globals as they are before a spec file runs.
fn saved_globals(lua: &mlua::Lua) -> Vec<(Value, Value)> {
    lua.globals()
        .pairs::<Value, Value>()
        .filter_map(Result::ok)
        .collect()
}

/// Puts the globals back as [`saved_globals`] found them: what a spec file
/// added goes, what it replaced comes back.
fn restore_globals(lua: &mlua::Lua, saved: Vec<(Value, Value)>) {
    let globals = lua.globals();
    let now: Vec<Value> = globals
        .pairs::<Value, Value>()
        .filter_map(Result::ok)
        .map(|(key, _)| key)
        .collect();
    for key in now {
        let _ = globals.raw_set(key, Value::Nil);
    }
    for (key, value) in saved {
        let _ = globals.raw_set(key, value);
    }
}

/// The `sim` table for an engine that has loaded its mods: specs get it as
/// a global; the differential tests drive the simulated world with it.
pub fn sim_api(engine: &Engine) -> mlua::Result<Table> {
    match engine.run_extension("sim.lua", SIM, MultiValue::new())? {
        Value::Table(sim) => Ok(sim),
        _ => Err(mlua::Error::RuntimeError(
            "sim.lua returned no table".into(),
        )),
    }
}

/// Loads the assertion library and the busted API (in `mode`: "mtedu" or
/// "busted"). In busted mode (mineunit suites, which load the mod from
/// the spec) they become globals; in mtedu mode only the spec's
/// environment holds them (`spec_environment`), out of the mods' reach.
pub(super) fn install_api(
    engine: &Engine,
    sim: &Table,
    mode: &str,
) -> mlua::Result<(Table, Table)> {
    let lua = &engine.sandbox.lua;
    let lib = lua.create_table()?;
    // `dump` as it was before the mods ran.
    let dump: Value = engine.pristine_environment(None)?.get("dump")?;
    for (index, (name, source)) in ASSERTION_LIBRARY.iter().enumerate() {
        let mut extra = MultiValue::new();
        extra.push_back(Value::Table(lib.clone()));
        if index == 0 {
            extra.push_back(dump.clone());
            extra.push_back(Value::Function(engine.caller_info_function()?));
        }
        engine.run_extension(name, source, extra)?;
    }
    let mut extra = MultiValue::new();
    extra.push_back(Value::Table(sim.clone()));
    extra.push_back(Value::Table(lib.clone()));
    extra.push_back(Value::String(lua.create_string(mode)?));
    let api: Table = match engine.run_extension("busted.lua", BUSTED, extra)? {
        Value::Table(api) => api,
        _ => {
            return Err(mlua::Error::RuntimeError(
                "busted.lua returned no table".into(),
            ));
        }
    };
    if mode == "busted" {
        for name in super::SPEC_GLOBALS {
            lua.globals().raw_set(*name, api.raw_get::<Value>(*name)?)?;
        }
    }
    Ok((api, lib))
}
