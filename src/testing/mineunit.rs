//! Spec files written for mineunit (they `require("mineunit")`): each runs
//! alone in a fresh engine where the spec itself loads the mod
//! (`sourcefile`) and its fakes (`fixture`), with busted's order — the world
//! goes on from test to test, `setup`/`teardown` once per block.

use std::path::Path;

use mlua::{Function, MultiValue, Table, Value};

use super::clock::RunClock;
use super::registered::run_registered;
use super::run::{errored, file_error, install_api, sim_api};
use super::words::{add_runner_words, runner_words, stage};
use super::{TestOptions, TestResult, Words};
use crate::content::ModInfo;
use crate::engine::failure::{call_traced, compile};
use crate::engine::{Engine, LoadRequest};

/// mineunit's API, loaded in this order after the busted API.
/// The assertions mineunit adds to luassert's.
pub(super) const MINEUNIT_ASSERTIONS: &str = include_str!("lua/mineunit_assert.lua");

const LAYER: [(&str, &str); 3] = [
    ("mineunit.lua", include_str!("lua/mineunit.lua")),
    ("mineunit_assert.lua", MINEUNIT_ASSERTIONS),
    (
        "mineunit_player.lua",
        include_str!("lua/mineunit_player.lua"),
    ),
];

/// The Lua sources of mineunit's API, for lint to learn the globals
/// they give specs.
pub fn layer_sources() -> impl Iterator<Item = &'static str> {
    LAYER.iter().map(|(_, source)| *source)
}

/// True when the spec file requires mineunit (`require("mineunit")`,
/// `require "mineunit"`, `require 'mineunit'`).
pub fn requires_mineunit(source: &[u8]) -> bool {
    let text = String::from_utf8_lossy(source);
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("require") {
        let after = rest[at + "require".len()..].trim_start();
        let after = after.strip_prefix('(').unwrap_or(after).trim_start();
        let quoted = ["\"mineunit\"", "'mineunit'", "[[mineunit]]"];
        if quoted.iter().any(|q| after.starts_with(q)) {
            return true;
        }
        rest = &rest[at + "require".len()..];
    }
    false
}

/// Runs one mineunit spec file of the mod `info`.
pub fn run_mineunit_spec(
    info: &ModInfo,
    spec: &Path,
    options: &TestOptions,
    seed: u32,
    clock: RunClock,
) -> Vec<TestResult> {
    let mut request = LoadRequest {
        mods: vec![info.clone()],
        limits: options.limits,
        ..LoadRequest::default()
    };
    request
        .settings
        .insert("mg_name".into(), "singlenode".into());
    let engine = match Engine::for_specs(&request) {
        Ok(engine) => engine,
        Err(error) => {
            return vec![file_error(
                spec,
                Words::said("api-broken", vec![error.into()]),
            )];
        }
    };
    let source = match std::fs::read(spec) {
        Ok(source) => source,
        Err(error) => {
            return vec![file_error(
                spec,
                Words::said("unreadable", vec![error.to_string().into()]),
            )];
        }
    };
    let api = match install_layer(&engine, info) {
        Ok((api, Ok(()))) => api,
        // The layer's own words (spec/mineunit.conf does not parse…).
        Ok((api, Err(error))) => {
            let text = error.to_string();
            let words = api
                .raw_get::<Function>("__said")
                .ok()
                .and_then(|said| runner_words(&said, &text));
            return vec![file_error(
                spec,
                words.unwrap_or_else(|| Words::said("api-broken", vec![text.into()])),
            )];
        }
        Err(error) => {
            return vec![file_error(
                spec,
                Words::said("api-broken", vec![error.to_string().into()]),
            )];
        }
    };
    let absolute = crate::content::absolute(spec);
    let registered = compile(&engine.sandbox.lua, &source, &absolute).and_then(|function| {
        engine.sandbox.budget.arm_in(options.limits.time, &absolute);
        let result = call_traced(&engine.sandbox.lua, &function, MultiValue::new());
        engine.sandbox.budget.disarm();
        result
    });
    if let Err(failure) = registered {
        let mut results = vec![errored(spec, stage::SPEC_FILE, &failure)];
        add_runner_words(&api, &mut results);
        return results;
    }
    run_registered(&engine, &api, spec, options, seed, clock)
}

/// The busted API in busted's order, then mineunit's layer over it (the
/// API even when the layer stops, for the words it stopped with).
fn install_layer(engine: &Engine, info: &ModInfo) -> mlua::Result<(Table, mlua::Result<()>)> {
    let lua = &engine.sandbox.lua;
    let sim = sim_api(engine)?;
    let (api, lib) = install_api(engine, &sim, "busted")?;
    let root = std::path::absolute(&info.dir).unwrap_or_else(|_| info.dir.clone());
    let setup = lua.create_table()?;
    setup.set("root", root.to_string_lossy().trim_end_matches('/'))?;
    setup.set("modname", info.name.as_str())?;
    if let Ok(conf) = std::fs::read(root.join("spec/mineunit.conf")) {
        setup.set("conf", lua.create_string(&conf)?)?;
    }
    setup.set("allow_path", engine.mod_path_function()?)?;
    let mut mineunit = Value::Nil;
    for (index, (name, source)) in LAYER.iter().enumerate() {
        let mut extra = MultiValue::new();
        if index < 2 {
            extra.push_back(Value::Table(lib.clone()));
        }
        if index == 0 {
            extra.push_back(Value::Table(sim.clone()));
            extra.push_back(Value::Table(setup.clone()));
        } else {
            extra.push_back(mineunit.clone());
        }
        let returned = match engine.run_extension(name, source, extra) {
            Ok(returned) => returned,
            Err(error) => return Ok((api, Err(error))),
        };
        if index == 0 {
            mineunit = returned;
        }
    }
    Ok((api, Ok(())))
}

#[cfg(test)]
mod tests {
    use super::requires_mineunit;

    #[test]
    fn a_spec_requiring_mineunit_is_told_from_others() {
        assert!(requires_mineunit(
            b"require(\"mineunit\")\nmineunit(\"core\")"
        ));
        assert!(requires_mineunit(b"require 'mineunit'"));
        assert!(requires_mineunit(b"-- x\nrequire ( \"mineunit\" )"));
        assert!(!requires_mineunit(b"describe('x', function() end)"));
        assert!(!requires_mineunit(b"require(\"mineunit_helpers\")"));
    }
}
