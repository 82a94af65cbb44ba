//! `pack`: one package folder → one reproducible zip with one top folder
//! named after the package. Validate first (errors stop), choose the files,
//! write into a temporary file beside the output, read it back and validate
//! again (self-check), then rename it into place: a failed pack leaves no
//! archive, not even half of one.

use std::path::{Path, PathBuf};

use super::Progress;
use super::codes::*;
use super::lesson::lesson_plan;
use super::select::{SelectError, select};
use super::selfcheck::self_check;
use super::targets::package_name;
use super::world::{
    Stamps, drop_load_mod_lines, external_backends, mods_to_pack_in, programs_using,
};
use super::writer::{Planned, Source, write_zip};
use crate::content::{Container, ContentKind, Workspace, WorldInfo, classify, folder_name};
use crate::diag::{Diagnostic, Report, Severity};
use crate::host::Host;
use crate::validate::rules::licence::{MISSING_LICENCE, has_licence_file};
use crate::validate::{Options, validate};

/// ContentDB's size limit for one package.
pub const CONTENTDB_LIMIT: u64 = 100 * 1024 * 1024;

/// What to pack and how.
#[derive(Debug, Clone)]
pub struct PackOptions {
    /// The archive to write (default: `<name>.zip` in the current folder).
    pub output: Option<PathBuf>,
    /// Above this archive size, warn that ContentDB refuses it.
    pub contentdb_limit: u64,
    /// How the package is validated before and after.
    pub validate: Options,
}

impl Default for PackOptions {
    fn default() -> Self {
        PackOptions {
            output: None,
            contentdb_limit: CONTENTDB_LIMIT,
            validate: Options::default(),
        }
    }
}

/// What `pack` did.
#[derive(Debug, Default)]
pub struct PackOutcome {
    pub report: Report,
    /// The archive written; `None` when nothing was packed.
    pub archive: Option<PathBuf>,
    pub name: String,
    pub kind: Option<ContentKind>,
    /// Files (not folders) in the archive.
    pub files: usize,
    /// Their total size.
    pub bytes: u64,
    /// The archive's size.
    pub size: u64,
}

/// Packs the package at `path` (validated with `host` around it).
pub fn pack(
    path: &Path,
    options: &PackOptions,
    host: &Host,
    progress: &dyn Progress,
) -> PackOutcome {
    let mut out = Vec::new();
    let mut outcome = PackOutcome::default();
    if run(path, options, host, progress, &mut out, &mut outcome).is_none() {
        outcome.archive = None;
        if !out
            .iter()
            .any(|d| d.code == &PACK_STOPPED || d.code == &SELF_CHECK_FAILED)
        {
            out.push(Diagnostic::new(&PACK_STOPPED, path));
        }
    }
    progress.finish();
    outcome.report = Report::new(out);
    outcome
}

fn has_errors(out: &[Diagnostic]) -> bool {
    out.iter().any(|d| d.severity == Severity::Error)
}

fn run(
    path: &Path,
    options: &PackOptions,
    host: &Host,
    progress: &dyn Progress,
    out: &mut Vec<Diagnostic>,
    outcome: &mut PackOutcome,
) -> Option<()> {
    let dir = if path.is_file() {
        path.parent().unwrap_or(Path::new("."))
    } else {
        path
    };
    out.extend(validate(&[path.to_path_buf()], &options.validate, host).diagnostics);
    let kind = classify(dir);
    if kind.is_none() && dir.is_dir() {
        let inside = packages_inside(dir);
        if !inside.is_empty() {
            out.push(
                Diagnostic::new(&NOT_ONE_PACKAGE, dir)
                    .arg("count", inside.len())
                    .arg("names", inside.join(", "))
                    .arg("first", inside[0].clone()),
            );
        }
    }
    let kind = kind?;
    if has_errors(out) {
        return None;
    }
    let folder = dir
        .canonicalize()
        .map_or_else(|_| folder_name(dir), |real| folder_name(&real));
    let name = package_name(dir, kind, &folder);
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{name}.zip")));
    outcome.name = name.clone();
    outcome.kind = Some(kind);
    let skip = [output.clone()];
    let world = WorldInfo::read(dir);
    if matches!(kind, ContentKind::World) {
        let users = programs_using(dir);
        if !users.is_empty() {
            out.push(Diagnostic::new(&WORLD_IN_USE, dir).arg("programs", users.join(", ")));
            return None;
        }
        for (key, value) in external_backends(&world) {
            out.push(
                Diagnostic::new(&EXTERNAL_BACKEND, dir.join("world.mt"))
                    .arg("key", key)
                    .arg("value", value),
            );
        }
    }
    let plan = match kind {
        ContentKind::Lesson => lesson_plan(dir, &name, &skip),
        ContentKind::World => world_plan(dir, &name, &world, host, &skip, out),
        _ => {
            let mut plan = vec![Planned::dir(&name)];
            add_tree(&mut plan, &name, dir, &skip).map(|()| plan)
        }
    };
    let mut plan = match plan {
        Ok(plan) => plan,
        Err(error) => {
            out.push(select_problem(error));
            return None;
        }
    };
    plan.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    let stamps = Stamps::take(plan.iter().filter_map(|p| match &p.source {
        Source::File(path) => Some(path.clone()),
        _ => None,
    }));
    let publishable = !matches!(kind, ContentKind::World | ContentKind::Lesson);
    if publishable {
        contentdb_checks(dir, out);
    }
    let total: u64 = plan.iter().map(|p| p.size).sum();
    progress.start(total.saturating_mul(2));
    let write_failed =
        |reason: String| Diagnostic::new(&PACK_WRITE_FAILED, &output).arg("reason", reason);
    let parent = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Err(error) = std::fs::create_dir_all(&parent) {
        out.push(write_failed(io_reason(&error)));
        return None;
    }
    let temp = match tempfile::Builder::new()
        .prefix(".mtedu-pack-")
        .suffix(".zip")
        .tempfile_in(&parent)
    {
        Ok(temp) => temp,
        Err(error) => {
            // The OS's words only: tempfile adds the random file name.
            out.push(write_failed(io_reason(&error)));
            return None;
        }
    };
    let file = temp.as_file().try_clone().ok()?;
    let written = match write_zip(&plan, file, progress) {
        Ok(written) => written,
        Err(error) => {
            let diagnostic = match error.path {
                Some(path) => Diagnostic::new(&PACK_WRITE_FAILED, path),
                None => Diagnostic::new(&PACK_WRITE_FAILED, &output),
            };
            out.push(diagnostic.arg("reason", error.reason));
            return None;
        }
    };
    let problems = self_check(
        temp.path(),
        &output,
        &written,
        dir,
        &name,
        &options.validate,
        host,
        progress,
    );
    if !problems.is_empty() {
        out.extend(problems);
        return None;
    }
    if let Some(changed) = stamps.first_change() {
        out.push(Diagnostic::new(&WORLD_IN_USE, changed).arg("programs", ""));
        return None;
    }
    let size = temp.as_file().metadata().map_or(0, |m| m.len());
    if publishable && size > options.contentdb_limit {
        out.push(
            Diagnostic::new(&TOO_BIG, &output)
                .arg("size", super::checks::megabytes(size))
                .arg(
                    "limit",
                    usize::try_from(options.contentdb_limit >> 20).unwrap_or(usize::MAX),
                ),
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = temp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    if let Err(error) = temp.persist(&output) {
        out.push(write_failed(error.error.to_string()));
        return None;
    }
    outcome.archive = Some(output);
    outcome.files = written.iter().filter(|w| !w.name.ends_with('/')).count();
    outcome.bytes = written.iter().map(|w| w.size).sum();
    outcome.size = size;
    Some(())
}

/// Adds everything chosen under `root` to `plan`, under the folder `prefix`.
pub fn add_tree(
    plan: &mut Vec<Planned>,
    prefix: &str,
    root: &Path,
    skip: &[PathBuf],
) -> Result<(), SelectError> {
    if prefix.contains('/') {
        plan.push(Planned::dir(prefix));
    }
    for item in select(root, skip)? {
        let name = format!("{prefix}/{}", item.rel);
        plan.push(if item.is_dir {
            Planned::dir(&name)
        } else {
            Planned {
                name,
                source: Source::File(item.path),
                size: item.size,
            }
        });
    }
    Ok(())
}

/// A world's files, plus the mods it switches on from the user's mods
/// folders (copied into `worldmods/`, their `load_mod_` lines dropped).
fn world_plan(
    dir: &Path,
    name: &str,
    world: &WorldInfo,
    host: &Host,
    skip: &[PathBuf],
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<Planned>, SelectError> {
    let mut plan = vec![Planned::dir(name)];
    add_tree(&mut plan, name, dir, skip)?;
    let extra = mods_to_pack_in(world, host);
    if extra.is_empty() {
        return Ok(plan);
    }
    let names: Vec<String> = extra.iter().map(|(n, _)| n.clone()).collect();
    let world_mt = std::fs::read(dir.join("world.mt")).unwrap_or_default();
    let rewritten = drop_load_mod_lines(&world_mt, &names);
    if let Some(entry) = plan
        .iter_mut()
        .find(|p| p.name == format!("{name}/world.mt"))
    {
        entry.size = rewritten.len() as u64;
        entry.source = Source::Bytes(rewritten);
    }
    if !plan.iter().any(|p| p.name == format!("{name}/worldmods/")) {
        plan.push(Planned::dir(&format!("{name}/worldmods")));
    }
    for (mod_name, mod_dir) in extra {
        out.push(
            Diagnostic::new(&MOD_PACKED_IN, dir.join("world.mt"))
                .arg("mod", mod_name.as_str())
                .arg("from", mod_dir.display().to_string()),
        );
        let mut added = Vec::new();
        add_tree(
            &mut added,
            &format!("{name}/worldmods/{mod_name}"),
            &mod_dir,
            skip,
        )?;
        plan.extend(added);
    }
    Ok(plan)
}

/// ContentDB's requirements a package folder can be checked for.
fn contentdb_checks(dir: &Path, out: &mut Vec<Diagnostic>) {
    if !has_licence_file(dir) {
        // Say it once, as a warning: the same note from validation goes.
        out.retain(|d| !(d.code == &MISSING_LICENCE && d.path == dir));
        out.push(Diagnostic::new(&NO_LICENCE, dir));
    }
    if !dir.join("screenshot.png").is_file() {
        out.push(Diagnostic::new(&NO_SCREENSHOT, dir));
    }
}

/// The names of the packages directly found under a plain folder.
fn packages_inside(dir: &Path) -> Vec<String> {
    let found = Workspace::discover(&[dir.to_path_buf()]);
    let mut names: Vec<String> = Vec::new();
    names.extend(
        found
            .mods
            .iter()
            .filter(|(_, c)| *c == Container::Loose)
            .map(|(m, _)| folder_name(&m.dir)),
    );
    names.extend(
        found
            .modpacks
            .iter()
            .filter(|(_, c)| *c == Container::Loose)
            .map(|(m, _)| folder_name(&m.dir)),
    );
    names.extend(found.games.iter().map(|g| folder_name(&g.dir)));
    names.extend(found.worlds.iter().map(|w| folder_name(&w.dir)));
    names.extend(found.texture_packs.iter().map(|t| folder_name(&t.dir)));
    names.extend(found.lessons.iter().map(|l| folder_name(&l.dir)));
    names.sort();
    names.dedup();
    names
}

/// What the system said about an IO failure, without the paths some
/// libraries add to it.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => std::io::Error::from(error.kind()).to_string(),
    }
}

/// A listing failure as a finding.
fn select_problem(error: SelectError) -> Diagnostic {
    match error {
        SelectError::NotUtf8(path) => {
            let shown = path.to_string_lossy().into_owned();
            Diagnostic::new(&NAME_NOT_UTF8, path).arg("entry", shown)
        }
        SelectError::Unreadable(path, reason) => {
            Diagnostic::new(&PACK_WRITE_FAILED, path).arg("reason", reason)
        }
    }
}
