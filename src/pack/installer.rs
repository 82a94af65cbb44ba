//! `install`: an archive or a folder → the right sub-folder of the user's
//! engine folder. Archives are checked whole before anything is written
//! ([`super::checks`]); then the package is extracted (or copied) into a
//! hidden temporary folder beside its target, validated there, and renamed
//! into place in one step. On any failure the temporary folder goes away
//! and folders created for the install are removed again: nothing is left
//! half-installed, nothing is written outside the engine folder.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::central::{IndexError, read_index};
use super::checks::check_entries;
use super::codes::*;
use super::extract::extract;
use super::leftovers::{INSTALL, prefix, remove_stale};
use super::reasons::io_reason;
use super::stage::{copy_folder, create_dirs, single_top_folder};
use super::targets::{
    backup_path, install_kind, is_safe_name, mod_name_taken, package_name, put_in_place, subfolder,
    user_dir,
};
use super::world::programs_using;
use super::{Limits, Progress};
use crate::content::{ContentKind, folder_name};
use crate::diag::input::PATH_NOT_FOUND;
use crate::diag::{Diagnostic, Report, Severity};
use crate::host::Host;
use crate::validate::rules::dependencies::MISSING_DEPENDENCY;
use crate::validate::rules::worlds::UNKNOWN_GAMEID;
use crate::validate::{Options, validate};

/// Errors about what else is installed, not about the package: reported,
/// but they do not stop the install (install the dependency next).
const NOT_BLOCKING: &[&str] = &[MISSING_DEPENDENCY.id, UNKNOWN_GAMEID.id];

/// Where and how to install.
#[derive(Debug, Clone, Default)]
pub struct InstallOptions {
    /// The engine folder (`--to`); default: the user's own.
    pub to: Option<PathBuf>,
    /// Replace what is installed under the same name, keeping a backup.
    pub force: bool,
    pub limits: Limits,
}

/// What `install` did.
#[derive(Debug, Default)]
pub struct InstallOutcome {
    pub report: Report,
    /// Where the package now is; `None` when nothing was installed.
    pub installed: Option<PathBuf>,
    pub kind: Option<ContentKind>,
    /// Where the replaced version went (`--force`).
    pub backup: Option<PathBuf>,
    /// Bytes of files installed.
    pub bytes: u64,
}

/// Installs `source` (a zip archive or a package folder).
pub fn install(
    source: &Path,
    options: &InstallOptions,
    host: &Host,
    progress: &dyn Progress,
) -> InstallOutcome {
    let mut out = Vec::new();
    let mut outcome = InstallOutcome::default();
    let mut created = Vec::new();
    let done = run(
        source,
        options,
        host,
        progress,
        &mut out,
        &mut outcome,
        &mut created,
    );
    if done.is_none() {
        outcome.installed = None;
        for dir in created.iter().rev() {
            let _ = std::fs::remove_dir(dir); // only when still empty
        }
    }
    progress.finish();
    outcome.report = Report::new(out);
    outcome
}

#[allow(clippy::too_many_arguments)]
fn run(
    source: &Path,
    options: &InstallOptions,
    host: &Host,
    progress: &dyn Progress,
    out: &mut Vec<Diagnostic>,
    outcome: &mut InstallOutcome,
    created: &mut Vec<PathBuf>,
) -> Option<()> {
    if !source.exists() {
        out.push(
            Diagnostic::new(&PATH_NOT_FOUND, source).arg("path", source.display().to_string()),
        );
        return None;
    }
    let Some(user) = user_dir(options.to.as_deref(), host) else {
        out.push(Diagnostic::new(&NO_USER_FOLDER, source));
        return None;
    };
    let fallback = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let write_failed = |path: &Path, error: std::io::Error| {
        io_reason(&error).on(Diagnostic::new(&INSTALL_WRITE_FAILED, path))
    };
    // The kind decides the target folder, in which the temporary folder goes.
    let (kind, top, staged_from): (ContentKind, Option<String>, Staging) = if source.is_dir() {
        let kind = install_kind(|name| source.join(name).is_file());
        let Some(kind) = kind else {
            out.push(Diagnostic::new(&UNKNOWN_CONTENT, source));
            return None;
        };
        (
            kind,
            Some(folder_name(
                &source.canonicalize().unwrap_or(source.to_path_buf()),
            )),
            Staging::Folder,
        )
    } else {
        let mut file = File::open(source)
            .map_err(|e| out.push(io_reason(&e).on(damaged(source, "read"))))
            .ok()?;
        let raw = match read_index(&mut file, options.limits.max_entries) {
            Ok(raw) => raw,
            Err(error) => {
                out.push(index_problem(source, error, &options.limits));
                return None;
            }
        };
        let safe = check_entries(&raw, &options.limits, source, out)?;
        let top = single_top_folder(&safe);
        let prefix = top.as_ref().map_or(String::new(), |t| format!("{t}/"));
        let kind = install_kind(|name| {
            safe.iter()
                .any(|e| !e.is_dir && e.path == format!("{prefix}{name}"))
        });
        let Some(kind) = kind else {
            out.push(Diagnostic::new(&UNKNOWN_CONTENT, source));
            return None;
        };
        (kind, top, Staging::Archive(raw, safe))
    };
    outcome.kind = Some(kind);
    let sub = subfolder(kind);
    let parent = user.join(sub);
    // A game's or world's name is its folder's: refuse before unpacking it all.
    let early = parent.join(top.as_deref().unwrap_or(&fallback));
    if !options.force && matches!(kind, ContentKind::Game | ContentKind::World) && early.exists() {
        let name = folder_name(&early);
        out.push(Diagnostic::new(&ALREADY_INSTALLED, &early).arg("name", name));
        return None;
    }
    if kind == ContentKind::World {
        refuse_open_world(&early, out)?;
    }
    if let Err(error) = create_dirs(&parent, created) {
        out.push(write_failed(&parent, error));
        return None;
    }
    remove_stale(&parent);
    let temp = match tempfile::Builder::new()
        .prefix(&prefix(INSTALL))
        .tempdir_in(&parent)
    {
        Ok(temp) => temp,
        Err(error) => {
            out.push(write_failed(&parent, error));
            return None;
        }
    };
    // Files at the archive's root are staged in a hidden folder, renamed
    // below: validation must see the folder name the package will have.
    let root = temp.path().join(top.as_deref().unwrap_or(".package"));
    match staged_from {
        Staging::Folder => {
            outcome.bytes = copy_folder(source, &root, progress)
                .map_err(|d| out.push(d))
                .ok()?;
        }
        Staging::Archive(raw, safe) => {
            progress.start(safe.iter().map(|e| e.size).sum());
            let into = if top.is_some() {
                temp.path()
            } else {
                root.as_path()
            };
            let files = extract(source, &raw, &safe, into, &options.limits, progress)
                .map_err(|d| out.push(d))
                .ok()?;
            outcome.bytes = files.iter().map(|f| f.size).sum();
        }
    }
    let name = package_name(&root, kind, top.as_deref().unwrap_or(&fallback));
    if !is_safe_name(&name) {
        out.push(Diagnostic::new(&UNSAFE_PATH, source).arg("entry", name));
        return None;
    }
    let staged = temp.path().join(&name);
    if staged != root
        && let Err(error) = std::fs::rename(&root, &staged)
    {
        out.push(write_failed(&staged, error));
        return None;
    }
    let root = staged;
    let dest = parent.join(&name);
    let around = Host {
        share_dirs: host.share_dirs.clone(),
        user_dirs: vec![user.clone()],
    };
    let mut blocking = false;
    for mut diagnostic in
        validate(std::slice::from_ref(&root), &Options::default(), &around).diagnostics
    {
        blocking |=
            diagnostic.severity == Severity::Error && !NOT_BLOCKING.contains(&diagnostic.code.id);
        if let Ok(rest) = diagnostic.path.strip_prefix(&root) {
            diagnostic.path = dest.join(rest);
        }
        out.push(diagnostic);
    }
    if blocking {
        out.push(Diagnostic::new(&INSTALL_STOPPED, source));
        return None;
    }
    if !options.force
        && matches!(kind, ContentKind::Mod | ContentKind::Modpack)
        && let Some((mod_name, other)) = mod_name_taken(&root, &parent, &dest)
    {
        out.push(
            Diagnostic::new(&MOD_NAME_TAKEN, &dest)
                .arg("mod", mod_name)
                .arg("other", other.display().to_string()),
        );
        return None;
    }
    let backup = if dest.exists() || dest.is_symlink() {
        if !options.force {
            out.push(Diagnostic::new(&ALREADY_INSTALLED, &dest).arg("name", name.as_str()));
            return None;
        }
        Some(backup_path(&user, sub, &name, SystemTime::now()))
    } else {
        None
    };
    if progress.stopped() {
        out.push(Diagnostic::new(&INTERRUPTED, source));
        return None;
    }
    if backup.is_some() && kind == ContentKind::World {
        // Again: a server may have started while the archive was unpacked.
        refuse_open_world(&dest, out)?;
    }
    if let Err(error) = put_in_place(&root, &dest, backup.as_deref()) {
        out.push(write_failed(&dest, error));
        return None;
    }
    if let Some(backup) = &backup {
        out.push(Diagnostic::new(&BACKED_UP, &dest).arg("backup", backup.display().to_string()));
    }
    outcome.backup = backup;
    outcome.installed = Some(dest);
    Some(())
}

/// Refuses to replace the installed world `dest` while a program (a
/// server, the game) has it open: moving it away under a running server
/// loses what it saves next, and the server keeps writing into the backup.
fn refuse_open_world(dest: &Path, out: &mut Vec<Diagnostic>) -> Option<()> {
    if !dest.exists() {
        return Some(());
    }
    let users = programs_using(dest);
    if users.is_empty() {
        return Some(());
    }
    out.push(
        Diagnostic::new(&INSTALL_WORLD_IN_USE, dest)
            .arg("name", folder_name(dest))
            .arg("programs", users.join(", ")),
    );
    None
}

/// Where the files to install come from.
enum Staging {
    Folder,
    Archive(Vec<super::central::RawEntry>, Vec<super::checks::SafeEntry>),
}

/// MT4101 with its `why` keyword (see the catalogue).
fn damaged(archive: &Path, why: &'static str) -> Diagnostic {
    Diagnostic::new(&ARCHIVE_DAMAGED, archive)
        .arg("why", why)
        .arg("entry", "")
}

pub(super) fn index_problem(archive: &Path, error: IndexError, limits: &Limits) -> Diagnostic {
    let name = archive.display().to_string();
    match error {
        IndexError::Damaged(why) => damaged(archive, why),
        IndexError::Unreadable(reason) => reason.on(damaged(archive, "read")),
        IndexError::MultiDisk => Diagnostic::new(&UNSUPPORTED, archive).arg("entry", name),
        IndexError::TooManyEntries(count) => Diagnostic::new(&TOO_MANY_ENTRIES, archive)
            .arg("count", usize::try_from(count).unwrap_or(usize::MAX))
            .arg("limit", limits.max_entries),
    }
}
