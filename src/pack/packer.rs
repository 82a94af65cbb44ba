//! `pack`: one package folder → one reproducible zip with one top folder
//! named after the package. Validate first (errors stop), choose the files,
//! write into a temporary file beside the output, read it back and validate
//! again (self-check), then rename it into place: a failed pack leaves no
//! archive, not even half of one.

use std::path::{Path, PathBuf};

use super::Progress;
use super::codes::*;
use super::leftovers::{PACK, prefix, remove_stale};
use super::output::choose_output;
use super::plan::{contentdb_checks, packages_inside, plan_for, select_problem};
use super::reasons::{IoReason, io_reason};
use super::selfcheck::self_check;
use super::targets::package_name;
use super::world::{Stamps, external_backends, programs_using};
use super::writer::{Planned, Source, write_zip};
use crate::content::{ContentKind, WorldInfo, classify, folder_name};
use crate::diag::{Diagnostic, Report, Severity};
use crate::host::Host;
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
        // "The package has errors" only when they are the reason: a server
        // using the world, a write failure... say so themselves.
        let explained = out
            .iter()
            .any(|d| d.severity == Severity::Error && CODES.contains(&d.code));
        if !explained {
            out.push(Diagnostic::new(&PACK_STOPPED, path));
        }
    }
    progress.finish();
    outcome.report = Report::new(out);
    outcome
}

/// The first few names, `…` after them when there are more: `/tmp` may
/// hold thousands.
fn first_names(names: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut text = names[..names.len().min(SHOWN)].join(", ");
    if names.len() > SHOWN {
        text.push_str(", …");
    }
    text
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
    let kind = classify(dir);
    if kind.is_none() && dir.is_dir() {
        let inside = packages_inside(dir);
        if !inside.is_empty() {
            // Said before validating: the findings of every package in the
            // folder would only hide this one.
            out.push(
                Diagnostic::new(&NOT_ONE_PACKAGE, dir)
                    .arg("count", inside.len())
                    .arg("names", first_names(&inside))
                    .arg("first", inside[0].clone()),
            );
            return None;
        }
    }
    out.extend(validate(&[path.to_path_buf()], &options.validate, host).diagnostics);
    let kind = kind?;
    if has_errors(out) {
        return None;
    }
    let folder = dir
        .canonicalize()
        .map_or_else(|_| folder_name(dir), |real| folder_name(&real));
    let name = package_name(dir, kind, &folder);
    let output = match choose_output(options.output.as_deref(), dir, &name) {
        Ok(output) => output,
        Err(refused) => {
            out.push(*refused);
            return None;
        }
    };
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
    let plan = match plan_for(kind, dir, &name, &world, host, &skip, out) {
        Ok(plan) => plan,
        Err(error) => {
            out.push(select_problem(error, &PACK_WRITE_FAILED));
            return None;
        }
    };
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
    let job = WriteJob {
        dir,
        name: &name,
        output: &output,
        stamps: &stamps,
        options,
        host,
        progress,
    };
    let (written, size) = write_checked(&plan, &job, out)?;
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
    outcome.files = written.iter().filter(|w| !w.name.ends_with('/')).count();
    outcome.bytes = written.iter().map(|w| w.size).sum();
    outcome.size = size;
    outcome.archive = Some(output);
    Some(())
}

/// What writing needs to know besides the plan.
struct WriteJob<'a> {
    dir: &'a Path,
    name: &'a str,
    output: &'a Path,
    /// The files as they were when planned, to notice changes.
    stamps: &'a Stamps,
    options: &'a PackOptions,
    host: &'a Host,
    progress: &'a dyn Progress,
}

/// Writes `plan` into a temporary file beside the output, self-checks it
/// and renames it into place; returns what was written and the size.
fn write_checked(
    plan: &[Planned],
    context: &WriteJob,
    out: &mut Vec<Diagnostic>,
) -> Option<(Vec<super::writer::Written>, u64)> {
    let output = context.output;
    let write_failed = |reason: IoReason| reason.on(Diagnostic::new(&PACK_WRITE_FAILED, output));
    let parent = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Err(error) = std::fs::create_dir_all(&parent) {
        out.push(write_failed(io_reason(&error)));
        return None;
    }
    remove_stale(&parent);
    let temp = match tempfile::Builder::new()
        .prefix(&prefix(PACK))
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
    let written = match write_zip(plan, file, context.progress) {
        Ok(written) => written,
        Err(_) if context.progress.stopped() => {
            out.push(Diagnostic::new(&INTERRUPTED, output));
            return None;
        }
        Err(error) => {
            let path = error.path.unwrap_or_else(|| output.to_path_buf());
            out.push(error.reason.on(Diagnostic::new(&PACK_WRITE_FAILED, path)));
            return None;
        }
    };
    let problems = self_check(
        temp.path(),
        output,
        &written,
        context.dir,
        context.name,
        &context.options.validate,
        context.host,
        context.progress,
    );
    if !problems.is_empty() {
        out.extend(problems);
        return None;
    }
    if context.progress.stopped() {
        out.push(Diagnostic::new(&INTERRUPTED, output));
        return None;
    }
    if let Some(changed) = context.stamps.first_change() {
        out.push(Diagnostic::new(&WORLD_IN_USE, changed).arg("programs", "none"));
        return None;
    }
    let size = temp.as_file().metadata().map_or(0, |m| m.len());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = temp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    if let Err(error) = temp.persist(output) {
        out.push(write_failed(io_reason(&error.error)));
        return None;
    }
    Some((written, size))
}
