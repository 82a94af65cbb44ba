//! What the server is pointed at: the embedded check of the watched mods,
//! links out of a pupil's folder refused, and the last good copies served
//! when the files are broken or refused.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::error::ServeError;
use super::super::{checker, links, snapshot};
use super::{Event, Session, freeze};
use crate::diag::Report;

impl Session {
    /// The embedded check of the watched mods; [`ServeError::Stopped`] as
    /// soon as a stop is asked for, even while the mods' code still runs.
    pub(super) fn check(&self) -> Result<checker::Checked, ServeError> {
        // A refused mod is checked as its last good copy (the server's).
        let mods: BTreeMap<String, PathBuf> = self
            .options
            .mods
            .iter()
            .filter_map(|(name, dir)| {
                if !self.refused.contains(name) {
                    return Some((name.clone(), dir.clone()));
                }
                let kept = self.layout.last_good.join(name);
                kept.is_dir().then(|| (name.clone(), kept))
            })
            .collect();
        checker::check_unless_stopped(
            &mods,
            &self.options.game,
            &self.host,
            self.engine,
            &self.options.stop,
        )
        .ok_or(ServeError::Stopped)?
        .map_err(|log| ServeError::StartFailed { log })
    }

    /// Looks for links out of each watched mod's folder (saved since the
    /// last look): each one found is told, and that mod served from its
    /// last good copy until its folder is clean again.
    pub(super) fn look_for_links(&mut self, on_event: &mut dyn FnMut(Event)) {
        for (name, dir) in &self.options.mods {
            let root = &self.roots[name];
            match links::link_out(dir, root) {
                Some(out) => {
                    self.refused.insert(name.clone());
                    // The server must not follow it, even before a restart.
                    let _ = snapshot::serve_from(&self.layout, name, root, false)
                        .map(|kept| kept || std::fs::remove_file(self.layout.link(name)).is_ok());
                    on_event(Event::LinkRefused {
                        mod_name: name.clone(),
                        link: out.link,
                        target: out.target,
                    });
                }
                None => {
                    self.refused.remove(name);
                }
            }
        }
    }

    /// After a check: keeps a copy of the `fresh` mods when the files are
    /// good, and points the server at the pupils' folders (good) or at the
    /// last good copies (always for a refused mod); an error when a mod
    /// has none yet.
    pub(super) fn point_links<'a>(
        &self,
        checked: &checker::Checked,
        fresh: impl IntoIterator<Item = &'a String>,
    ) -> Result<(), ServeError> {
        let good = !checked.has_errors();
        if good {
            for name in fresh {
                if !self.refused.contains(name) && self.options.mods.contains_key(name) {
                    snapshot::keep(&self.layout, name, &self.roots[name])?;
                }
            }
        }
        for name in self.options.mods.keys() {
            if self.switched_off.contains(name) {
                freeze::switch_off(&self.layout, name)?;
                continue;
            }
            let live = good && !self.refused.contains(name);
            if !snapshot::serve_from(&self.layout, name, &self.roots[name], live)? {
                return Err(ServeError::NoGoodVersion {
                    mod_name: name.clone(),
                });
            }
        }
        Ok(())
    }

    /// The event for files with errors (nothing goes to the server).
    pub(super) fn rejected<'a>(
        checked: &checker::Checked,
        names: impl IntoIterator<Item = &'a String>,
    ) -> Event {
        Event::Rejected {
            mod_name: names.into_iter().cloned().collect::<Vec<_>>().join(", "),
            report: Report::new(checked.report.diagnostics.clone()),
        }
    }
}
