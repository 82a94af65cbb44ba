//! The Lua dialect the engine runs, for every pass that tokenizes or parses
//! Lua (lint, lesson checks' `describe` names).

use full_moon::LuaVersion;

/// The Lua the engine runs: LuaJIT, which also has Lua 5.2's `goto`.
pub fn lua_version() -> LuaVersion {
    LuaVersion::lua52().with_luajit()
}
