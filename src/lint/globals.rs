//! Which global names a mod's code may use: Lua's and the engine's own (as
//! the real 5.6.1 server has them), the mod's own globals, its
//! dependencies' globals, and what its `.luacheckrc` declares.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::content::ModInfo;
use crate::engine::EngineVersion;
use crate::engine::facts::Facts;

use super::files::lua_files;
use super::scope::{Analysis, GlobalAccess, analyse};
use crate::content::lua_version;

/// Globals of the real server's Lua environment (5.6.1).
pub fn engine_globals() -> BTreeSet<String> {
    engine_globals_of(EngineVersion::default())
}

/// Globals of the Lua environment of `engine`'s real server.
pub fn engine_globals_of(engine: EngineVersion) -> BTreeSet<String> {
    Facts::of(engine).globals.keys().cloned().collect()
}

/// Fields of the real server's `core` table (5.6.1).
pub fn api_names() -> BTreeSet<String> {
    api_names_of(EngineVersion::default())
}

/// Fields of the `core` table of `engine`'s real server.
pub fn api_names_of(engine: EngineVersion) -> BTreeSet<String> {
    Facts::of(engine)
        .core
        .iter()
        .map(|entry| entry.name.clone())
        .collect()
}

/// Parses a Lua file; `None` when it does not compile.
pub fn analyse_file(path: &Path) -> Option<(String, Analysis)> {
    let bytes = crate::content::read_regular(path).ok()?;
    analyse_source(String::from_utf8_lossy(&bytes).into_owned())
}

/// Parses Lua source; `None` when it does not compile.
/// Run it on [`super::front_end::on_big_stack`]: full_moon recurses.
pub fn analyse_source(source: String) -> Option<(String, Analysis)> {
    parse_source(source, None)
        .ok()
        .map(|(source, _, analysis)| (source, analysis))
}

/// Parses Lua source (of the file `path`, when it is one) and keeps the
/// tree for the rules that read it; the source back when it does not
/// compile. Run it on the big stack too.
pub fn parse_source(
    source: String,
    path: Option<&Path>,
) -> Result<(String, full_moon::ast::Ast, Analysis), String> {
    if !super::front_end::luajit_compiles(&source, path) {
        return Err(source);
    }
    let parsed = super::front_end::catching(|| {
        let ast = full_moon::parse_fallible(&source, lua_version());
        if !ast.errors().is_empty() {
            return None;
        }
        let ast = ast.into_ast();
        let analysis = analyse(ast.nodes());
        Some((ast, analysis))
    })
    .flatten();
    match parsed {
        Some((ast, analysis)) => Ok((source, ast, analysis)),
        None => Err(source),
    }
}

/// The `dofile` calls full_moon recovers from a file that does not
/// compile, so that the files it loads are still followed.
/// A file nested deeper than LuaJIT allows is not parsed (full_moon
/// recurses once a level), and a full_moon panic gives no includes.
pub fn includes_of_broken(source: &str) -> Vec<super::includes::Include> {
    if super::front_end::bracket_depth(source) > super::front_end::MAX_LEVELS {
        return Vec::new();
    }
    super::front_end::catching(|| {
        let ast = full_moon::parse_fallible(source, lua_version());
        analyse(ast.ast().nodes()).includes
    })
    .unwrap_or_default()
}

/// What a mod defines for others: global names it assigns and fields it
/// adds to `minetest`/`core`.
#[derive(Debug, Default, Clone)]
pub struct Exports {
    pub globals: BTreeSet<String>,
    pub api_fields: BTreeSet<String>,
}

/// The exports of one mod, from all its Lua files.
pub fn exports_of(info: &ModInfo) -> Exports {
    let mut exports = Exports::default();
    for file in lua_files(&info.dir) {
        if let Some((_, analysis)) = analyse_file(&file) {
            add_exports(&analysis, &mut exports);
        }
    }
    exports
}

/// Adds what `analysis` assigns globally to `exports`.
pub fn add_exports(analysis: &Analysis, exports: &mut Exports) {
    for global in &analysis.globals {
        if global.access == GlobalAccess::Write {
            exports.globals.insert(global.name.clone());
        }
        // `_G.x = …` defines the global x.
        if global.name == "_G"
            && let Some((field, _, _, true)) = &global.field
        {
            exports.globals.insert(field.clone());
        }
        if (global.name == "minetest" || global.name == "core")
            && let Some((field, _, _, true)) = &global.field
        {
            exports.api_fields.insert(field.clone());
        }
    }
}

/// Exports of `name` and of everything it depends on, transitively.
pub fn visible_exports(
    name: &str,
    pool: &BTreeMap<String, ModInfo>,
    cache: &mut BTreeMap<String, Exports>,
) -> Exports {
    let mut result = Exports::default();
    let mut seen = BTreeSet::new();
    let mut todo = vec![name.to_owned()];
    while let Some(current) = todo.pop() {
        if !seen.insert(current.clone()) {
            continue;
        }
        let Some(info) = pool.get(&current) else {
            continue;
        };
        let exports = cache
            .entry(current.clone())
            .or_insert_with(|| exports_of(info))
            .clone();
        result.globals.extend(exports.globals);
        result.api_fields.extend(exports.api_fields);
        todo.extend(info.dependencies.iter().map(|d| d.name.clone()));
    }
    result
}

/// Globals a mod's `.luacheckrc` declares (`globals`, `read_globals`),
/// evaluated in the sandbox; nothing when there is none or it fails.
pub fn luacheckrc_globals(mod_dir: &Path) -> BTreeSet<String> {
    let path = mod_dir.join(".luacheckrc");
    let Ok(source) = crate::content::read_regular(&path) else {
        return BTreeSet::new();
    };
    let limits = crate::engine::Limits {
        memory: 32 * 1024 * 1024,
        time: std::time::Duration::from_secs(1),
        ..Default::default()
    };
    let Ok(sandbox) = crate::engine::Sandbox::new(&limits) else {
        return BTreeSet::new();
    };
    let Ok(function) = crate::engine::failure::compile(&sandbox.lua, &source, &path) else {
        return BTreeSet::new();
    };
    sandbox.budget.arm(limits.time);
    let ran = crate::engine::failure::call_traced(&sandbox.lua, &function, mlua::MultiValue::new());
    if ran.is_err() {
        sandbox.budget.disarm();
        return BTreeSet::new();
    }
    // Read raw and still under the budget: the file may have given its
    // environment or its tables metamethods.
    let mut names = BTreeSet::new();
    let globals = sandbox.lua.globals();
    for key in ["globals", "read_globals"] {
        if let Ok(mlua::Value::Table(table)) = globals.raw_get::<mlua::Value>(key) {
            for pair in table.pairs::<mlua::Value, mlua::Value>().flatten() {
                match pair {
                    (mlua::Value::Integer(_), mlua::Value::String(name)) => {
                        names.insert(name.to_string_lossy())
                    }
                    (mlua::Value::String(name), _) => names.insert(name.to_string_lossy()),
                    _ => false,
                };
            }
        }
    }
    sandbox.budget.disarm();
    names
}
