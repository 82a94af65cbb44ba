//! A LuaJIT state shaped like the engine's mod security: Lua 5.1 base,
//! `string`, `table`, `math`, `bit`, `coroutine`, a `jit` that cannot be
//! switched back on, the parts of `os`, `debug` and `package` the engine
//! leaves to mods (`lua/sandbox_stdlib.lua`), no `io` (the world layer adds
//! a confined one, with `os.remove`/`os.rename`), `string.dump` (as in the
//! engine) but no loading of bytecode, and `require` failing like the
//! engine's.

use mlua::{Lua, LuaOptions, StdLib, Value};

use super::limits::{Budget, Limits};

/// The engine's error for `require` with mod security on.
pub const REQUIRE_DISABLED: &str = "require() is disabled when mod security is on.";
/// The engine's error for loading bytecode with mod security on.
pub const BYTECODE_PROHIBITED: &str = "Bytecode prohibited when mod security is enabled.";

/// A sandboxed Lua state with its limits.
pub struct Sandbox {
    pub lua: Lua,
    pub budget: Budget,
    /// The limits it was built with (the time of a budget armed for
    /// mtedu's own Lua, see `Engine::run_extension`).
    pub limits: Limits,
}

impl Sandbox {
    /// Builds the state; fails only if LuaJIT itself cannot start.
    pub fn new(limits: &Limits) -> mlua::Result<Sandbox> {
        let libs = StdLib::TABLE
            | StdLib::STRING
            | StdLib::MATH
            | StdLib::BIT
            | StdLib::OS
            | StdLib::JIT
            | StdLib::DEBUG;
        // SAFETY: `debug` is the only unsafe library loaded, and
        // `trim_globals` replaces it at once by the engine's subset (getinfo,
        // traceback, upvalueid, and a sethook that cannot remove the budget's
        // hook); no mod code runs before.
        let lua = unsafe { Lua::unsafe_new_with(libs, LuaOptions::new()) };
        trim_globals(&lua)?;
        // Kept before any mod runs: a mod replacing `xpcall` cannot change
        // how mtedu's calls end (`failure::call_traced`).
        let xpcall: mlua::Function = lua.globals().raw_get("xpcall")?;
        lua.set_named_registry_value(super::failure::XPCALL_KEY, xpcall)?;
        let budget = Budget::install(&lua)?;
        lua.set_memory_limit(limits.memory)?;
        lua.set_app_data(super::limits::MemoryCap(limits.memory));
        Ok(Sandbox {
            lua,
            budget,
            limits: *limits,
        })
    }
}

fn trim_globals(lua: &Lua) -> mlua::Result<()> {
    let globals = lua.globals();
    // Kept before any mod runs, for the compiled chunks shared by engines.
    let dump: mlua::Function = globals.get::<mlua::Table>("string")?.get("dump")?;
    lua.set_named_registry_value(super::chunk_cache::DUMP_KEY, dump)?;
    // The hook cannot see inside JIT-compiled traces: run everything interpreted.
    let jit: mlua::Table = globals.get("jit")?;
    lua.load("local jit = ... jit.off() jit.flush()")
        .call::<()>(jit.clone())?;
    lua.load(
        "local jit = ... jit.on = function() error('jit.on is disabled: mtedu runs mod code \
         without the JIT so that it can stop endless loops', 2) end",
    )
    .call::<()>(jit.clone())?;
    // The engine's mod security keeps only these of `jit`; `jit.attach`
    // in particular registers callbacks LuaJIT runs where no hook can
    // stop them.
    const SAFE_JIT: [&str; 9] = [
        "arch",
        "flush",
        "off",
        "on",
        "opt",
        "os",
        "status",
        "version",
        "version_num",
    ];
    let names: Vec<String> = jit
        .pairs::<String, Value>()
        .map(|pair| pair.map(|(name, _)| name))
        .collect::<mlua::Result<_>>()?;
    for name in names {
        if !SAFE_JIT.contains(&name.as_str()) {
            jit.raw_set(name, Value::Nil)?;
        }
    }
    let os: mlua::Table = globals.get("os")?;
    let safe_os = lua.create_table()?;
    for name in ["clock", "date", "time", "difftime"] {
        safe_os.set(name, os.get::<Value>(name)?)?;
    }
    globals.set("os", safe_os.clone())?;
    let debug: mlua::Table = globals.get("debug")?;
    lua.load(include_str!("lua/sandbox_stdlib.lua"))
        .set_name("=[mtedu sandbox]")
        .call::<()>((debug, os, safe_os))?;
    for name in ["dofile", "loadfile", "module", "gcinfo", "newproxy"] {
        globals.set(name, Value::Nil)?;
    }
    lua.load(include_str!("lua/sandbox_load.lua"))
        .set_name("=[mtedu sandbox]")
        .call::<()>((BYTECODE_PROHIBITED, REQUIRE_DISABLED))?;
    Ok(())
}
