//! The bridge from Lua to Rust: the functions the Lua side calls (`host.*`; not
//! to be confused with `crate::host`, this PC): logging, paths,
//! settings data, JSON, caller locations for strict globals, and file
//! loading confined to the enabled mods' folders.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use mlua::{Lua, Table, Value};

use super::builtin;
use super::facts::{AfterLoad, Facts};
use super::json::{json_to_lua, lua_to_json};
use super::version::EngineVersion;

/// One line the mods logged (core.log, print, strict-globals warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// `error`, `warning`, `action`, `info`, `verbose`, `deprecated`, `none` or `print`.
    pub level: String,
    pub text: String,
    /// The mod that was loading, if any.
    pub modname: Option<String>,
}

/// What the host functions read and write during a run.
#[derive(Debug, Default)]
pub struct HostState {
    pub log: Vec<LogLine>,
    /// Enabled mods and their folders.
    pub mod_paths: BTreeMap<String, PathBuf>,
    pub world_path: PathBuf,
    /// Values set for this run (the game's minetest.conf, presets).
    pub settings: BTreeMap<String, String>,
    /// The mod whose files are running, mirrored from the Lua side.
    pub current_mod: Option<String>,
    /// True while mods load: the engine then lets them write into mod folders.
    pub loading: bool,
    /// Files mods wrote into mod folders while loading, kept in memory so
    /// that mtedu never changes a pupil's (or the system's) files.
    pub overlay: BTreeMap<PathBuf, Vec<u8>>,
    /// The engine version simulated (its facts decide what exists).
    pub engine: EngineVersion,
    /// The game loaded, for `core.get_game_info`.
    pub game: Option<PathBuf>,
    /// Bytes mods wrote this run (world and overlay), against
    /// [`super::files::WRITE_CAP`].
    pub written: u64,
    /// The mods' Lua files the load compiled (init.lua, dofile, loadfile),
    /// resolved: lint judges only the files the game runs.
    pub ran_files: std::collections::BTreeSet<PathBuf>,
}

pub type SharedState = Rc<RefCell<HostState>>;

/// Builds the `host` table handed to `init.lua`.
pub fn create_host_table(lua: &Lua, state: &SharedState) -> mlua::Result<Table> {
    let host = lua.create_table()?;
    add_builtin_loading(lua, &host)?;
    add_clock_and_log(lua, &host, state)?;
    add_paths(lua, &host, state)?;
    add_engine_facts(lua, &host, state)?;
    add_json(lua, &host)?;
    add_mod_code(lua, &host, state)?;
    Ok(host)
}

/// `host.builtin_files`, `host.run_builtin`: mtedu's own Lua, in load order.
fn add_builtin_loading(lua: &Lua, host: &Table) -> mlua::Result<()> {
    host.set(
        "builtin_files",
        lua.create_function(|_, ()| {
            Ok(builtin::FILES
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>())
        })?,
    )?;
    host.set(
        "run_builtin",
        lua.create_function(
            |lua, (name, core, host, private): (String, Table, Table, Table)| {
                let source = builtin::FILES
                    .iter()
                    .find(|(file, _)| *file == name)
                    .map(|(_, source)| *source)
                    .ok_or_else(|| mlua::Error::RuntimeError(format!("no builtin file {name}")))?;
                super::chunk_cache::load_text(
                    lua,
                    source.as_bytes(),
                    &format!("=[mtedu]/{name}.lua"),
                )?
                .call::<()>((core, host, private))
            },
        )?,
    )?;
    Ok(())
}

/// `host.us_time` (since the table was made) and `host.log`.
fn add_clock_and_log(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
    let started = Instant::now();
    host.set(
        "us_time",
        lua.create_function(move |_, ()| Ok(started.elapsed().as_micros() as f64))?,
    )?;
    let log_state = state.clone();
    host.set(
        "log",
        lua.create_function(move |_, (level, text): (String, String)| {
            let mut state = log_state.borrow_mut();
            let modname = state.current_mod.clone();
            state.log.push(LogLine {
                level,
                text,
                modname,
            });
            Ok(())
        })?,
    )?;
    Ok(())
}

/// `host.modpath`, `host.modnames`, `host.worldpath`.
fn add_paths(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
    let paths = state.clone();
    host.set(
        "modpath",
        lua.create_function(move |_, name: String| {
            Ok(paths
                .borrow()
                .mod_paths
                .get(&name)
                .map(|p| p.display().to_string()))
        })?,
    )?;
    let names = state.clone();
    host.set(
        "modnames",
        lua.create_function(move |_, ()| {
            Ok(names.borrow().mod_paths.keys().cloned().collect::<Vec<_>>())
        })?,
    )?;
    let world = state.clone();
    host.set(
        "worldpath",
        lua.create_function(move |_, ()| Ok(world.borrow().world_path.display().to_string()))?,
    )?;
    Ok(())
}

/// The facts of the target engine version: settings, game, version, methods, the `core` catalogue, libraries, globals, after-load rules.
fn add_engine_facts(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
    let settings = state.clone();
    host.set(
        "initial_settings",
        lua.create_function(move |_, ()| Ok(settings.borrow().settings.clone()))?,
    )?;
    let engine = state.borrow().engine;
    let game = state.borrow().game.clone();
    host.set(
        "game_info",
        lua.create_function(move |_, ()| Ok(game.as_deref().map(game_info)))?,
    )?;
    host.set(
        "engine_version",
        lua.create_function(move |_, ()| Ok(engine.short()))?,
    )?;
    host.set(
        "setting_defaults",
        lua.create_function(move |_, ()| Ok(Facts::of(engine).settings.clone()))?,
    )?;
    host.set(
        "class_methods",
        lua.create_function(move |_, class: String| {
            Ok(Facts::of(engine)
                .methods
                .get(&class)
                .map(|names| names.iter().cloned().collect::<Vec<_>>()))
        })?,
    )?;
    host.set(
        "version_methods",
        lua.create_function(move |_, class: String| {
            // name -> true (the target has it) or false (another version only).
            let mut methods = BTreeMap::new();
            for version in EngineVersion::ALL {
                for name in Facts::of(version).methods.get(&class).into_iter().flatten() {
                    let has = Facts::of(engine).has_method(&class, name);
                    methods.insert(name.clone(), has);
                }
            }
            Ok(methods)
        })?,
    )?;
    host.set(
        "mapgen_settings_text",
        lua.create_function(|_, ()| Ok(builtin::MAPGEN_SETTINGS_5_6_1))?,
    )?;
    // The engine keeps noise parameters as C floats.
    host.set(
        "to_f32",
        lua.create_function(|_, value: f64| Ok(f64::from(value as f32)))?,
    )?;
    host.set(
        "objectref_methods",
        lua.create_function(move |_, ()| {
            Ok(Facts::of(engine).methods["ObjectRef"]
                .iter()
                .cloned()
                .collect::<Vec<_>>())
        })?,
    )?;
    host.set(
        "catalogue",
        lua.create_function(move |_, ()| {
            Ok(catalogue_entries(engine)
                .map(|(name, kind)| vec![name.to_owned(), kind.to_owned()])
                .collect::<Vec<_>>())
        })?,
    )?;
    host.set(
        "library_entries",
        lua.create_function(move |_, ()| {
            Ok(Facts::of(engine)
                .libraries
                .iter()
                .map(|(lib, entries)| (lib.clone(), entries.keys().cloned().collect::<Vec<_>>()))
                .collect::<BTreeMap<_, _>>())
        })?,
    )?;
    host.set(
        "globals",
        lua.create_function(move |_, ()| {
            Ok(Facts::of(engine)
                .globals
                .keys()
                .cloned()
                .collect::<Vec<_>>())
        })?,
    )?;
    host.set(
        "after_load_rule",
        lua.create_function(move |_, call: String| {
            // `(kind, message)`, or nothing when the call is allowed.
            Ok(match Facts::of(engine).after_load.get(&call) {
                Some(AfterLoad::Refused(message)) => (Some("refused"), Some(message.clone())),
                Some(AfterLoad::Warns(message)) => (Some("warns"), Some(message.clone())),
                Some(AfterLoad::Allowed) | None => (None, None),
            })
        })?,
    )?;
    Ok(())
}

/// `host.write_json`, `host.parse_json`.
fn add_json(lua: &Lua, host: &Table) -> mlua::Result<()> {
    host.set(
        "write_json",
        lua.create_function(|lua, (value, styled): (Value, bool)| {
            // The text becomes a Lua string: it must fit in the state's room.
            let room = super::limits::memory_room(lua) / 2;
            let json = lua_to_json(&value, room).map_err(|message| {
                if message == "not enough memory" {
                    mlua::Error::MemoryError(message)
                } else {
                    mlua::Error::RuntimeError(message)
                }
            })?;
            let text = if styled {
                serde_json::to_string_pretty(&json)
            } else {
                serde_json::to_string(&json)
            };
            text.map_err(|e| mlua::Error::RuntimeError(e.to_string()))
        })?,
    )?;
    host.set(
        "parse_json",
        lua.create_function(|lua, (text, nullvalue): (mlua::LuaString, Value)| {
            // The parsed tree takes up to some 16 bytes of Rust per byte
            // of text (`[0,0,…]`), outside the state's cap: reserve it.
            let text = text.as_bytes();
            super::limits::reserve(lua, text.len().saturating_mul(16))?;
            match serde_json::from_slice::<serde_json::Value>(&text) {
                Ok(json) => json_to_lua(lua, &json, &nullvalue),
                Err(_) => Ok(Value::Nil),
            }
        })?,
    )?;
    Ok(())
}

/// `host.caller_info`, `host.load_mod_file`, the file, codec and PNG functions.
fn add_mod_code(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
    host.set(
        "caller_info",
        lua.create_function(|lua, level: usize| {
            // Level 0 is this function, 1 the Lua code that called it.
            Ok(lua
                .inspect_stack(level + 1, |debug| {
                    let source = debug.source();
                    let what = source.what.to_owned();
                    let place = source
                        .source
                        .as_deref()
                        .and_then(|s| s.strip_prefix('@'))
                        .zip(debug.current_line())
                        .map(|(path, line)| format!("{path}:{line}"));
                    (what, place)
                })
                .unwrap_or_else(|| ("C".to_owned(), None)))
        })?,
    )?;
    let files = state.clone();
    host.set(
        "load_mod_file",
        lua.create_function(move |lua, path: String| {
            let allowed = files
                .borrow()
                .mod_paths
                .values()
                .cloned()
                .collect::<Vec<_>>();
            let loaded = load_mod_file(lua, Path::new(&path), &allowed)?;
            if matches!(loaded.0, Value::Function(_))
                && let Ok(resolved) = Path::new(&path).canonicalize()
            {
                files.borrow_mut().ran_files.insert(resolved);
            }
            Ok(loaded)
        })?,
    )?;
    super::files::add_file_functions(lua, host, state)?;
    add_codec_functions(lua, host)?;
    host.set(
        "encode_png",
        lua.create_function(
            |lua, (width, height, data, compression): (u32, u32, mlua::LuaString, u8)| {
                // The encoder's buffers and the result: about twice the pixels.
                let data = data.as_bytes();
                super::limits::reserve(lua, data.len().saturating_mul(2))?;
                let bytes = super::png::encode_rgba(width, height, &data, compression)
                    .map_err(mlua::Error::RuntimeError)?;
                lua.create_string(bytes)
            },
        )?,
    )?;
    Ok(())
}

/// `host.encode_base64`, `host.decode_base64`, `host.sha1`, `host.sha256`.
fn add_codec_functions(lua: &Lua, host: &Table) -> mlua::Result<()> {
    use base64::Engine as _;
    host.set(
        "encode_base64",
        lua.create_function(|lua, data: mlua::LuaString| {
            let data = data.as_bytes();
            super::limits::reserve(lua, data.len().div_ceil(3).saturating_mul(8))?;
            Ok(base64::engine::general_purpose::STANDARD_NO_PAD.encode(&*data))
        })?,
    )?;
    host.set(
        "decode_base64",
        lua.create_function(|lua, text: mlua::LuaString| {
            let text = text.as_bytes();
            super::limits::reserve(lua, text.len())?;
            let lenient = base64::engine::GeneralPurpose::new(
                &base64::alphabet::STANDARD,
                base64::engine::GeneralPurposeConfig::new()
                    .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
            );
            match lenient.decode(&*text) {
                Ok(bytes) => Ok(Value::String(lua.create_string(bytes)?)),
                Err(_) => Ok(Value::Nil),
            }
        })?,
    )?;
    host.set(
        "sha1",
        lua.create_function(|lua, (data, raw): (mlua::LuaString, Option<bool>)| {
            let digest = sha1_smol::Sha1::from(&*data.as_bytes()).digest();
            if raw.unwrap_or(false) {
                lua.create_string(digest.bytes())
            } else {
                lua.create_string(digest.to_string())
            }
        })?,
    )?;
    host.set(
        "sha256",
        lua.create_function(|lua, (data, raw): (mlua::BString, Option<bool>)| {
            use sha2::Digest as _;
            let digest = sha2::Sha256::digest(data.as_slice());
            if raw.unwrap_or(false) {
                lua.create_string(digest.as_slice())
            } else {
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                lua.create_string(hex)
            }
        })?,
    )?;
    Ok(())
}

/// What `core.get_game_info` says of a game folder: its id (the folder's
/// name), title and author from game.conf, and its path.
fn game_info(dir: &Path) -> BTreeMap<&'static str, String> {
    let conf = crate::content::ConfDoc::read(&dir.join("game.conf"));
    let value = |key: &str| {
        conf.as_ref()
            .and_then(|doc| doc.conf.get(key).map(|entry| entry.value.clone()))
            .unwrap_or_default()
    };
    let id = dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = Some(value("title"))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| id.clone());
    BTreeMap::from([
        ("id", id),
        ("title", title),
        ("author", value("author")),
        ("path", dir.display().to_string()),
    ])
}

/// `(name, type)` of every entry of the real core table of `engine`.
pub fn catalogue_entries(
    engine: EngineVersion,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    Facts::of(engine)
        .core
        .iter()
        .map(|entry| (entry.name.as_str(), entry.kind.as_str()))
}

/// The path, if it lies inside one of `roots` (after resolving `..` and links);
/// otherwise the engine's mod-security message.
pub fn confined(path: &Path, roots: &[PathBuf]) -> Result<PathBuf, String> {
    let blocked = || {
        format!(
            "Mod security: Blocked attempted read from {}",
            path.display()
        )
    };
    if !path.is_absolute() {
        return Err(blocked());
    }
    let resolved = path.canonicalize().map_err(|_| blocked())?;
    let inside = roots
        .iter()
        .filter_map(|root| canonical_root(root))
        .any(|root| resolved.starts_with(root));
    if inside { Ok(resolved) } else { Err(blocked()) }
}

/// Where a root folder (a mod's, the world's) really is, resolved once per
/// process: a game's load asks for every file it reads, against every
/// mod's folder, and each resolution is a system call per path part. Only
/// folders that resolve are remembered, so one made later is still found;
/// a root moved away while mtedu runs keeps its old place, which only
/// blocks more, never less.
fn canonical_root(root: &Path) -> Option<PathBuf> {
    static KNOWN: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<PathBuf, PathBuf>>,
    > = std::sync::OnceLock::new();
    /// More roots than any run has: a `serve` session that saw this many
    /// starts again.
    const MAX_ROOTS: usize = 4096;
    let known = KNOWN.get_or_init(Default::default);
    if let Some(found) = known.lock().ok().and_then(|k| k.get(root).cloned()) {
        return Some(found);
    }
    let resolved = root.canonicalize().ok()?;
    if let Ok(mut known) = known.lock() {
        if known.len() >= MAX_ROOTS {
            known.clear();
        }
        known.insert(root.to_path_buf(), resolved.clone());
    }
    Some(resolved)
}

/// `dofile`/`loadfile` for mod code: reads a Lua file of an enabled mod and
/// compiles it as text. Returns `(function)` or `(nil, message)`.
fn load_mod_file(
    lua: &Lua,
    path: &Path,
    allowed: &[PathBuf],
) -> mlua::Result<(Value, Option<String>)> {
    // A file that is not there, in a folder the mod may read: the engine
    // says so with the C library's words.
    let missing_in_allowed_folder = || {
        path.symlink_metadata().is_err()
            && path
                .parent()
                .is_some_and(|dir| confined(dir, allowed).is_ok())
    };
    let resolved = match confined(path, allowed) {
        Ok(resolved) => resolved,
        Err(_) if missing_in_allowed_folder() => {
            return Ok((
                Value::Nil,
                Some(format!("{}: No such file or directory", path.display())),
            ));
        }
        Err(message) => return Ok((Value::Nil, Some(message))),
    };
    let bytes = match crate::content::read_regular(&resolved) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Ok((
                Value::Nil,
                Some(format!(
                    "{}: {}",
                    path.display(),
                    super::files::io_message(&error)
                )),
            ));
        }
    };
    match super::failure::compile(lua, &bytes, path) {
        Ok(function) => Ok((Value::Function(function), None)),
        Err(failure) => Ok((Value::Nil, Some(failure.raw))),
    }
}
