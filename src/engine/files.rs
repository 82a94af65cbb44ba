//! File access for mod code, with the engine's mod-security rules: mods
//! read enabled mods' folders and the world; they write the world (not its
//! `worldmods/` or `game/`), and, while loading, their mod folders — those
//! writes stay in memory ([`super::lua_bridge::HostState::overlay`]).

use std::path::{Path, PathBuf};

use mlua::{Lua, Table};

use super::lua_bridge::{SharedState, confined};

enum WriteTarget {
    Disk(PathBuf),
    Overlay(PathBuf),
}

fn blocked(kind: &str, path: &Path) -> mlua::Error {
    mlua::Error::RuntimeError(format!(
        "Mod security: Blocked attempted {kind} {}",
        path.display()
    ))
}

/// Like [`confined`], for paths that may not exist yet: their folder must.
/// A path that exists (a link too, even a broken one) is judged by where
/// it really leads, as the engine's mod security does.
fn confined_existing_or_parent(path: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
    if let Ok(resolved) = confined(path, roots) {
        return Some(resolved);
    }
    if path.symlink_metadata().is_ok() {
        return None;
    }
    let dir = confined(path.parent()?, roots).ok()?;
    Some(dir.join(path.file_name()?))
}

fn write_target(state: &SharedState, path: &Path) -> mlua::Result<WriteTarget> {
    let state = state.borrow();
    let world = &state.world_path;
    if let Some(resolved) = confined_existing_or_parent(path, std::slice::from_ref(world))
        && !resolved.starts_with(world.join("worldmods"))
        && !resolved.starts_with(world.join("game"))
    {
        return Ok(WriteTarget::Disk(resolved));
    }
    if state.loading {
        let mods: Vec<PathBuf> = state.mod_paths.values().cloned().collect();
        if let Some(resolved) = confined_existing_or_parent(path, &mods) {
            return Ok(WriteTarget::Overlay(resolved));
        }
    }
    Err(blocked("write to", path))
}

fn read(state: &SharedState, path: &Path) -> mlua::Result<std::io::Result<Vec<u8>>> {
    let state = state.borrow();
    let mut roots: Vec<PathBuf> = state.mod_paths.values().cloned().collect();
    roots.push(state.world_path.clone());
    let resolved =
        confined_existing_or_parent(path, &roots).ok_or_else(|| blocked("read from", path))?;
    if let Some(bytes) = state.overlay.get(&resolved) {
        return Ok(Ok(bytes.clone()));
    }
    Ok(crate::content::read_regular(&resolved))
}

/// How much mod code may write in one run: enough for any real use, and a
/// stop for code that fills the disk (or, in the overlay, the memory).
pub const WRITE_CAP: u64 = 256 * 1024 * 1024;

fn write(state: &SharedState, path: &Path, content: &[u8], append: bool) -> mlua::Result<()> {
    {
        let mut state = state.borrow_mut();
        state.written += content.len() as u64;
        if state.written > WRITE_CAP {
            return Err(mlua::Error::RuntimeError(format!(
                "mtedu: the mods wrote more than {} MB of files in one run; \
                 the writing to {} was stopped to protect the disk",
                WRITE_CAP / (1024 * 1024),
                path.display()
            )));
        }
    }
    match write_target(state, path)? {
        WriteTarget::Overlay(resolved) => {
            let mut state = state.borrow_mut();
            let data = state.overlay.entry(resolved).or_default();
            if !append {
                data.clear();
            }
            data.extend_from_slice(content);
            Ok(())
        }
        WriteTarget::Disk(resolved) => {
            let mut data = if append {
                crate::content::read_regular(&resolved).unwrap_or_default()
            } else {
                Vec::new()
            };
            data.extend_from_slice(content);
            let temp = resolved.with_extension("mtedu-tmp");
            std::fs::write(&temp, &data)
                .and_then(|()| std::fs::rename(&temp, &resolved))
                .map_err(|e| {
                    mlua::Error::RuntimeError(format!("{}: {}", path.display(), io_message(&e)))
                })
        }
    }
}

/// The OS message without Rust's " (os error N)" suffix, like C's strerror.
pub(crate) fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

/// `os.remove`: a file or an empty folder the mod may write. In a mod
/// folder (while loading) only the in-memory copy goes: mtedu never deletes
/// a pupil's files.
fn remove(state: &SharedState, path: &Path) -> mlua::Result<std::io::Result<()>> {
    match write_target(state, path)? {
        WriteTarget::Disk(resolved) => Ok(if resolved.is_dir() {
            std::fs::remove_dir(&resolved)
        } else {
            std::fs::remove_file(&resolved)
        }),
        WriteTarget::Overlay(resolved) => {
            let in_memory = state.borrow_mut().overlay.remove(&resolved).is_some();
            Ok(if in_memory || resolved.exists() {
                Ok(())
            } else {
                Err(std::io::ErrorKind::NotFound.into())
            })
        }
    }
}

/// `os.rename`: both paths must be writable by the mod.
fn rename(state: &SharedState, from: &Path, to: &Path) -> mlua::Result<std::io::Result<()>> {
    let source = write_target(state, from)?;
    let target = write_target(state, to)?;
    if let (WriteTarget::Disk(from), WriteTarget::Disk(to)) = (&source, &target) {
        return Ok(std::fs::rename(from, to));
    }
    let bytes = match read(state, from)? {
        Ok(bytes) => bytes,
        Err(error) => return Ok(Err(error)),
    };
    write(state, to, &bytes, false)?;
    remove(state, from)
}

/// `core.mkdir`: folders (and their parents) where the mod may write.
fn mkdir(state: &SharedState, path: &Path) -> mlua::Result<bool> {
    // The folders that are not there yet are judged by the nearest one
    // that is; a `..` among them could lead anywhere.
    let mut existing = path;
    while existing.symlink_metadata().is_err() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => break,
        }
    }
    let rest = path.strip_prefix(existing).unwrap_or(Path::new(""));
    if rest
        .components()
        .any(|part| !matches!(part, std::path::Component::Normal(_)))
    {
        return Err(blocked("write to", path));
    }
    let target = match write_target(state, existing).map_err(|_| blocked("write to", path))? {
        WriteTarget::Disk(resolved) => WriteTarget::Disk(resolved.join(rest)),
        WriteTarget::Overlay(resolved) => WriteTarget::Overlay(resolved.join(rest)),
    };
    match target {
        WriteTarget::Disk(resolved) => Ok(std::fs::create_dir_all(resolved).is_ok()),
        // A folder in a mod folder while loading: nothing is made on disk.
        WriteTarget::Overlay(_) => Ok(true),
    }
}

/// `core.get_dir_list`: the names in a folder the mod may read, sorted
/// (the engine gives the file system's order); `Some(true)` only folders,
/// `Some(false)` only files. A folder that is not there gives no names.
fn dir_list(state: &SharedState, path: &Path, dirs: Option<bool>) -> mlua::Result<Vec<String>> {
    let resolved = {
        let state = state.borrow();
        let mut roots: Vec<PathBuf> = state.mod_paths.values().cloned().collect();
        roots.push(state.world_path.clone());
        confined_existing_or_parent(path, &roots).ok_or_else(|| blocked("read from", path))?
    };
    let mut names: Vec<String> = std::fs::read_dir(&resolved)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            let is_dir = entry.path().is_dir();
            dirs.is_none_or(|want| want == is_dir)
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// `Settings(path)`: the entries of a settings file the mod may read; a
/// file that is not there yet gives none (mods create their config so).
fn settings_file(
    state: &SharedState,
    path: &Path,
) -> mlua::Result<std::collections::BTreeMap<String, String>> {
    let bytes = read(state, path)?.unwrap_or_default();
    let conf = crate::content::ConfFile::parse_bytes(&bytes);
    Ok(conf
        .entries
        .into_iter()
        .map(|entry| (entry.key, entry.value))
        .collect())
}

/// `(true)` or the C library's `(nil, "path: message", code)`.
fn io_result(
    path: &Path,
    result: std::io::Result<()>,
) -> (Option<bool>, Option<String>, Option<i32>) {
    match result {
        Ok(()) => (Some(true), None, None),
        Err(error) => (
            None,
            Some(format!("{}: {}", path.display(), io_message(&error))),
            error.raw_os_error().or(Some(2)),
        ),
    }
}

/// Adds `host.read_file`, `host.read_file_for_write`, `host.check_write`,
/// `host.write_file`, `host.remove_file`, `host.rename_file`, `host.mkdir`,
/// `host.dir_list`, `host.path_exists` and `host.read_settings_file`.
pub fn add_file_functions(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
    let remover = state.clone();
    host.set(
        "remove_file",
        lua.create_function(move |_, path: String| {
            let path = Path::new(&path);
            Ok(io_result(path, remove(&remover, path)?))
        })?,
    )?;
    let renamer = state.clone();
    host.set(
        "rename_file",
        lua.create_function(move |_, (from, to): (String, String)| {
            let from = Path::new(&from);
            Ok(io_result(from, rename(&renamer, from, Path::new(&to))?))
        })?,
    )?;
    let maker = state.clone();
    host.set(
        "mkdir",
        lua.create_function(move |_, path: String| mkdir(&maker, Path::new(&path)))?,
    )?;
    let lister = state.clone();
    host.set(
        "dir_list",
        lua.create_function(move |_, (path, dirs): (String, Option<bool>)| {
            dir_list(&lister, Path::new(&path), dirs)
        })?,
    )?;
    let settings = state.clone();
    host.set(
        "read_settings_file",
        lua.create_function(move |_, path: String| settings_file(&settings, Path::new(&path)))?,
    )?;
    let reader = state.clone();
    host.set(
        "read_file",
        lua.create_function(move |_, path: String| {
            let path = Path::new(&path);
            Ok(match read(&reader, path)? {
                Ok(bytes) => (Some(mlua::BString::from(bytes)), None, None),
                Err(error) => (
                    None,
                    Some(format!("{}: {}", path.display(), io_message(&error))),
                    error.raw_os_error(),
                ),
            })
        })?,
    )?;
    let checker = state.clone();
    host.set(
        "check_write",
        lua.create_function(move |_, path: String| {
            write_target(&checker, Path::new(&path)).map(|_| ())
        })?,
    )?;
    let for_write = state.clone();
    host.set(
        "read_file_for_write",
        lua.create_function(move |_, path: String| {
            let path = Path::new(&path);
            write_target(&for_write, path)?;
            Ok(read(&for_write, path)?.ok().map(mlua::BString::from))
        })?,
    )?;
    let checker = state.clone();
    host.set(
        "path_exists",
        lua.create_function(move |_, path: String| {
            let path = Path::new(&path);
            let state = checker.borrow();
            let mut roots: Vec<PathBuf> = state.mod_paths.values().cloned().collect();
            roots.push(state.world_path.clone());
            let resolved = confined_existing_or_parent(path, &roots)
                .ok_or_else(|| blocked("read from", path))?;
            Ok(resolved.exists() || state.overlay.contains_key(&resolved))
        })?,
    )?;
    let writer = state.clone();
    host.set(
        "write_file",
        lua.create_function(
            move |_, (path, content, append): (String, mlua::BString, bool)| {
                write(&writer, Path::new(&path), &content, append)
            },
        )?,
    )?;
    Ok(())
}
