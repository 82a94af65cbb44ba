//! A lesson's objectives checked on a pupil's mod: the spec files of
//! `checks/` run through the ordinary spec runner (`testing::run_specs`)
//! against the mod, and each objective is met when every test of its
//! `describe` blocks passes (and there is at least one).

use std::path::{Path, PathBuf};

use crate::content::{LessonInfo, Objective};
use crate::host::Host;
use crate::testing::{Status, TestOptions, TestResult, run_specs};

/// One objective and whether the pupil's mod meets it.
#[derive(Debug, Clone)]
pub struct ObjectiveResult {
    pub objective: Objective,
    pub met: bool,
    /// The failing tests, for `-v` and JSON ([`ObjectiveResult::failure_lines`]).
    pub failures: Vec<TestResult>,
}

impl ObjectiveResult {
    /// What each failing test said (`name: message`), in the localizer's language.
    pub fn failure_lines(&self, localizer: &crate::i18n::Localizer) -> Vec<String> {
        self.failures
            .iter()
            .map(|r| {
                let shown = crate::testing::shown_result(r, localizer);
                format!("{}: {}", shown.name, shown.message.unwrap_or_default())
            })
            .collect()
    }
}

/// The objectives of one pupil's copy.
#[derive(Debug, Clone)]
pub struct LessonProgress {
    /// The pupil's mod folder.
    pub dir: PathBuf,
    pub lesson: LessonInfo,
    /// Empty when lesson.toml could not be used.
    pub objectives: Vec<ObjectiveResult>,
    /// The pupil's mod has an error of its own (it does not load, or the
    /// game would refuse it): the objectives cannot be judged until it is
    /// fixed, whatever the checks said.
    pub mod_broken: bool,
    /// A pupil's copy of a lesson mtedu does not ship (its lesson.toml names
    /// another id): its checks are the pupil's to edit, so none ran.
    pub not_shipped: bool,
    /// Whose copy this is ([`crate::content::pupil_name`]), and how many
    /// errors and warnings `check` found in it: a class's table.
    pub pupil: String,
    pub errors: usize,
    pub warnings: usize,
}

impl LessonProgress {
    pub fn met(&self) -> usize {
        self.objectives.iter().filter(|o| o.met).count()
    }

    /// The first objective not met yet, the one to work on.
    pub fn next(&self) -> Option<&ObjectiveResult> {
        self.objectives.iter().find(|o| !o.met)
    }
}

/// Does a test named `name` belong to the describe block `check`?
fn belongs(name: &str, check: &str) -> bool {
    name == check
        || name
            .strip_prefix(check)
            .is_some_and(|rest| rest.starts_with(' '))
}

/// Runs the lesson's checks on the mod in `mod_dir`. `game` overrides the
/// lesson's game; the time and memory limits come from `options`.
pub fn check_objectives(
    mod_dir: &Path,
    lesson: LessonInfo,
    options: &TestOptions,
    host: &Host,
) -> LessonProgress {
    if !lesson.file.is_usable() {
        return LessonProgress {
            dir: mod_dir.to_path_buf(),
            lesson,
            objectives: Vec::new(),
            mod_broken: false,
            not_shipped: false,
            pupil: String::new(),
            errors: 0,
            warnings: 0,
        };
    }
    let mut specs: Vec<PathBuf> = Vec::new();
    for objective in &lesson.file.lesson.objectives {
        for check in &objective.checks {
            for spec in lesson.specs_for(check) {
                if !specs.iter().any(|known| known == spec) {
                    specs.push(spec.to_path_buf());
                }
            }
        }
    }
    let options = TestOptions {
        game: options
            .game
            .clone()
            .or_else(|| Some(lesson.file.lesson.game.clone())),
        filter: None,
        fail_fast: false,
        ..options.clone()
    };
    let run = run_specs(mod_dir, &specs, &options, host);
    let objectives = lesson
        .file
        .lesson
        .objectives
        .iter()
        .map(|objective| judge(objective, &run.results))
        .collect();
    LessonProgress {
        dir: mod_dir.to_path_buf(),
        lesson,
        objectives,
        mod_broken: false,
        not_shipped: false,
        pupil: String::new(),
        errors: 0,
        warnings: 0,
    }
}

/// The objectives of a pupil's copy: the checks of the lesson mtedu ships
/// under the id the copy's lesson.toml gives, never the copy's own.
pub fn check_copy(
    mod_dir: &Path,
    copy: LessonInfo,
    options: &TestOptions,
    host: &Host,
) -> LessonProgress {
    let shipped = match super::shipped_lesson(&copy.file.lesson.id) {
        Some(shipped) => shipped,
        // The copy's lesson.toml has mistakes: they are told as such.
        None if !copy.file.is_usable() => return check_objectives(mod_dir, copy, options, host),
        None => {
            return LessonProgress {
                dir: mod_dir.to_path_buf(),
                lesson: copy,
                objectives: Vec::new(),
                mod_broken: false,
                not_shipped: true,
                pupil: String::new(),
                errors: 0,
                warnings: 0,
            };
        }
    };
    let mut progress = check_objectives(mod_dir, shipped.info.clone(), options, host);
    for result in &mut progress.objectives {
        for failure in &mut result.failures {
            in_copy(failure, &|text| shipped.as_in_copy(text, mod_dir));
        }
    }
    progress
}

/// A failing check's places and texts with `moved` applied (the shipped
/// lesson's temporary folder shown as the copy's hidden one).
fn in_copy(result: &mut TestResult, moved: &dyn Fn(&str) -> String) {
    let path = |path: &mut std::path::PathBuf| {
        *path = PathBuf::from(moved(&path.display().to_string()));
    };
    path(&mut result.file);
    if let Some(location) = &mut result.location {
        *location = moved(location);
    }
    if let Some(crate::testing::Words::Plain(text)) = &mut result.message {
        *text = moved(text);
    }
    if let Some(failure) = &mut result.failure {
        failure.message = moved(&failure.message);
        failure.raw = moved(&failure.raw);
    }
    if let Some(explained) = &mut result.explained {
        explained.detail = moved(&explained.detail);
        if let Some((place, _)) = &mut explained.place {
            path(place);
        }
    }
}

fn judge(objective: &Objective, results: &[TestResult]) -> ObjectiveResult {
    let mine: Vec<&TestResult> = results
        .iter()
        .filter(|r| objective.checks.iter().any(|check| belongs(&r.name, check)))
        .collect();
    let mut failures: Vec<TestResult> = mine
        .iter()
        .filter(|r| matches!(r.status, Status::Failed | Status::Errored))
        .map(|r| (*r).clone())
        .collect();
    // Tests that never ran (the mod did not load) explain the failure too.
    if mine.is_empty() {
        failures.extend(
            results
                .iter()
                .filter(|r| matches!(r.status, Status::Errored))
                .cloned(),
        );
    }
    ObjectiveResult {
        objective: objective.clone(),
        met: !mine.is_empty() && mine.iter().all(|r| r.status == Status::Passed),
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::belongs;

    #[test]
    fn a_test_belongs_to_its_describe_block_only() {
        assert!(belongs("block has a texture", "block"));
        assert!(belongs("block", "block"));
        assert!(!belongs("blocks exist", "block"));
        assert!(!belongs("recipe block", "block"));
    }
}
