//! Running the tests a spec file registered (busted.lua's `__collect`),
//! each under the time budget, with its before/after blocks, and turning
//! each outcome (passed, pending, an assertion failed, a Lua error, the
//! run's time up) into a [`TestResult`].

use std::path::Path;
use std::time::Instant;

use mlua::{Function, MultiValue, Table, Value};

use super::clock::{RunClock, WHOLE_FILE, not_run};
use super::run::errored;
use super::words::add_runner_words;
use super::words::stage;
use super::{Status, TestOptions, TestResult, Words};
use crate::engine::failure::call_traced;
use crate::engine::{Engine, FailureKind, LuaFailure};

/// Runs every test of the spec file `spec` registered in `api`, in order.
pub(super) fn run_registered(
    engine: &Engine,
    api: &Table,
    spec: &Path,
    options: &TestOptions,
    seed: u32,
    clock: RunClock,
) -> Vec<TestResult> {
    let lua = &engine.sandbox.lua;
    let runner_error = |error: String| {
        vec![errored(
            spec,
            stage::SPEC_FILE,
            &LuaFailure::from_message(FailureKind::Runtime, &error, Vec::new()),
        )]
    };
    let function = |name: &str| api.raw_get::<Function>(name).map_err(|e| e.to_string());
    let (collect, name_of, runner, cleaner) = match (
        function("__collect"),
        function("__name"),
        function("__run"),
        function("__cleanup"),
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
            return runner_error(format!("mtedu's test API is broken: {e}"));
        }
    };
    // Collecting walks the spec's blocks, whose functions the spec may
    // have replaced: under the budget, like the tests.
    let (time, cut) = clock.budget();
    engine.sandbox.budget.arm_in_by(time, spec, cut);
    let count = call_traced(lua, &collect, MultiValue::new());
    engine.sandbox.budget.disarm();
    let count = match count.as_ref().map(|values| values.front()) {
        Ok(Some(Value::Integer(count))) => *count,
        Ok(_) => return runner_error("mtedu's test API gave no test count".into()),
        Err(failure) if cut && failure.kind == FailureKind::TimeOut => {
            return vec![not_run(spec, WHOLE_FILE)];
        }
        Err(failure) => return vec![errored(spec, stage::SPEC_FILE, failure)],
    };
    let marker: String = api.raw_get("__marker").unwrap_or_default();
    let pending_marker: String = api.raw_get("__pending_marker").unwrap_or_default();
    let mut results = Vec::new();
    // In busted's order a block's body runs once the tests before it are
    // done: its tests are known only then (`__more`, under the budget).
    let more = api.raw_get::<Function>("__more").ok();
    let mut count = count;
    for index in 1.. {
        if index > count {
            let Some(more) = more.as_ref().filter(|_| !clock.is_up()) else {
                break;
            };
            let (time, cut) = clock.budget();
            engine.sandbox.budget.arm_in_by(time, spec, cut);
            let grown = call_traced(lua, more, MultiValue::new());
            engine.sandbox.budget.disarm();
            match grown.as_ref().map(|values| values.front()) {
                Ok(Some(Value::Integer(grown))) if *grown >= index => count = *grown,
                Err(failure) => {
                    results.push(errored(spec, stage::SPEC_FILE, failure));
                    break;
                }
                _ => break,
            }
        }
        let name: String = match name_of.call(index) {
            Ok(name) => name,
            Err(error) => {
                results.extend(runner_error(error.to_string()));
                break;
            }
        };
        if options
            .filter
            .as_ref()
            .is_some_and(|filter| !name.contains(filter.as_str()))
        {
            continue;
        }
        if clock.is_up() {
            results.push(not_run(spec, &name));
            continue;
        }
        let started = Instant::now();
        let (time, cut) = clock.budget();
        engine.sandbox.budget.arm_in_by(time, spec, cut);
        let mut args = MultiValue::new();
        args.push_back(Value::Integer(index));
        args.push_back(Value::Integer(seed.into()));
        let mut outcome = call_traced(lua, &runner, args);
        // A test registered as pending never started: nothing to clean.
        let started_test = !matches!(&outcome, Ok(values)
            if matches!(values.front(), Some(Value::String(s)) if s.to_string_lossy() == "pending"));
        if started_test {
            let cleanup = call_traced(
                lua,
                &cleaner,
                MultiValue::from_vec(vec![Value::Integer(index)]),
            );
            if let (Ok(_), Err(failure)) = (&outcome, cleanup) {
                outcome = Err(failure);
            }
        }
        engine.sandbox.budget.disarm();
        let plain = |status: Status| TestResult::new(spec, &name, status);
        let mut result = match outcome {
            Ok(values) => match values.into_iter().next() {
                Some(Value::String(s)) if s.to_string_lossy() == "pending" => {
                    plain(Status::Pending)
                }
                _ => plain(Status::Passed),
            },
            Err(failure) if failure.raw.contains(&pending_marker) => plain(Status::Pending),
            Err(failure) if failure.raw.contains(&marker) => assertion_failure(api, spec, &name),
            // Stopped because the whole run's time was up, not by its own
            // budget: it did not get to finish.
            Err(failure) if cut && failure.kind == FailureKind::TimeOut => not_run(spec, &name),
            Err(failure) => errored(spec, &name, &failure),
        };
        result.duration = started.elapsed();
        let stop = options.fail_fast && matches!(result.status, Status::Failed | Status::Errored);
        results.push(result);
        if stop {
            break;
        }
    }
    // The teardowns of the blocks still open, and the spies still in place.
    if let Ok(finish) = api.raw_get::<Function>("__finish") {
        // Teardowns get their own budget even when the run's time is up:
        // they put back what the tests changed.
        engine.sandbox.budget.arm_in(options.limits.time, spec);
        let finished = call_traced(lua, &finish, MultiValue::new());
        engine.sandbox.budget.disarm();
        match finished {
            Err(failure) if failure.raw.contains(&marker) => {
                results.push(assertion_failure(api, spec, "(teardown)"));
            }
            Err(failure) => results.push(errored(spec, stage::TEARDOWN, &failure)),
            Ok(_) => {}
        }
    }
    add_runner_words(api, &mut results);
    results
}

fn assertion_failure(api: &Table, spec: &Path, name: &str) -> TestResult {
    let details: Option<Table> = api
        .raw_get::<Function>("__last_failure")
        .and_then(|last| last.call(()))
        .ok();
    let field = |key: &str| -> Value {
        details
            .as_ref()
            .and_then(|d| d.raw_get::<Value>(key).ok())
            .unwrap_or(Value::Nil)
    };
    let words = |key: &str| Words::from_lua(&field(key));
    TestResult {
        message: words("message"),
        expected: words("expected"),
        actual: words("actual"),
        location: match field("where") {
            Value::String(place) => Some(place.to_string_lossy()),
            _ => None,
        },
        escapes_hidden: matches!(field("escapes_hidden"), Value::Boolean(true)),
        ..TestResult::new(spec, name, Status::Failed)
    }
}
