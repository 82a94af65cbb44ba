//! Which finding survives when two passes report the same mistake: one
//! typed table, read by `lint` (its static pass against the engine's load)
//! and by `check` (validation against lint). A pupil sees the more precise
//! finding once; the table says which one and within what reach.

use crate::diag::Code;
use crate::engine::findings::{
    GLOBAL_ASSIGNED, GLOBAL_READ, INVALID_MOD_NAME as ENGINE_INVALID_MOD_NAME, LOAD_ERROR,
    SKIPPED_MOD, SYNTAX_ERROR,
};
use crate::lint::conf_name_prefix::CONF_NAME_NOT_PREFIX;
use crate::lint::rules::command_message::COMMAND_MESSAGE_NOT_RETURNED;
use crate::lint::rules::comparison_in_table::COMPARISON_IN_TABLE;
use crate::lint::rules::dot_method::METHOD_WITH_DOT;
use crate::lint::rules::text_plus::TEXT_ADDED_WITH_PLUS;
use crate::lint::rules::undefined_global::UNDEFINED_GLOBAL_READ;
use crate::lint::rules::unused_local::UNUSED_LOCAL;
use crate::validate::rules::dependencies::MISSING_DEPENDENCY;
use crate::validate::rules::list_entries::{INVALID_LIST_ENTRY, MISSING_COMMA};
use crate::validate::rules::names::{FOLDER_NAME_MISMATCH, INVALID_MOD_NAME};

/// What makes a finding redundant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A finding with this code.
    Code(&'static Code),
    /// A syntax finding of the static pass on the same mod: the file does
    /// not compile, which the syntax finding explains.
    SyntaxOfTheMod,
    /// Any finding of the static pass on the same line, or an error inside
    /// the registration call that starts on that line.
    StaticOnTheLine,
    /// A finding of the static pass on the same line that explains why the
    /// load stops there (an error, an undefined global, a wrong call), not
    /// an unrelated note such as an unused variable.
    StopOnTheLine,
}

/// How far the cause reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Anywhere in the same `check` run.
    Run,
    /// The same file.
    File,
    /// The same mod, or the same line (as [`Cause`] says).
    Cause,
    /// The same line of the same file, among lint's findings (static and
    /// the engine's): the cause says more precisely what is wrong there.
    Line,
}

/// One row: `dropped` is left out when `cause` is found within `reach`.
#[derive(Debug, Clone, Copy)]
pub struct Overlap {
    pub dropped: &'static Code,
    pub cause: Cause,
    pub reach: Reach,
}

/// The one table of overlapping findings.
pub const OVERLAPS: &[Overlap] = &[
    // check: the engine skipping a mod repeats validation's finding on why.
    Overlap {
        dropped: &SKIPPED_MOD,
        cause: Cause::Code(&MISSING_DEPENDENCY),
        reach: Reach::Run,
    },
    Overlap {
        dropped: &SKIPPED_MOD,
        cause: Cause::Code(&MISSING_COMMA),
        reach: Reach::Run,
    },
    Overlap {
        dropped: &SKIPPED_MOD,
        cause: Cause::Code(&INVALID_LIST_ENTRY),
        reach: Reach::Run,
    },
    Overlap {
        dropped: &ENGINE_INVALID_MOD_NAME,
        cause: Cause::Code(&INVALID_MOD_NAME),
        reach: Reach::Run,
    },
    // check: mod.conf's name against the folder's prefix names the cause
    // of validation's folder-name mismatch.
    Overlap {
        dropped: &FOLDER_NAME_MISMATCH,
        cause: Cause::Code(&CONF_NAME_NOT_PREFIX),
        reach: Reach::File,
    },
    // lint: a mod whose file does not compile is explained by the syntax
    // finding.
    Overlap {
        dropped: &SYNTAX_ERROR,
        cause: Cause::SyntaxOfTheMod,
        reach: Reach::Cause,
    },
    Overlap {
        dropped: &LOAD_ERROR,
        cause: Cause::SyntaxOfTheMod,
        reach: Reach::Cause,
    },
    // lint: where the static pass already explains a line, the engine's
    // report of the same line adds nothing; a load error only where the
    // static finding explains the stop.
    Overlap {
        dropped: &LOAD_ERROR,
        cause: Cause::StopOnTheLine,
        reach: Reach::Cause,
    },
    // check: an error while playing at a line whose static finding
    // explains the stop.
    Overlap {
        dropped: &crate::play::PLAY_ERROR,
        cause: Cause::StopOnTheLine,
        reach: Reach::Cause,
    },
    Overlap {
        dropped: &GLOBAL_ASSIGNED,
        cause: Cause::StaticOnTheLine,
        reach: Reach::Cause,
    },
    Overlap {
        dropped: &GLOBAL_READ,
        cause: Cause::StaticOnTheLine,
        reach: Reach::Cause,
    },
    // lint: `{snappy == 3}` reads `snappy`, a global nothing defines; the
    // comparison is the mistake, said once.
    Overlap {
        dropped: &UNDEFINED_GLOBAL_READ,
        cause: Cause::Code(&COMPARISON_IN_TABLE),
        reach: Reach::Line,
    },
    Overlap {
        dropped: &GLOBAL_READ,
        cause: Cause::Code(&COMPARISON_IN_TABLE),
        reach: Reach::Line,
    },
    // lint: a chat command's message made and never returned is unused;
    // the missing `return` is what to fix.
    Overlap {
        dropped: &UNUSED_LOCAL,
        cause: Cause::Code(&COMMAND_MESSAGE_NOT_RETURNED),
        reach: Reach::Line,
    },
    // lint: text joined with `+` on a line the load or the play-through
    // stopped at: the engine's finding says the same and also when it
    // happens.
    Overlap {
        dropped: &TEXT_ADDED_WITH_PLUS,
        cause: Cause::Code(&LOAD_ERROR),
        reach: Reach::Line,
    },
    Overlap {
        dropped: &TEXT_ADDED_WITH_PLUS,
        cause: Cause::Code(&crate::play::PLAY_ERROR),
        reach: Reach::Line,
    },
    // lint: an engine object's method called with a dot, on a line the
    // load or the play-through stopped at: the same, with when.
    Overlap {
        dropped: &METHOD_WITH_DOT,
        cause: Cause::Code(&LOAD_ERROR),
        reach: Reach::Line,
    },
    Overlap {
        dropped: &METHOD_WITH_DOT,
        cause: Cause::Code(&crate::play::PLAY_ERROR),
        reach: Reach::Line,
    },
];

/// Lint's findings without those a [`Reach::Line`] row drops: a finding
/// whose cause code sits on the same line of the same file.
pub fn drop_on_the_same_line(
    findings: Vec<crate::diag::Diagnostic>,
) -> Vec<crate::diag::Diagnostic> {
    use std::collections::BTreeSet;
    let place = |d: &crate::diag::Diagnostic| {
        d.span
            .map(|span| (crate::content::absolute(&d.path), span.line))
    };
    let causes: BTreeSet<(&str, std::path::PathBuf, usize)> = findings
        .iter()
        .filter_map(|d| place(d).map(|(path, line)| (d.code.id, path, line)))
        .collect();
    let dropped = |d: &crate::diag::Diagnostic| {
        let Some((path, line)) = place(d) else {
            return false;
        };
        code_pairs(Reach::Line).any(|(dropped, cause)| {
            dropped.id == d.code.id && causes.contains(&(cause.id, path.clone(), line))
        })
    };
    findings.into_iter().filter(|d| !dropped(d)).collect()
}

/// `(dropped, cause)` code pairs of the rows with a code as cause and this reach.
pub fn code_pairs(reach: Reach) -> impl Iterator<Item = (&'static Code, &'static Code)> {
    OVERLAPS
        .iter()
        .filter(move |row| row.reach == reach)
        .filter_map(|row| match row.cause {
            Cause::Code(cause) => Some((row.dropped, cause)),
            _ => None,
        })
}

/// True when a static finding with this code leaves the place to the
/// engine's own report of the same line (the load's or the play-through's
/// error), so it does not count as explaining why the engine stopped.
pub fn yields_to_the_engine(code: &Code) -> bool {
    [&LOAD_ERROR, &crate::play::PLAY_ERROR]
        .iter()
        .any(|engine| is_dropped_by(code, Cause::Code(engine)))
}

/// True when `dropped` is left out for `cause`.
pub fn is_dropped_by(dropped: &Code, cause: Cause) -> bool {
    OVERLAPS
        .iter()
        .any(|row| row.dropped.id == dropped.id && row.cause == cause)
}
