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

/// Adds `host.read_file`, `host.read_file_for_write`, `host.check_write`
/// and `host.write_file`.
pub fn add_file_functions(lua: &Lua, host: &Table, state: &SharedState) -> mlua::Result<()> {
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
