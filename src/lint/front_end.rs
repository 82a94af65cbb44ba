//! Running the Lua front-end (full_moon's tokenizer and parser, the scope
//! analysis and the rules over the tree) so that no file can crash mtedu.
//! Two faults are guarded against: deep nesting, which recurses deeper
//! than a thread's usual stack (the static pass runs on a thread with a
//! large one, and files LuaJIT refuses — it allows 200 levels — never
//! reach the parser), and a panic inside full_moon (a stray backtick hits
//! an `unreachable!`), which is caught and read as "does not parse"
//! ([`catching`], kept in `content` whose lesson reader lexes Lua too).

/// The stack of the thread running the static pass: reserved, not used,
/// until the recursion needs it.
pub const STACK_BYTES: usize = 512 * 1024 * 1024;

/// Runs `work` on a thread with a [`STACK_BYTES`] stack and gives its
/// result; a panic that escapes `work` is passed on.
pub fn on_big_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("mtedu-lint".to_owned())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, work)
            .expect("the lint thread starts");
        match thread.join() {
            Ok(value) => value,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// `work` on every item, on as many big-stack threads as the machine has
/// cores (parsing a game's files is the static pass's longest step);
/// results in the items' order.
pub fn map_on_big_stacks<I: Send, T: Send>(items: Vec<I>, work: impl Fn(I) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    if threads <= 1 {
        return items.into_iter().map(work).collect();
    }
    let count = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let next = || queue.lock().unwrap_or_else(|e| e.into_inner()).next();
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .name("mtedu-lint".to_owned())
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, || {
                        let mut out = Vec::new();
                        while let Some((index, item)) = next() {
                            out.push((index, work(item)));
                        }
                        out
                    })
                    .expect("a lint thread starts")
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    debug_assert_eq!(done.len(), count);
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, value)| value).collect()
}

pub use crate::content::catching;

/// LuaJIT's limit of syntax levels (`LJ_MAX_XLEVEL`).
pub const MAX_LEVELS: usize = 200;

/// The deepest nesting of brackets in `source`, counted roughly (strings
/// and comments included): enough to keep a file that does not compile
/// away from full_moon's recursion when it is absurdly deep.
pub fn bracket_depth(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for byte in source.bytes() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// True when LuaJIT compiles `source`: then its nesting is within
/// LuaJIT's 200 levels, shallow enough for full_moon on the lint thread.
/// One bare Lua state per thread compiles every file that thread reads:
/// making a state per file cost more than compiling a small one. A file
/// named by its path is compiled through the process's chunk cache as the
/// engine names it (`@path`), so that the load running beside the static
/// pass reads the bytecode instead of compiling the file again (or this
/// reads the load's).
pub fn luajit_compiles(source: &str, path: Option<&std::path::Path>) -> bool {
    thread_local! {
        static COMPILER: Option<mlua::Lua> = bare_compiler();
    }
    COMPILER.with(|compiler| {
        compiler.as_ref().is_some_and(|lua| match path {
            Some(path) => crate::engine::chunk_cache::load_text(
                lua,
                source.as_bytes(),
                &format!("@{}", path.display()),
            )
            .is_ok(),
            None => lua
                .load(source)
                .set_mode(mlua::prelude::LuaChunkMode::Text)
                .into_function()
                .is_ok(),
        })
    })
}

/// A Lua state with only the string library, whose `string.dump` the
/// chunk cache keeps bytecode with.
fn bare_compiler() -> Option<mlua::Lua> {
    let lua = mlua::Lua::new_with(mlua::StdLib::STRING, mlua::LuaOptions::new()).ok()?;
    let dump: mlua::Function = lua
        .globals()
        .get::<mlua::Table>("string")
        .and_then(|string| string.get("dump"))
        .ok()?;
    lua.set_named_registry_value(crate::engine::chunk_cache::DUMP_KEY, dump)
        .ok()?;
    Some(lua)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_compiled_here_is_kept_for_the_engine_under_its_chunk_name() {
        let path = std::path::Path::new("/tmp/front_end_shared_compile/init.lua");
        let source = "local shared = 1\nreturn shared";
        assert!(luajit_compiles(source, Some(path)));
        assert!(crate::engine::chunk_cache::holds(
            "@/tmp/front_end_shared_compile/init.lua",
            source.as_bytes()
        ));
        // A file that does not compile is never kept: its error stays Lua's.
        assert!(!luajit_compiles("return +", Some(path)));
        assert!(!crate::engine::chunk_cache::holds(
            "@/tmp/front_end_shared_compile/init.lua",
            b"return +"
        ));
    }

    #[test]
    fn a_panic_is_caught_and_the_stack_is_large() {
        assert_eq!(catching(|| -> u8 { panic!("inside full_moon") }), None);
        assert_eq!(catching(|| 3), Some(3));
        // 100,000 frames of half a kilobyte each: far past a usual stack.
        fn deep(n: u32) -> u32 {
            let pad = std::hint::black_box([0u8; 512]);
            if n == 0 {
                u32::from(pad[0])
            } else {
                deep(n - 1) + u32::from(pad[1])
            }
        }
        assert_eq!(on_big_stack(|| deep(100_000)), 0);
    }
}
