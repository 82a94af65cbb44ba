//! `mtedu class showcase DIR`: the end of the session, one world with
//! every pupil's mod that loads (`cm2-showcase` beside the class folder
//! `cm2`). Each mod is checked in its pupil's folder
//! (a mod with errors stays out, its first error told); a mod name several
//! pupils share gets the pupil's name (`first_block_alice`, `rename.rs`);
//! the renamed copy is loaded in the embedded engine with the game, and a
//! mod registering a name another pupil's mod already registers (a chat
//! command, an item of another mod) stays out, both named. The world is
//! built beside its place and renamed in; a world already there is kept
//! as a backup first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::board::Problem;
use super::checks::{Localizers, check_findings};
use super::config::{ClassConfig, ConfigError};
use super::rename::{copy_renamed, mod_name_for};
use super::run::{class_engine, lesson_game};
use crate::host::Host;
use crate::serve::pupils::mods_in;

/// The world's default folder: beside the class folder (`cm2-showcase`),
/// not in it, so `mtedu check cm2` sees only the pupils' work.
pub fn default_world(dir: &Path) -> PathBuf {
    let dir = crate::content::absolute(dir);
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "class".to_owned());
    dir.with_file_name(format!("{name}-showcase"))
}

/// The kind of the folder a world is built in (`leftovers.rs`).
const SHOWCASE_TEMP: &str = ".mtedu-showcase-";

/// What happened to one pupil's mod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// In the world, as `as_name`.
    Included { as_name: String },
    /// Has an error: stays out.
    Broken(Problem),
    /// Loads alone, not beside the others: `name` is registered by
    /// `other`'s mod too (or the load together failed on it).
    Clash { name: String, other: String },
}

/// One line of the showcase's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub pupil: String,
    /// Empty when the pupil's folder holds no mod.
    pub mod_name: String,
    pub verdict: Option<Verdict>,
}

/// The world made.
#[derive(Debug)]
pub struct Showcase {
    pub world: PathBuf,
    /// Where the world that was there went.
    pub backup: Option<PathBuf>,
    pub entries: Vec<Entry>,
}

#[derive(Debug)]
pub enum ShowcaseError {
    Config(ConfigError),
    Io(PathBuf, std::io::Error),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> ShowcaseError + '_ {
    move |error| ShowcaseError::Io(path.to_path_buf(), error)
}

/// Every name a mod registers that another mod could register too.
fn registered_names(
    copy: &Path,
    game: &str,
    host: &Host,
    lint: &crate::lint::LintOptions,
) -> Result<BTreeSet<String>, ()> {
    let options = crate::engine::inspect::InspectOptions {
        game: Some(game.to_owned()),
        all: false,
        limits: lint.limits,
        engine: lint.engine,
    };
    let inspection =
        crate::engine::inspect::inspect(&[copy.to_path_buf()], &options, host).map_err(|_| ())?;
    if !inspection.engine_loaded_all() {
        return Err(());
    }
    let r = &inspection.registrations;
    let origin = copy
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut names = BTreeSet::new();
    for (kind, table) in [
        ("", &r.nodes),
        ("", &r.craftitems),
        ("", &r.tools),
        ("", &r.entities),
        ("/", &r.chatcommands),
        ("priv ", &r.privileges),
        ("", &r.alias_origins),
    ] {
        names.extend(
            table
                .iter()
                .filter(|(_, from)| **from == origin)
                .map(|(name, _)| format!("{kind}{name}")),
        );
    }
    Ok(names)
}

/// Builds the showcase of the class in `dir` into `world` (default:
/// `<dir>-showcase` beside it), with `server`'s engine version (default: the class's).
pub fn build_showcase(
    dir: &Path,
    world: Option<&Path>,
    server: Option<PathBuf>,
    host: &Host,
) -> Result<Showcase, ShowcaseError> {
    let config = ClassConfig::read(dir).map_err(ShowcaseError::Config)?;
    let world = world.map_or_else(|| default_world(dir), Path::to_path_buf);
    let game = lesson_game(&config);
    let lint = crate::lint::LintOptions {
        game: Some(game.clone()),
        limits: crate::engine::Limits::default(),
        play: false,
        engine: class_engine(server, &config),
    };
    let parent = world
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    crate::leftovers::remove_stale(parent, &[SHOWCASE_TEMP], None);
    let staging = tempfile::Builder::new()
        .prefix(&crate::leftovers::prefix(SHOWCASE_TEMP))
        .tempdir_in(parent)
        .map_err(io(parent))?;
    let worldmods = staging.path().join("worldmods");
    std::fs::create_dir_all(&worldmods).map_err(io(&worldmods))?;

    // Which pupils' mods share a name: those get the pupil's name.
    let mut pupils_mods: Vec<(String, BTreeMap<String, PathBuf>)> = Vec::new();
    for pupil in &config.pupils {
        let folder = dir.join(pupil);
        let mods = mods_in(std::slice::from_ref(&folder)).unwrap_or_default();
        pupils_mods.push((pupil.clone(), mods));
    }
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, mods) in &pupils_mods {
        for name in mods.keys() {
            *uses.entry(name).or_default() += 1;
        }
    }

    let texts = Localizers::default();
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut entries = Vec::new();
    for (pupil, mods) in &pupils_mods {
        if mods.is_empty() {
            entries.push(Entry {
                pupil: pupil.clone(),
                mod_name: String::new(),
                verdict: None,
            });
        }
        for (mod_name, mod_dir) in mods {
            let checked = check_findings(mod_dir, &lint, host, &texts, Vec::new());
            let verdict = if let (true, Some(problem)) = (checked.errors > 0, checked.problem) {
                Verdict::Broken(problem)
            } else {
                let as_name = if uses[mod_name.as_str()] > 1 {
                    mod_name_for(mod_name, pupil)
                } else {
                    mod_name.clone()
                };
                let copy = worldmods.join(&as_name);
                copy_renamed(mod_dir, &copy, mod_name, &as_name).map_err(io(&copy))?;
                match registered_names(&copy, &game, host, &lint) {
                    Ok(names) => match names.iter().find_map(|n| taken.get(n).map(|o| (n, o))) {
                        Some((name, other)) => {
                            let clash = Verdict::Clash {
                                name: name.clone(),
                                other: other.clone(),
                            };
                            std::fs::remove_dir_all(&copy).map_err(io(&copy))?;
                            clash
                        }
                        None => {
                            taken.extend(names.into_iter().map(|n| (n, pupil.clone())));
                            Verdict::Included { as_name }
                        }
                    },
                    Err(()) => {
                        // Loads in the pupil's folder, not renamed: said as its own error.
                        let renamed = check_findings(&copy, &lint, host, &texts, Vec::new());
                        std::fs::remove_dir_all(&copy).map_err(io(&copy))?;
                        match renamed.problem {
                            Some(problem) => Verdict::Broken(problem),
                            None => Verdict::Clash {
                                name: as_name,
                                other: String::new(),
                            },
                        }
                    }
                }
            };
            entries.push(Entry {
                pupil: pupil.clone(),
                mod_name: mod_name.clone(),
                verdict: Some(verdict),
            });
        }
    }

    let world_mt = staging.path().join("world.mt");
    let mut settings = format!("gameid = {game}\n");
    for key in [
        "backend",
        "player_backend",
        "auth_backend",
        "mod_storage_backend",
    ] {
        settings.push_str(&format!("{key} = sqlite3\n"));
    }
    for (key, value) in crate::serve::Preset::Classroom.world_settings() {
        settings.push_str(&format!("{key} = {value}\n"));
    }
    std::fs::write(&world_mt, settings).map_err(io(&world_mt))?;
    let backup = if world.exists() {
        let stamp = crate::timestamp::folder_stamp(SystemTime::now());
        let name = world
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let backup = parent.join(format!("{name}.backup-{stamp}"));
        std::fs::rename(&world, &backup).map_err(io(&world))?;
        Some(backup)
    } else {
        None
    };
    let staged = staging.keep();
    std::fs::rename(&staged, &world).map_err(io(&world))?;
    Ok(Showcase {
        world,
        backup,
        entries,
    })
}
