//! Turning a [`LoadReport`] into diagnostics a pupil can act on.

use std::path::PathBuf;

use super::{FailureKind, Limits, LoadReport};
use crate::content::access::unreadable_finding;
use crate::content::access::{ReadFailure, ReadReason};
use crate::diag::{Code, Diagnostic, Severity, Span};

pub const SYNTAX_ERROR: Code = Code {
    id: "MT3001",
    name: "lua-syntax-error",
    severity: Severity::Error,
    doc: "A Lua file cannot be read: the game refuses to start.",
};

pub const LOAD_ERROR: Code = Code {
    id: "MT3002",
    name: "load-error",
    severity: Severity::Error,
    doc: "An error stops a mod while it loads: the game refuses to start.",
};

pub const SKIPPED_MOD: Code = Code {
    id: "MT3003",
    name: "mod-skipped",
    severity: Severity::Error,
    doc: "A dependency is missing: Minetest 5.6.1 skips the mod, Luanti 5.10 and later do not start.",
};

pub const NOT_SIMULATED: Code = Code {
    id: "MT3004",
    name: "not-simulated",
    severity: Severity::Warning,
    doc: "The mod calls an engine function mtedu does not simulate yet, so it could not be tried to the end.",
};

pub const TIME_OUT: Code = Code {
    id: "MT3005",
    name: "never-finishes",
    severity: Severity::Error,
    doc: "The code was still running when its time ran out: usually an endless loop.",
};

pub const OUT_OF_MEMORY: Code = Code {
    id: "MT3006",
    name: "out-of-memory",
    severity: Severity::Error,
    doc: "The code used more memory than allowed: usually a table or text that grows forever.",
};

pub const INVALID_MOD_NAME: Code = Code {
    id: "MT3007",
    name: "engine-refuses-mod-name",
    severity: Severity::Error,
    doc: "The engine refuses to load a mod whose name has characters other than a-z, 0-9 and _.",
};

pub const NAME_PREFIX: Code = Code {
    id: "MT3008",
    name: "name-prefix",
    severity: Severity::Error,
    doc: "A registered name does not start with the mod's name and a colon.",
};

pub const GLOBAL_ASSIGNED: Code = Code {
    id: "MT3010",
    name: "undeclared-global-assignment",
    severity: Severity::Warning,
    doc: "A function creates a global variable: the engine warns, and the name may clash with other mods.",
};

pub const GLOBAL_READ: Code = Code {
    id: "MT3011",
    name: "undeclared-global-read",
    severity: Severity::Warning,
    doc: "Code reads a global variable that was never set: usually a typo.",
};

pub const NAME_CHARACTERS: Code = Code {
    id: "MT3012",
    name: "name-characters",
    severity: Severity::Error,
    doc: "A registered name uses a character the engine refuses (only letters, digits and _ after the mod's prefix).",
};

/// Every code this module emits.
pub const CODES: &[&Code] = &[
    &SYNTAX_ERROR,
    &LOAD_ERROR,
    &SKIPPED_MOD,
    &NOT_SIMULATED,
    &TIME_OUT,
    &OUT_OF_MEMORY,
    &INVALID_MOD_NAME,
    &NAME_PREFIX,
    &GLOBAL_ASSIGNED,
    &GLOBAL_READ,
    &NAME_CHARACTERS,
];

/// The findings of one load.
pub fn load_findings(
    report: &LoadReport,
    limits: &Limits,
    mod_dirs: &[(String, PathBuf)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let dir_of = |name: &str| {
        mod_dirs
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| PathBuf::from(name), |(_, dir)| dir.clone())
    };
    for name in &report.invalid_names {
        out.push(Diagnostic::new(&INVALID_MOD_NAME, dir_of(name)).arg("name", name.as_str()));
    }
    for skipped in &report.skipped {
        // A dependency that is there but skipped itself is fixed in its
        // own mod: say so rather than "not there".
        let chained = skipped
            .unsatisfied
            .iter()
            .all(|name| report.skipped.iter().any(|other| &other.name == name));
        out.push(
            Diagnostic::new(&SKIPPED_MOD, dir_of(&skipped.name).join("mod.conf"))
                .arg("mod", skipped.name.as_str())
                .arg("missing", skipped.unsatisfied.join(", "))
                .arg("why", if chained { "skipped" } else { "absent" })
                .arg("stops", if report.start_refused { "start" } else { "mod" }),
        );
    }
    if let Some(failed) = &report.failure {
        let failure = &failed.failure;
        let place = failure
            .traceback
            .first()
            .map(|frame| (frame.path.clone(), frame.line))
            .or_else(|| failure.location.clone());
        let mut diagnostic = match failure.kind {
            FailureKind::Syntax => Diagnostic::new(&SYNTAX_ERROR, PathBuf::new())
                .arg("detail", failure.message.as_str()),
            FailureKind::TimeOut => Diagnostic::new(&TIME_OUT, PathBuf::new())
                .arg("seconds", format!("{:.1}", limits.time.as_secs_f64())),
            FailureKind::OutOfMemory => Diagnostic::new(&OUT_OF_MEMORY, PathBuf::new())
                .arg("megabytes", limits.memory / (1024 * 1024)),
            FailureKind::Runtime => runtime_finding(&failure.message, &failed.modname),
            // The same finding as validate's, so `check` shows it once.
            FailureKind::Unreadable { denied } => {
                let path = place.as_ref().map_or_else(PathBuf::new, |(p, _)| p.clone());
                unreadable_finding(&ReadFailure {
                    path: crate::diag::relative_to_cwd(&path),
                    is_dir: false,
                    reason: if denied {
                        ReadReason::PermissionDenied
                    } else {
                        ReadReason::Other(failure.message.clone())
                    },
                })
            }
        };
        diagnostic.path = place
            .as_ref()
            .map_or_else(|| dir_of(&failed.modname), |(path, _)| path.clone());
        if let Some((_, line)) = place.filter(|(_, line)| *line > 0) {
            diagnostic = diagnostic.at(Span::at(line, 1));
        }
        if !matches!(failure.kind, FailureKind::Unreadable { .. }) {
            diagnostic = diagnostic.arg("mod", failed.modname.as_str());
        }
        if diagnostic.code.id == LOAD_ERROR.id {
            // The same words as every other Lua error (the explainer's).
            let dirs: Vec<PathBuf> = mod_dirs.iter().map(|(_, dir)| comparable(dir)).collect();
            let ours = |path: &std::path::Path| {
                let path = comparable(path);
                dirs.iter().any(|dir| path.starts_with(dir))
            };
            let explained = super::explain::explain(failure, &ours);
            diagnostic.args.extend(explained.args);
        }
        out.push(diagnostic);
    }
    let roots: Vec<PathBuf> = mod_dirs.iter().map(|(_, dir)| comparable(dir)).collect();
    let in_mods = |path: &std::path::Path| {
        let path = comparable(path);
        roots.iter().any(|root| path.starts_with(root))
    };
    for line in report.log.iter().filter(|line| line.level == "warning") {
        if let Some(finding) = strict_global_finding(&line.text, &in_mods) {
            out.push(finding);
        }
    }
    for diagnostic in &mut out {
        // A place comes from a chunk name, which mod code chooses
        // (`loadstring(code, "@/any/file")`): only the loaded mods' files
        // are quoted, never another file of the PC.
        if diagnostic.span.is_some() && !in_mods(&diagnostic.path) {
            diagnostic.span = None;
        }
        diagnostic.path = crate::diag::relative_to_cwd(&diagnostic.path);
    }
    out
}

fn runtime_finding(message: &str, modname: &str) -> Diagnostic {
    // mtedu's own gap (a core function or an engine class it does not
    // simulate): a warning saying so, never "the game will not start".
    if let Some(name) = message.strip_prefix("not simulated yet: ") {
        return Diagnostic::new(&NOT_SIMULATED, PathBuf::new()).arg("name", name);
    }
    if let Some(rest) = message.strip_prefix("Name ")
        && let Some((name, _)) =
            rest.split_once(" does not follow naming conventions: contains unallowed characters")
    {
        return name_characters_finding(name);
    }
    if let Some(rest) = message.strip_prefix("Name ")
        && let Some((name, _)) = rest.split_once(" does not follow naming conventions")
    {
        let bare = name.rsplit(':').next().unwrap_or(name);
        return Diagnostic::new(&NAME_PREFIX, PathBuf::new())
            .arg("name", name)
            .arg("fixed", format!("{modname}:{bare}"))
            .arg("prefix", format!("{modname}:"));
    }
    Diagnostic::new(&LOAD_ERROR, PathBuf::new()).arg("detail", message)
}

/// A name with characters the engine refuses after its `mod:` prefix: which
/// ones, shown as typed (`"é"`; a space or an invisible one by its code),
/// and the name with accents folded and the rest replaced by `_`.
fn name_characters_finding(name: &str) -> Diagnostic {
    let (prefix, item) = name.split_once(':').unwrap_or(("", name));
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut bad: Vec<String> = Vec::new();
    for c in item.chars().filter(|c| !allowed(*c)) {
        let shown = if c.is_alphanumeric() || c.is_ascii_graphic() || c == ' ' {
            format!("\"{c}\"")
        } else {
            format!("\"{}\"", c.escape_unicode())
        };
        if !bad.contains(&shown) {
            bad.push(shown);
        }
    }
    let fixed = crate::content::names::suggest_item_name(item);
    Diagnostic::new(&NAME_CHARACTERS, PathBuf::new())
        .arg("name", name)
        .arg("bad", bad.join(" "))
        .arg("fixed", format!("{prefix}:{fixed}"))
}

/// Reads the engine's strict-globals warning texts back into findings.
fn strict_global_finding(
    text: &str,
    in_mods: &dyn Fn(&std::path::Path) -> bool,
) -> Option<Diagnostic> {
    let (code, rest) = if let Some(rest) = text.strip_prefix("Assignment to undeclared global \"") {
        (&GLOBAL_ASSIGNED, rest)
    } else if let Some(rest) = text.strip_prefix("Undeclared global variable \"") {
        (&GLOBAL_READ, rest)
    } else {
        return None;
    };
    let (name, rest) = rest.split_once('"')?;
    let place = rest.rsplit(" at ").next()?.trim_end_matches('.');
    let (path, line) = place.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    let column = in_mods(path.as_ref())
        .then(|| column_of(path.as_ref(), line, name))
        .flatten()
        .unwrap_or(1);
    Some(
        Diagnostic::new(code, path)
            .at(Span::on_line(line, column, name.chars().count()))
            .arg("name", name),
    )
}

/// `path` made absolute and free of links where it exists, so that
/// folders compare whatever way they were written.
fn comparable(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The 1-based character column of `word` on `line` of the file, if found.
fn column_of(path: &std::path::Path, line: usize, word: &str) -> Option<usize> {
    let text = String::from_utf8(crate::content::read_regular(path).ok()?).ok()?;
    let source_line = text.lines().nth(line.checked_sub(1)?)?;
    let byte = source_line.find(word)?;
    Some(source_line[..byte].chars().count() + 1)
}
