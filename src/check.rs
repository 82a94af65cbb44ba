//! `check`: validate + lint, the one command a pupil runs. When two passes
//! report the same mistake (a missing dependency seen by validation and by
//! the engine load), only the more precise finding is kept.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::absolute;
use crate::content::{Container, Workspace};
use crate::diag::{Diagnostic, Report};
use crate::host::Host;
use crate::lint::overlaps::{Reach, code_pairs};
use crate::lint::{LintOptions, lint_findings};
use crate::validate::{Options, validate};

/// Validation and lint findings for everything under `paths`.
pub fn check(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Report {
    let validation = validate(
        paths,
        &Options {
            game: options.game.clone(),
            engine: options.engine,
        },
        host,
    );
    let mut out: Vec<Diagnostic> = validation.diagnostics;
    let validated: BTreeSet<&str> = out.iter().map(|d| d.code.id).collect();
    let repeated: BTreeSet<&str> = code_pairs(Reach::Run)
        .filter(|(_, cause)| validated.contains(cause.id))
        .map(|(dropped, _)| dropped.id)
        .collect();
    let mut linted = Vec::new();
    for (group, group_options) in lint_groups(paths, options) {
        linted.extend(lint_findings(&group, &group_options, host));
    }
    let superseded: BTreeSet<(&str, PathBuf)> = linted
        .iter()
        .flat_map(|finding| {
            code_pairs(Reach::File)
                .filter(|(_, cause)| cause.id == finding.code.id)
                .map(|(dropped, _)| (dropped.id, absolute(&finding.path)))
        })
        .collect();
    out.retain(|finding| !superseded.contains(&(finding.code.id, absolute(&finding.path))));
    out.extend(
        linted
            .into_iter()
            .filter(|finding| !repeated.contains(finding.code.id)),
    );
    Report::new(crate::lint::suppress::apply(out, paths))
}

/// The paths to lint together. A lesson's starter and solution are the same
/// mod twice, so each is linted alone, on the lesson's game; everything
/// else found under `paths` is linted in one load, as given.
fn lint_groups(paths: &[PathBuf], options: &LintOptions) -> Vec<(Vec<PathBuf>, LintOptions)> {
    let workspace = Workspace::discover(paths);
    if workspace.lessons.is_empty() {
        return vec![(paths.to_vec(), options.clone())];
    }
    let mut groups = Vec::new();
    for lesson in &workspace.lessons {
        let game = options
            .game
            .clone()
            .or_else(|| Some(lesson.file.lesson.game.clone()).filter(|g| !g.is_empty()));
        for folder in lesson.mod_folders() {
            let group_options = LintOptions {
                game: game.clone(),
                ..options.clone()
            };
            groups.push((vec![folder], group_options));
        }
    }
    let rest: Vec<PathBuf> = workspace
        .mods
        .iter()
        .filter(|(_, container)| *container == Container::Loose)
        .map(|(info, _)| info.dir.clone())
        .chain(
            workspace
                .modpacks
                .iter()
                .filter(|(_, container)| *container == Container::Loose)
                .map(|(info, _)| info.dir.clone()),
        )
        .chain(workspace.games.iter().map(|game| game.dir.clone()))
        .chain(workspace.worlds.iter().map(|world| world.dir.clone()))
        .collect();
    if !rest.is_empty() {
        groups.push((rest, options.clone()));
    }
    groups
}

/// The pupils' lesson copies among `paths`: a path that is one, or the
/// copies found inside a class folder (`mtedu check .` there), once each.
fn lesson_copies(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = Vec::new();
    for path in paths {
        let found: Vec<PathBuf> = if crate::content::pupil_lesson(path).is_some() {
            vec![path.clone()]
        } else {
            Workspace::discover(std::slice::from_ref(path))
                .all_mods()
                .map(|m| m.dir.clone())
                .filter(|dir| crate::content::pupil_lesson(dir).is_some())
                .collect()
        };
        for copy in found {
            if !copies.contains(&copy) {
                copies.push(copy);
            }
        }
    }
    copies
}

/// How many errors and warnings `report` has about `dir` or inside it.
fn counts_inside(report: &Report, dir: &Path) -> (usize, usize) {
    let inside = |severity| {
        report
            .diagnostics
            .iter()
            .filter(|f| f.severity == severity && f.path.starts_with(dir))
            .count()
    };
    (
        inside(crate::diag::Severity::Error),
        inside(crate::diag::Severity::Warning),
    )
}

/// True when `report` has an error about `dir` or a file inside it.
fn has_error_inside(report: &Report, dir: &Path) -> bool {
    report.diagnostics.iter().any(|finding| {
        finding.severity == crate::diag::Severity::Error && finding.path.starts_with(dir)
    })
}

/// What `mtedu check` found: the findings, and the objectives of each
/// pupil's lesson copy among the paths (see `lessons::check_objectives`).
#[derive(Debug)]
pub struct CheckOutcome {
    pub report: Report,
    pub lessons: Vec<crate::lessons::LessonProgress>,
}

/// [`check`], plus the objectives of every path that is a pupil's copy of
/// a lesson (a mod with `.mtedu-lesson/lesson.toml`). Problems in that
/// lesson.toml become findings like any lesson's.
pub fn check_with_lessons(paths: &[PathBuf], options: &LintOptions, host: &Host) -> CheckOutcome {
    let mut report = check(paths, options, host);
    // The objectives run on the engine the mods were checked for.
    let test_options = crate::testing::TestOptions {
        game: options.game.clone(),
        limits: options.limits,
        engine: options.engine,
        ..Default::default()
    };
    let mut lessons = Vec::new();
    for path in lesson_copies(paths) {
        let path = &path;
        let Some(lesson) = crate::content::pupil_lesson(path) else {
            continue;
        };
        let findings = crate::validate::rules::lessons::lesson_findings(&lesson);
        if !findings.is_empty() {
            let mut all = report.diagnostics;
            all.extend(findings);
            report = Report::new(all);
        }
        let mut progress = crate::lessons::check_copy(path, lesson, &test_options, host);
        progress.mod_broken = has_error_inside(&report, path);
        progress.pupil = crate::content::pupil_name(path);
        (progress.errors, progress.warnings) = counts_inside(&report, path);
        lessons.push(progress);
    }
    // One copy alone is the reader's own: no pupil's name on it.
    if lessons.len() < 2 {
        for progress in &mut lessons {
            progress.pupil.clear();
        }
    }
    CheckOutcome { report, lessons }
}
