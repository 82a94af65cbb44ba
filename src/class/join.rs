//! `mtedu class join URL --name alice [DIR]`, on a pupil's PC: the mod in
//! `DIR` zipped (`pack::zip_mod`) and pushed to the class PC at each save;
//! the class PC's answer is already in the pupil's language. A class PC
//! that does not answer is said so, and the next save tries again. The
//! key the class PC gives at the first push is kept in the home folder
//! and sent with every push (`keys.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::client::{ClientError, request};
use super::keys::{keep_pupil_key, pupil_key};
use crate::content::Workspace;
use crate::i18n::Lang;
use crate::serve::StopSignal;
use crate::serve::watch::ModWatcher;

/// How `join` runs.
#[derive(Debug, Clone)]
pub struct JoinOptions {
    pub url: String,
    pub name: String,
    pub code: String,
    pub dir: PathBuf,
    pub lang: Lang,
    /// Where this PC keeps its pupil keys (`keys.rs`; none: no home folder).
    pub keys_file: Option<PathBuf>,
}

/// What one push gave.
#[derive(Debug)]
pub enum Pushed {
    /// The class PC answered: its status, whether it stored the mod, its text.
    Answered {
        status: u16,
        ok: bool,
        text: String,
    },
    Unreachable(ClientError),
    /// The class PC gave this name's key, and it could not be kept here.
    KeyNotKept(PathBuf, std::io::Error),
    /// The mod could not be zipped here.
    NotZipped(crate::diag::Diagnostic),
}

/// Why `join` cannot start.
#[derive(Debug)]
pub enum JoinError {
    /// `DIR` holds no mod, or several.
    NotOneMod(PathBuf, usize),
}

/// The one mod in `dir`: its name and folder.
pub fn the_mod(dir: &Path) -> Result<(String, PathBuf), JoinError> {
    let workspace = Workspace::discover(&[dir.to_path_buf()]);
    let mods: Vec<_> = workspace.all_mods().collect();
    match mods.as_slice() {
        [one] => Ok((one.name.clone(), one.dir.clone())),
        other => Err(JoinError::NotOneMod(dir.to_path_buf(), other.len())),
    }
}

/// Zips the mod and pushes it once.
pub fn push(options: &JoinOptions, name: &str, dir: &Path) -> Pushed {
    let zip = match crate::pack::zip_mod(dir, name) {
        Ok(zip) => zip,
        Err(finding) => return Pushed::NotZipped(finding),
    };
    let key = options
        .keys_file
        .as_deref()
        .and_then(|file| pupil_key(file, &options.code, &options.name))
        .unwrap_or_default();
    let headers = [
        ("X-Mtedu-Pupil", options.name.as_str()),
        ("X-Mtedu-Code", options.code.as_str()),
        ("X-Mtedu-Pupil-Key", key.as_str()),
        ("X-Mtedu-Lang", options.lang.code()),
        ("Content-Type", "application/zip"),
    ];
    match request(
        &options.url,
        "POST",
        "/api/push",
        &headers,
        &zip,
        Duration::from_secs(30),
    ) {
        Ok((status, body)) => {
            let answer: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
            // The first push of this name: the key that makes the name this PC's.
            if let (Some(key), Some(file)) = (answer["key"].as_str(), &options.keys_file)
                && let Err(error) = keep_pupil_key(file, &options.code, &options.name, key)
            {
                return Pushed::KeyNotKept(file.clone(), error);
            }
            Pushed::Answered {
                status,
                ok: answer["ok"] == true,
                text: answer["text"].as_str().unwrap_or_default().to_owned(),
            }
        }
        Err(error) => Pushed::Unreachable(error),
    }
}

/// Pushes now, then after each save, until `stop`.
pub fn run_join(
    options: &JoinOptions,
    once: bool,
    stop: &StopSignal,
    say: &mut dyn FnMut(&Pushed),
) -> Result<bool, JoinError> {
    let (name, dir) = the_mod(&options.dir)?;
    let watched: BTreeMap<String, PathBuf> = [(name.clone(), dir.clone())].into();
    let mut watcher = ModWatcher::new(&watched).ok();
    let first = push(options, &name, &dir);
    say(&first);
    if once {
        return Ok(matches!(first, Pushed::Answered { ok: true, .. }));
    }
    while !stop.is_requested() {
        let changed = match watcher.as_mut() {
            Some(watcher) => !watcher.changed(Duration::from_millis(200)).is_empty(),
            None => {
                std::thread::sleep(Duration::from_secs(1));
                true
            }
        };
        if changed {
            say(&push(options, &name, &dir));
        }
    }
    Ok(true)
}
