//! Compiled chunks shared by every engine of the process. `mtedu test`
//! starts one engine per mod (and per mineunit spec file), each compiling
//! the same Lua: mtedu's own (`lua/`, the test API) and the game's files;
//! `mtedu lint` compiles each file in its static pass while the engine
//! loads the same files beside it (`lint::front_end::luajit_compiles`).
//! The first compile of a chunk keeps its bytecode (debug information
//! kept: chunk name, lines, local names), and the next engines load that
//! instead of parsing again. The key is the chunk name and the whole
//! source text, so an edited file is compiled anew; only text that
//! compiled is kept, so a syntax error is always Lua's own, from the text.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use mlua::prelude::LuaChunkMode as ChunkMode;
use mlua::{Function, Lua};

/// The registry key of `string.dump` as the sandbox found it: a mod
/// replacing the global cannot change what is cached.
pub const DUMP_KEY: &str = "mtedu.string_dump";

/// Above this many bytes of sources and bytecode (a long `serve` session
/// recompiling edited files), the cache starts again empty.
const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Default)]
struct Cache {
    chunks: HashMap<(String, u64), Compiled>,
    bytes: usize,
}

struct Compiled {
    source: Vec<u8>,
    bytecode: Arc<Vec<u8>>,
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

fn key(name: &str, source: &[u8]) -> (String, u64) {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    (name.to_owned(), hasher.finish())
}

/// Compiles `source` (text only) as the chunk `name` (`@path` or
/// `=[mtedu]/file.lua`), from the bytecode of an earlier compile when the
/// process has one.
pub fn load_text(lua: &Lua, source: &[u8], name: &str) -> mlua::Result<Function> {
    let key = key(name, source);
    let cached = cache().lock().ok().and_then(|cache| {
        cache
            .chunks
            .get(&key)
            .filter(|compiled| compiled.source == source)
            .map(|compiled| compiled.bytecode.clone())
    });
    if let Some(bytecode) = cached
        && let Ok(function) = lua
            .load(bytecode.as_slice())
            .set_name(name)
            .set_mode(ChunkMode::Binary)
            .into_function()
    {
        return Ok(function);
    }
    let function = lua
        .load(source)
        .set_name(name)
        .set_mode(ChunkMode::Text)
        .into_function()?;
    if let Some(bytecode) = dumped(lua, &function)
        && let Ok(mut cache) = cache().lock()
    {
        let size = source.len() + bytecode.len();
        if cache.bytes + size > MAX_BYTES {
            *cache = Cache::default();
        }
        cache.bytes += size;
        let compiled = Compiled {
            source: source.to_vec(),
            bytecode: Arc::new(bytecode),
        };
        if let Some(replaced) = cache.chunks.insert(key, compiled) {
            cache.bytes -= replaced.source.len() + replaced.bytecode.len();
        }
    }
    Ok(function)
}

/// True when the process keeps bytecode for `source` as the chunk `name`.
#[cfg(test)]
pub(crate) fn holds(name: &str, source: &[u8]) -> bool {
    cache()
        .lock()
        .is_ok_and(|cache| cache.chunks.contains_key(&key(name, source)))
}

/// The bytecode of `function` with its debug information, through the
/// sandbox's own `string.dump` (a failure, out of memory say, only means
/// nothing is cached).
fn dumped(lua: &Lua, function: &Function) -> Option<Vec<u8>> {
    let dump: Function = lua.named_registry_value(DUMP_KEY).ok()?;
    let text: mlua::LuaString = dump.call((function.clone(), false)).ok()?;
    Some(text.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lua_with_dump() -> Lua {
        let lua = Lua::new();
        let dump: Function = lua
            .globals()
            .get::<mlua::Table>("string")
            .and_then(|string| string.get("dump"))
            .expect("string.dump");
        lua.set_named_registry_value(DUMP_KEY, dump)
            .expect("registry");
        lua
    }

    #[test]
    fn a_cached_chunk_runs_and_keeps_its_name_and_lines() {
        let source = b"local x = ...\nif x then error('line two ' .. x * 2) end";
        let name = "@/tmp/chunk_cache_test.lua";
        for round in 0..2 {
            let lua = lua_with_dump();
            let function = load_text(&lua, source, name).expect("compiles");
            let error = function.call::<()>(21).expect_err("raises");
            assert!(
                error
                    .to_string()
                    .contains("/tmp/chunk_cache_test.lua:2: line two 42"),
                "round {round}: {error}"
            );
            let cached = cache()
                .lock()
                .expect("cache")
                .chunks
                .contains_key(&key(name, source));
            assert!(cached, "round {round}: the bytecode is kept");
        }
    }

    #[test]
    fn an_edited_source_is_compiled_anew_and_a_syntax_error_is_luas() {
        let lua = lua_with_dump();
        let name = "@/tmp/chunk_cache_edited.lua";
        let first: i64 = load_text(&lua, b"return 1", name)
            .and_then(|f| f.call(()))
            .expect("runs");
        let second: i64 = load_text(&lua, b"return 2", name)
            .and_then(|f| f.call(()))
            .expect("runs");
        assert_eq!((first, second), (1, 2));
        for _ in 0..2 {
            let error = load_text(&lua, b"return +", name).expect_err("does not parse");
            assert!(error.to_string().contains("unexpected symbol"), "{error}");
        }
    }
}
