//! Lesson folders: lesson.toml readable and complete in French and English
//! (format in `docs/lessons.md`), the parts a lesson needs (`starter/`,
//! `checks/` with specs, `solution/`, `handout.md`), and every objective
//! checked by a `describe` block that exists.

use std::path::Path;

use crate::content::lesson_toml::{LessonProblem, LessonProblemKind};
use crate::content::{LessonInfo, PUPIL_LESSON_DIR};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const LESSON_SYNTAX: Code = Code {
    id: "MT1901",
    name: "lesson-toml-syntax",
    severity: Severity::Error,
    doc: "lesson.toml is not valid TOML, so the lesson cannot be read.",
};

pub const LESSON_MISSING_KEY: Code = Code {
    id: "MT1902",
    name: "lesson-missing-key",
    severity: Severity::Error,
    doc: "lesson.toml lacks a key every lesson needs (title, summary, ages, duration, objectives, an objective's id, text or hint).",
};

pub const LESSON_WRONG_TYPE: Code = Code {
    id: "MT1903",
    name: "lesson-wrong-type",
    severity: Severity::Error,
    doc: "A lesson.toml key holds the wrong kind of value (text for a number, a plain text for a fr/en pair…).",
};

pub const LESSON_MISSING_LANGUAGE: Code = Code {
    id: "MT1904",
    name: "lesson-missing-language",
    severity: Severity::Error,
    doc: "A lesson text exists in one language only: every lesson speaks French and English.",
};

pub const LESSON_BAD_VALUE: Code = Code {
    id: "MT1905",
    name: "lesson-bad-value",
    severity: Severity::Error,
    doc: "A lesson.toml value is out of range: ages, duration, an id with odd characters, an unknown preset, an empty text.",
};

pub const LESSON_DUPLICATE_OBJECTIVE: Code = Code {
    id: "MT1906",
    name: "lesson-duplicate-objective",
    severity: Severity::Error,
    doc: "Two objectives of a lesson have the same id.",
};

pub const LESSON_UNKNOWN_CHECK: Code = Code {
    id: "MT1907",
    name: "lesson-unknown-check",
    severity: Severity::Error,
    doc: "An objective names a `describe` block that no spec in `checks/` has, so it could never be met.",
};

pub const LESSON_MISSING_PART: Code = Code {
    id: "MT1908",
    name: "lesson-missing-part",
    severity: Severity::Error,
    doc: "A lesson lacks `starter/` or `checks/*_spec.lua`: pupils get nothing to start from, or objectives cannot be checked.",
};

pub const LESSON_NO_SOLUTION: Code = Code {
    id: "MT1909",
    name: "lesson-no-solution",
    severity: Severity::Warning,
    doc: "A lesson lacks `solution/` or `handout.md`: nothing proves the objectives can be met, or pupils get no instructions.",
};

pub const LESSON_UNKNOWN_KEY: Code = Code {
    id: "MT1910",
    name: "lesson-unknown-key",
    severity: Severity::Warning,
    doc: "lesson.toml has a key mtedu does not know, often a typo; it is ignored.",
};

/// Checks every lesson folder found.
pub struct Lessons;

impl Rule for Lessons {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &LESSON_SYNTAX,
            &LESSON_MISSING_KEY,
            &LESSON_WRONG_TYPE,
            &LESSON_MISSING_LANGUAGE,
            &LESSON_BAD_VALUE,
            &LESSON_DUPLICATE_OBJECTIVE,
            &LESSON_UNKNOWN_CHECK,
            &LESSON_MISSING_PART,
            &LESSON_NO_SOLUTION,
            &LESSON_UNKNOWN_KEY,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for lesson in &context.workspace.lessons {
            out.extend(lesson_findings(lesson));
            check_parts(lesson, out);
        }
    }
}

/// What is wrong with a lesson's lesson.toml and its objectives' checks;
/// also used on a pupil's copy, which has no starter or solution.
pub fn lesson_findings(lesson: &LessonInfo) -> Vec<Diagnostic> {
    let toml = lesson.dir.join("lesson.toml");
    let mut out: Vec<Diagnostic> = lesson
        .file
        .problems
        .iter()
        .map(|problem| problem_finding(problem, &toml))
        .collect();
    // Without any spec, MT1908 already says everything; with a spec that
    // cannot be read (MT0004), which describes exist is unknown.
    if lesson.checks.is_empty() || lesson.checks.iter().any(|file| !file.readable) {
        return out;
    }
    for (index, objective) in lesson.file.lesson.objectives.iter().enumerate() {
        let label = if objective.id.is_empty() {
            format!("objectives.{}", index + 1)
        } else {
            objective.id.clone()
        };
        for check in &objective.checks {
            if lesson.specs_for(check).is_empty() {
                out.push(
                    Diagnostic::new(&LESSON_UNKNOWN_CHECK, &toml)
                        .at(Span::at(objective.line, 1))
                        .arg("objective", label.as_str())
                        .arg("check", check.as_str()),
                );
            }
        }
    }
    out
}

fn problem_finding(problem: &LessonProblem, toml: &Path) -> Diagnostic {
    let (code, extra): (&'static Code, Vec<(&'static str, String)>) = match &problem.kind {
        LessonProblemKind::Syntax { detail } => (&LESSON_SYNTAX, vec![("detail", detail.clone())]),
        LessonProblemKind::Missing => (&LESSON_MISSING_KEY, Vec::new()),
        LessonProblemKind::WrongType(expected) => (
            &LESSON_WRONG_TYPE,
            vec![("expected", expected.as_str().to_owned())],
        ),
        LessonProblemKind::MissingLanguage(lang) => (
            &LESSON_MISSING_LANGUAGE,
            vec![("lang", lang.code().to_owned())],
        ),
        LessonProblemKind::BadValue(why) => {
            (&LESSON_BAD_VALUE, vec![("why", why.as_str().to_owned())])
        }
        LessonProblemKind::DuplicateObjective => (&LESSON_DUPLICATE_OBJECTIVE, Vec::new()),
        LessonProblemKind::UnknownKey { suggestion } => (
            &LESSON_UNKNOWN_KEY,
            vec![(
                "suggestion",
                suggestion.clone().unwrap_or_else(|| "none".to_owned()),
            )],
        ),
    };
    let mut diagnostic = Diagnostic::new(code, toml)
        .at(Span::at(problem.line, problem.column))
        .arg("key", problem.key.as_str());
    for (name, value) in extra {
        diagnostic = diagnostic.arg(name, value);
    }
    diagnostic
}

fn check_parts(lesson: &LessonInfo, out: &mut Vec<Diagnostic>) {
    if crate::content::folder_name(&lesson.dir) == PUPIL_LESSON_DIR {
        return;
    }
    if !lesson.dir.join("starter").is_dir() {
        out.push(Diagnostic::new(&LESSON_MISSING_PART, &lesson.dir).arg("part", "starter"));
    }
    if lesson.checks.is_empty() {
        out.push(Diagnostic::new(&LESSON_MISSING_PART, &lesson.dir).arg("part", "checks"));
    }
    if !lesson.dir.join("solution").is_dir() {
        out.push(Diagnostic::new(&LESSON_NO_SOLUTION, &lesson.dir).arg("part", "solution"));
    }
    if !lesson.dir.join("handout.md").is_file() {
        out.push(Diagnostic::new(&LESSON_NO_SOLUTION, &lesson.dir).arg("part", "handout"));
    }
}
