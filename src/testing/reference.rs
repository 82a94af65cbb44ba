//! What a spec file can call, read from the Lua side itself: the `sim`
//! functions with their `---` comments (sim.lua), and the names the
//! assertion library registers (assertions, modifiers, matchers), with
//! those mineunit suites add. `docs/testing.md` is generated from it.

use mlua::{MultiValue, Table, Value};

use super::mineunit::MINEUNIT_ASSERTIONS;
use super::run::{SIM_SOURCE, install_api, sim_api};
use crate::engine::{Engine, LoadRequest};

/// One `sim` function: `sim.join(name, privs)` and what its comment says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimFunction {
    pub signature: String,
    pub doc: String,
}

/// Everything `docs/testing.md` lists.
#[derive(Debug, Clone, Default)]
pub struct SpecReference {
    pub sim: Vec<SimFunction>,
    pub assertions: Vec<String>,
    pub modifiers: Vec<String>,
    pub matchers: Vec<String>,
    /// Assertions mineunit adds, in spec files that require mineunit.
    pub mineunit_assertions: Vec<String>,
}

/// The `sim` functions of sim.lua, each with the `---` lines above it.
pub fn sim_functions() -> Vec<SimFunction> {
    let mut found = Vec::new();
    let mut doc: Vec<&str> = Vec::new();
    for line in SIM_SOURCE.lines() {
        if let Some(text) = line.strip_prefix("---") {
            doc.push(text.trim());
        } else if let Some(rest) = line.strip_prefix("function sim.") {
            found.push(SimFunction {
                signature: format!("sim.{rest}"),
                doc: doc.join(" "),
            });
            doc.clear();
        } else {
            doc.clear();
        }
    }
    found
}

fn sorted_keys(table: &Table) -> Vec<String> {
    let mut keys: Vec<String> = table
        .pairs::<String, Value>()
        .filter_map(Result::ok)
        .map(|(key, _)| key)
        .collect();
    keys.sort();
    keys
}

/// Starts an engine with no mod and reads the registered names.
pub fn spec_reference() -> Result<SpecReference, String> {
    let engine = Engine::new(&LoadRequest::default())?;
    let sim = sim_api(&engine).map_err(|e| e.to_string())?;
    let (_, lib) = install_api(&engine, &sim, "busted").map_err(|e| e.to_string())?;
    let read = |space: &str| -> Result<Vec<String>, String> {
        let namespace: Table = lib.get("namespace").map_err(|e| e.to_string())?;
        let names: Table = namespace.get(space).map_err(|e| e.to_string())?;
        Ok(sorted_keys(&names))
    };
    let assertions = read("assertion")?;
    let modifiers = read("modifier")?;
    let matchers = read("matcher")?;
    let lua = &engine.sandbox.lua;
    let mineunit = lua.create_table().map_err(|e| e.to_string())?;
    let mut extra = MultiValue::new();
    extra.push_back(Value::Table(lib.clone()));
    extra.push_back(Value::Table(mineunit));
    engine
        .run_extension("mineunit_assert.lua", MINEUNIT_ASSERTIONS, extra)
        .map_err(|e| e.to_string())?;
    let mineunit_assertions = read("assertion")?
        .into_iter()
        .filter(|name| !assertions.contains(name) || name == "table")
        .collect();
    Ok(SpecReference {
        sim: sim_functions(),
        assertions,
        modifiers,
        matchers,
        mineunit_assertions,
    })
}
