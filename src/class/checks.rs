//! The dashboard's checks: each pupil's folder is checked (`mtedu check`
//! with the lesson's objectives) at the start and after each save, in a
//! thread of its own, so a slow check never holds up the game servers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use super::board::{Board, Checked, Goal, Problem, Texts};
use crate::diag::Severity;
use crate::host::Host;
use crate::i18n::{Lang, Localizer};
use crate::lint::LintOptions;
use crate::serve::watch::ModWatcher;

/// One pupil's folder and the mods in it.
#[derive(Debug, Clone)]
pub struct PupilFolder {
    pub pupil: String,
    pub dir: PathBuf,
    pub mods: BTreeMap<String, PathBuf>,
}

/// Every language's localizer, to give the page each text in each.
pub struct Localizers(Vec<(Lang, Localizer)>);

impl Default for Localizers {
    fn default() -> Self {
        Localizers(Lang::ALL.iter().map(|l| (*l, Localizer::new(*l))).collect())
    }
}

impl Localizers {
    fn texts(&self, key: &str, args: &[(&str, crate::diag::ArgValue)]) -> Texts {
        self.0
            .iter()
            .map(|(lang, localizer)| (lang.code(), localizer.text(key, args)))
            .collect()
    }
}

fn both(text: &crate::content::lesson_toml::Text) -> Texts {
    Lang::ALL
        .iter()
        .map(|lang| (lang.code(), text.get(*lang).to_owned()))
        .collect()
}

/// The findings of `folder` (what `mtedu check` prints), the objectives
/// left as `goals` (the previous ones): the row shows a fixed error before
/// the lesson's checks have run again.
pub fn check_findings(
    folder: &Path,
    options: &LintOptions,
    host: &Host,
    texts: &Localizers,
    goals: Vec<Goal>,
) -> Checked {
    let report = crate::check::check(&[folder.to_path_buf()], options, host);
    let root = crate::content::absolute(folder);
    let inside: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| crate::content::absolute(&d.path).starts_with(&root))
        .collect();
    let count = |severity| inside.iter().filter(|d| d.severity == severity).count();
    let first = inside
        .iter()
        .find(|d| d.severity == Severity::Error)
        .or_else(|| inside.iter().find(|d| d.severity == Severity::Warning));
    let problem = first.map(|d| Problem {
        error: d.severity == Severity::Error,
        file: crate::content::absolute(&d.path)
            .strip_prefix(&root)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| d.path.display().to_string()),
        line: d.span.map(|s| s.line),
        message: texts.texts(d.code.message_key(), &d.args),
        fix: texts.texts(&d.code.help_key(), &d.args),
    });
    let errors = count(Severity::Error);
    Checked {
        errors,
        warnings: count(Severity::Warning),
        problem,
        goals,
        broken: errors > 0,
    }
}

/// The lesson's objectives on the pupil's copy (the first mod that is
/// one), as `mtedu check` judges them: none met while the mod is broken.
pub fn check_goals(
    mods: &BTreeMap<String, PathBuf>,
    options: &LintOptions,
    host: &Host,
    broken: bool,
) -> Vec<Goal> {
    let test_options = crate::testing::TestOptions {
        game: options.game.clone(),
        limits: options.limits,
        ..Default::default()
    };
    let Some((dir, lesson)) = mods
        .values()
        .find_map(|dir| crate::content::pupil_lesson(dir).map(|l| (dir, l)))
    else {
        return Vec::new();
    };
    let progress = crate::lessons::check_objectives(dir, lesson, &test_options, host);
    progress
        .objectives
        .iter()
        .map(|o| Goal {
            text: both(&o.objective.text),
            hint: both(&o.objective.hint),
            met: o.met && !broken,
        })
        .collect()
}

/// Both steps for `folder`, telling the board after each.
fn check_pupil(
    board: &Board,
    folder: &PupilFolder,
    options: &LintOptions,
    host: &Host,
    texts: &Localizers,
    saved: SystemTime,
) {
    let previous = board
        .pupils()
        .into_iter()
        .find(|p| p.name == folder.pupil)
        .and_then(|p| p.checked)
        .map(|c| c.goals)
        .unwrap_or_default();
    let mut checked = check_findings(&folder.dir, options, host, texts, previous);
    let broken = checked.broken;
    board.checked(&folder.pupil, checked.clone(), saved);
    checked.goals = check_goals(&folder.mods, options, host, broken);
    board.checked(&folder.pupil, checked, saved);
}

/// Checks every pupil once, then each pupil again after each of their
/// saves, until `stop`.
pub fn spawn(
    board: Arc<Board>,
    folders: Vec<PupilFolder>,
    options: LintOptions,
    host: Host,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let texts = Localizers::default();
        // "pupil/mod": a pupil name never holds a `/`.
        let watched: BTreeMap<String, PathBuf> = folders
            .iter()
            .flat_map(|f| {
                f.mods
                    .iter()
                    .map(move |(name, dir)| (format!("{}/{name}", f.pupil), dir.clone()))
            })
            .collect();
        let mut watcher = ModWatcher::new(&watched).ok();
        for folder in &folders {
            if stop.load(Ordering::SeqCst) {
                return;
            }
            check_pupil(&board, folder, &options, &host, &texts, SystemTime::now());
        }
        while !stop.load(Ordering::SeqCst) {
            let Some(watcher) = watcher.as_mut() else {
                std::thread::sleep(Duration::from_millis(200));
                continue;
            };
            let changed = watcher.changed(Duration::from_millis(200));
            let mut pupils: Vec<&str> = changed
                .iter()
                .filter_map(|key| key.split('/').next())
                .collect();
            pupils.dedup();
            for pupil in pupils {
                let Some(folder) = folders.iter().find(|f| f.pupil == pupil) else {
                    continue;
                };
                let saved = SystemTime::now();
                board.saved(pupil, saved);
                check_pupil(&board, folder, &options, &host, &texts, saved);
            }
        }
    })
}
