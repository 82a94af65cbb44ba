//! Several pupils at once. One server loads each mod name once, so when
//! pupils write the same mod (the normal class case) each pupil gets a
//! world and a server of their own, on ports `first_port`, `+1`…
//! ([`Class`]); one shared world works when the mod names differ.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::ServeError;
use super::session::{ChatText, Event, ServeOptions, Session};
use super::watch::ModWatcher;
use crate::content::Workspace;
use crate::host::Host;

/// Mods by name; [`ServeError::SameName`] naming the folders of the first
/// name found twice.
pub fn mods_by_name(
    mods: impl IntoIterator<Item = (String, PathBuf)>,
) -> Result<BTreeMap<String, PathBuf>, ServeError> {
    let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for (name, dir) in mods {
        let folders = found.entry(name).or_default();
        if !folders.contains(&dir) {
            folders.push(dir);
        }
    }
    if let Some((name, folders)) = found.iter().find(|(_, folders)| folders.len() > 1) {
        return Err(ServeError::SameName {
            mod_name: name.clone(),
            folders: folders.clone(),
        });
    }
    Ok(found
        .into_iter()
        .map(|(name, mut folders)| (name, folders.remove(0)))
        .collect())
}

/// The mods found in `paths`, by name ([`mods_by_name`]).
pub fn mods_in(paths: &[PathBuf]) -> Result<BTreeMap<String, PathBuf>, ServeError> {
    let workspace = Workspace::discover(paths);
    mods_by_name(
        workspace
            .all_mods()
            .map(|m| (m.name.clone(), m.dir.clone())),
    )
}

/// `serve --per-pupil`: each path is a pupil's folder (named after it),
/// with at least one mod.
pub fn pupils_of(paths: &[PathBuf]) -> Result<Vec<Pupil>, ServeError> {
    let mut pupils = Vec::new();
    for path in paths {
        let mods = mods_in(std::slice::from_ref(path))?;
        if mods.is_empty() {
            return Err(ServeError::NoMods);
        }
        pupils.push(Pupil {
            name: crate::content::pupil_name(path),
            mods,
        });
    }
    Ok(pupils)
}

/// One pupil: a name (their folder's) and the mods found in it.
#[derive(Debug, Clone)]
pub struct Pupil {
    pub name: String,
    pub mods: BTreeMap<String, PathBuf>,
}

/// One pupil's server in a [`Class`].
pub struct PupilServer {
    pub pupil: String,
    pub port: u16,
    pub session: Session,
    watcher: ModWatcher,
}

/// One server per pupil, each on its own world (`<worlds>/<pupil>`).
pub struct Class {
    pub servers: Vec<PupilServer>,
}

impl Class {
    /// Starts a server for each pupil: `template` gives the program, game,
    /// preset, address and teacher; world, port and mods are each pupil's.
    /// Servers already started are stopped when one fails.
    pub fn start(
        pupils: &[Pupil],
        template: &ServeOptions,
        worlds: &Path,
        first_port: u16,
        host: &Host,
        chat: &dyn Fn() -> ChatText,
        on_event: &mut dyn FnMut(&str, Event),
    ) -> Result<Class, ServeError> {
        let mut names = BTreeSet::new();
        if let Some(twice) = pupils.iter().find(|p| !names.insert(p.name.as_str())) {
            return Err(ServeError::SamePupil {
                pupil: twice.name.clone(),
            });
        }
        let mut class = Class {
            servers: Vec::new(),
        };
        for (index, pupil) in pupils.iter().enumerate() {
            let port = first_port
                .checked_add(index as u16)
                .ok_or(ServeError::NoPort)?;
            let options = ServeOptions {
                world: worlds.join(&pupil.name),
                port,
                mods: pupil.mods.clone(),
                ..template.clone()
            };
            let watcher = ModWatcher::new(&pupil.mods).map_err(|error| ServeError::Io {
                path: worlds.to_path_buf(),
                error: std::io::Error::other(error.to_string()),
            })?;
            let session = match Session::start(options, host.clone(), chat(), &mut |event| {
                on_event(&pupil.name, event)
            }) {
                Ok(session) => session,
                Err(error) => {
                    class.stop(&mut |_, _| {});
                    return Err(error);
                }
            };
            class.servers.push(PupilServer {
                pupil: pupil.name.clone(),
                port,
                session,
                watcher,
            });
        }
        Ok(class)
    }

    /// Each pupil's name and port.
    pub fn ports(&self) -> Vec<(String, u16)> {
        self.servers
            .iter()
            .map(|server| (server.pupil.clone(), server.port))
            .collect()
    }

    /// Handles each pupil's saves (reloads) and server events, waiting
    /// about `wait` in all.
    pub fn step(&mut self, wait: Duration, on_event: &mut dyn FnMut(&str, Event)) {
        let each = wait / self.servers.len().max(1) as u32;
        for server in &mut self.servers {
            let pupil = server.pupil.clone();
            let mut tell = |event| on_event(&pupil, event);
            let changed = server.watcher.changed(each);
            if !changed.is_empty() {
                if server.session.is_serving() {
                    server.session.reload(&changed, &mut tell);
                } else {
                    server.session.retry(&mut tell);
                }
            }
            server.session.poll(&mut tell);
        }
    }

    /// Stops every server cleanly (each world is saved).
    pub fn stop(self, on_event: &mut dyn FnMut(&str, Event)) {
        for server in self.servers {
            let pupil = server.pupil;
            server.session.stop(&mut |event| on_event(&pupil, event));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_mod_in_two_folders_is_refused_with_both_folders() {
        let clash = mods_by_name([
            ("first_block".to_owned(), PathBuf::from("alice/first_block")),
            ("first_block".to_owned(), PathBuf::from("bob/first_block")),
            ("other".to_owned(), PathBuf::from("bob/other")),
        ]);
        match clash {
            Err(ServeError::SameName { mod_name, folders }) => {
                assert_eq!(mod_name, "first_block");
                assert_eq!(folders.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn different_names_share_one_world() {
        let mods = mods_by_name([
            ("a".to_owned(), PathBuf::from("alice/a")),
            ("b".to_owned(), PathBuf::from("bob/b")),
        ])
        .unwrap();
        assert_eq!(mods.len(), 2);
    }
}
