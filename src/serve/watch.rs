//! File events from the watched mods (notify, grouped per save by the
//! debouncer), turned into "these mods changed". Events alone are not
//! trusted: reading a file (the checks, the server) raises some too, so a
//! mod counts as changed only when its files' sizes or times changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long a burst of events (an editor's save) is waited out.
pub const SETTLE: Duration = Duration::from_millis(60);

/// Watches the mods' folders; dropping it stops watching.
pub struct ModWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    events: Receiver<DebounceEventResult>,
    /// Canonical folder → mod name.
    roots: Vec<(PathBuf, String)>,
    /// Each mod's files as last seen.
    seen: BTreeMap<String, Fingerprint>,
}

/// Paths, sizes and modification times of a mod's files.
type Fingerprint = Vec<(PathBuf, u64, Option<std::time::SystemTime>)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if is_noise(&path) {
                continue;
            }
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => stack.push(path),
                Ok(meta) => found.push((path, meta.len(), meta.modified().ok())),
                Err(_) => {}
            }
        }
    }
    found.sort();
    found
}

impl ModWatcher {
    pub fn new(mods: &BTreeMap<String, PathBuf>) -> notify_debouncer_mini::notify::Result<Self> {
        let (sender, events) = channel();
        let mut debouncer = new_debouncer(SETTLE, sender)?;
        let mut roots = Vec::new();
        for (name, dir) in mods {
            let canonical = dir.canonicalize().unwrap_or_else(|_| dir.clone());
            debouncer
                .watcher()
                .watch(&canonical, RecursiveMode::Recursive)?;
            roots.push((canonical, name.clone()));
        }
        let seen = roots
            .iter()
            .map(|(root, name)| (name.clone(), fingerprint(root)))
            .collect();
        Ok(ModWatcher {
            _debouncer: debouncer,
            events,
            roots,
            seen,
        })
    }

    /// The mods changed since the last call, waiting at most `timeout`.
    pub fn changed(&mut self, timeout: Duration) -> BTreeSet<String> {
        let mut changed = BTreeSet::new();
        let Ok(first) = self.events.recv_timeout(timeout) else {
            return changed;
        };
        for batch in std::iter::once(first).chain(self.events.try_iter()) {
            for event in batch.into_iter().flatten() {
                if is_noise(&event.path) {
                    continue;
                }
                if let Some((_, name)) = self
                    .roots
                    .iter()
                    .find(|(root, _)| event.path.starts_with(root))
                {
                    changed.insert(name.clone());
                }
            }
        }
        changed.retain(|name| {
            let Some((root, _)) = self.roots.iter().find(|(_, n)| n == name) else {
                return false;
            };
            let now = fingerprint(root);
            let differs = self.seen.get(name) != Some(&now);
            self.seen.insert(name.clone(), now);
            differs
        });
        changed
    }
}

/// Editor swap files and version control: not the mod's content.
fn is_noise(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == ".git")
        || path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|name| {
                name.ends_with('~')
                    || name.ends_with(".swp")
                    || name.ends_with(".swx")
                    || name.starts_with(".#")
                    || name.starts_with(".goutputstream")
            })
}
