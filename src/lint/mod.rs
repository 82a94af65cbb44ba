//! `lint`: static analysis of mods' Lua files (syntax explained for
//! beginners, then rules over the AST) plus the findings of loading the
//! mods in the embedded engine. Reads files, writes none.
//!
//! # Files
//!
//! Static analysis. `front_end.rs` runs the static pass on a thread with a
//! 512 MB stack and lets full_moon see only files LuaJIT compiles (at most
//! 200 nesting levels); a full_moon panic reads as "does not parse"
//! (`content/full_moon_guard.rs`; `tests/it/lua_front_end_never_crashes.rs`
//! fuzzes it). `syntax.rs` explains compile errors (LuaJIT says whether a
//! file compiles; full_moon's tokens locate the cause); `scope.rs` builds
//! the scope analysis once per file (what it finds; the walk in
//! `scope/statements.rs`, `scope/expressions.rs` and `scope/calls.rs`); `globals.rs` knows which globals a mod
//! may use (the engine's, its own, its dependencies', `.luacheckrc`; one
//! defined by a mod the engine's order loads earlier is a warning to add it
//! to `depends`); `guards.rs` reads what a condition says exists (`if
//! core.get_modpath("m")`, `rawget(_G, "x")`, `x or fallback`,
//! `type(core.f) == "function"`, a local carrying the answer, `if not x
//! then return end`), so code behind a guard or a feature test is no
//! mistake; `includes.rs` and `reach.rs` follow `dofile`/`loadfile` from
//! init.lua (paths from the mod's folder, literal lists in loops, the
//! guards around the call): only the files the game runs are linted as mod
//! code, specs as specs, and where a path is built at run time the engine's
//! load (`ran_files`) says which ran; `shapes.rs` reads what an expression
//! plainly is (a recipe's rows, a call's argument count); `rules/` has one
//! file per rule (`argument_count.rs` reads `data/api-arguments-5.6.1.txt`,
//! which `tests/it/api_arguments.rs` checks against the real server);
//! Rules that read what an expression means (`check_tree`: `{snappy ==
//! 3}`, `"a" + b`, `on_use = minetest.item_eat`…) get the syntax tree of
//! one mod's files while they are in memory, with the readers of
//! `tree.rs`; `overlaps.rs` says which of two findings on one line
//! a pupil sees.
//! `after_return.rs` explains a line after `return`/`break`; `mod.rs`
//! merges the static findings with the engine's load findings, with the
//! checks that need the load: `registered.rs` (textures, also from a game's
//! own `textures/`, and recipe items; every finding located through one
//! index of the mods' words, `places.rs`), `undiggable.rs` (a node a recipe
//! makes that nothing digs, asked with the engine's dig rules),
//! `compared_names.rs` (a misspelt name in
//! `==`), `conf_name_prefix.rs` (mod.conf's name against the folder's
//! prefix). `src/check.rs` is validate + lint for `mtedu check` (a lesson's
//! starter and solution are linted one at a time, on the lesson's game),
//! plus the objectives of a pupil's lesson copy.

mod after_return;
pub mod codes;
pub mod compared_names;
pub mod conf_name_prefix;
mod files;
pub mod front_end;
pub mod globals;
pub mod guards;
pub mod includes;
pub mod overlaps;
mod places;
mod reach;
pub mod registered;
pub mod rule;
pub mod rules;
pub mod scope;
pub mod shapes;
mod static_pass;
pub mod suppress;
pub mod syntax;
pub mod tokens;
pub mod tree;
pub mod undiggable;

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::Workspace;
use crate::content::absolute;
use crate::content::access::unreadable_finding;
use crate::diag::{Diagnostic, Report};
use crate::engine::Limits;
use crate::engine::inspect::{InspectOptions, inspect};
use crate::host::Host;
use overlaps::Cause;

/// Choices for [`lint`].
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// The game loaded with loose mods (see `mtedu info`).
    pub game: Option<String>,
    pub limits: Limits,
    /// Play the mods for a moment after a clean load (`check`; see
    /// [`crate::play`]).
    pub play: bool,
    /// The engine version the mods are checked against.
    pub engine: crate::engine::EngineVersion,
}

/// The one list of static rules.
pub fn all_rules() -> Vec<Box<dyn rule::LintRule>> {
    vec![
        Box::new(rules::undefined_global::UndefinedGlobal),
        Box::new(rules::api_typo::ApiTypo),
        Box::new(rules::global_in_function::GlobalInFunction),
        Box::new(rules::unused_local::UnusedLocal),
        Box::new(rules::shadowed_local::ShadowedLocal),
        Box::new(rules::definition_fields::DefinitionFields),
        Box::new(rules::deprecated_api::DeprecatedApi),
        Box::new(rules::dot_method::DotMethod),
        Box::new(rules::craft_shape::CraftShape),
        Box::new(rules::argument_count::ArgumentCount),
        Box::new(rules::unused_argument::UnusedArgument),
        Box::new(rules::abm_interval::AbmInterval),
        Box::new(rules::command_message::CommandMessage),
        Box::new(rules::comparison_in_table::ComparisonInTable),
        Box::new(rules::item_eat_uncalled::ItemEatUncalled),
        Box::new(rules::light_source::LightSource),
        Box::new(rules::local_below_function::LocalBelowFunction),
        Box::new(rules::registered_twice::RegisteredTwice),
        Box::new(rules::text_plus::TextPlus),
    ]
}

/// The codes of the checks that need the engine's load (the syntax codes
/// are in [`codes::SYNTAX_CODES`], the rules' in their `codes()`).
pub const LOAD_CHECK_CODES: &[&crate::diag::Code] = &[
    &registered::MISSING_TEXTURE,
    &registered::CRAFT_UNKNOWN_ITEM,
    &registered::CRAFT_ITEM_UNAVAILABLE,
    &registered::UNKNOWN_PRIVILEGE,
    &conf_name_prefix::CONF_NAME_NOT_PREFIX,
    &compared_names::COMPARED_NAME_TYPO,
    &undiggable::UNDIGGABLE_NODE,
];

/// Static findings plus load findings for everything under `paths`.
pub fn lint(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Report {
    Report::new(suppress::apply(lint_findings(paths, options, host), paths))
}

/// The findings, unsorted, for commands that merge them with others. The
/// engine load runs on a second thread while the static pass runs.
pub fn lint_findings(paths: &[PathBuf], options: &LintOptions, host: &Host) -> Vec<Diagnostic> {
    // The load is the longer half: it starts first, and its engine is
    // freed on its own thread after the outcome is sent.
    let loaded = spawn_load_pass(paths, options, host);
    let mut workspace = Workspace::discover(paths);
    workspace.probe_unreadable();
    let found = front_end::on_big_stack(|| static_pass::run(paths, options, host, &workspace));
    let loaded = loaded.recv().ok().flatten();
    let static_pass::StaticFindings {
        findings: mut out,
        broken_mods,
        explained: calls_explained,
        compared,
        candidates,
    } = found;
    // A Lua file the static pass could not read is said once, as validate
    // says it (the same finding, so `check` shows one).
    out.extend(workspace.unreadable.iter().map(unreadable_finding));
    let Some(LoadOutcome {
        findings: load_findings,
        registered: registered_findings,
        known_names,
        ran_files,
    }) = loaded
    else {
        return overlaps::drop_on_the_same_line(out);
    };
    // Files only a run-time path could reach are mod code only if the
    // engine's load ran them.
    let not_run: BTreeSet<&PathBuf> = candidates.difference(&ran_files).collect();
    if !not_run.is_empty() {
        out.retain(|d| {
            let path = d.path.canonicalize().unwrap_or_else(|_| absolute(&d.path));
            !not_run.contains(&path)
        });
    }
    if let Some(known) = known_names {
        out.extend(compared_names::check(&compared, &known));
    }
    // The lines the static pass explains, for the rows of
    // `overlaps::OVERLAPS` whose cause is on the line.
    let mut explained: BTreeSet<(PathBuf, usize)> = out
        .iter()
        .filter_map(|d| d.span.map(|span| (absolute(&d.path), span.line)))
        .collect();
    let mut stop_explained: BTreeSet<(PathBuf, usize)> = out
        .iter()
        .filter(|d| explains_a_stop(d))
        .filter_map(|d| d.span.map(|span| (absolute(&d.path), span.line)))
        .collect();
    stop_explained.extend(calls_explained.iter().cloned());
    explained.extend(calls_explained);
    for finding in load_findings {
        let failed_mod = finding
            .args
            .iter()
            .find(|(name, _)| *name == "mod")
            .map(|(_, value)| value);
        let repeats_syntax = overlaps::is_dropped_by(finding.code, Cause::SyntaxOfTheMod)
            && failed_mod.is_some_and(|value| matches!(value, crate::diag::ArgValue::Text(name) if broken_mods.contains(name)));
        let place = finding
            .span
            .map(|span| (absolute(&finding.path), span.line));
        let on_the_line = |lines: &BTreeSet<(PathBuf, usize)>| {
            place.as_ref().is_some_and(|place| lines.contains(place))
        };
        let repeats_static = (overlaps::is_dropped_by(finding.code, Cause::StaticOnTheLine)
            && on_the_line(&explained))
            || (overlaps::is_dropped_by(finding.code, Cause::StopOnTheLine)
                && on_the_line(&stop_explained));
        if repeats_static
            && (finding.code.id == crate::engine::findings::LOAD_ERROR.id
                || finding.code.id == crate::play::PLAY_ERROR.id)
        {
            // The load stopped at a line the static pass only warned about:
            // the warning was an error after all.
            upgrade_undefined_globals(&mut out, place.as_ref());
        }
        if let Some(at_conf) = conf_name_prefix::at_conf(&finding, &workspace) {
            out.push(at_conf);
        } else if !repeats_syntax && !repeats_static {
            out.push(finding);
        }
    }
    out.extend(registered_findings);
    overlaps::drop_on_the_same_line(out)
}

/// What the engine load gives lint.
struct LoadOutcome {
    /// The load's own findings.
    findings: Vec<Diagnostic>,
    /// The checks over what was registered.
    registered: Vec<Diagnostic>,
    /// The registered names, for the compared strings.
    known_names: Option<compared_names::KnownNames>,
    /// The mods' Lua files the load ran.
    ran_files: BTreeSet<PathBuf>,
}

/// Runs [`load_pass`] on a thread of its own, which sends the outcome and
/// only then frees the engine (a whole game's Lua state: milliseconds the
/// caller need not wait for). `None` comes when the load panicked.
fn spawn_load_pass(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
) -> std::sync::mpsc::Receiver<Option<LoadOutcome>> {
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let (paths, options, host) = (paths.to_vec(), options.clone(), host.clone());
    let spawned = std::thread::Builder::new()
        .name("mtedu-load".to_owned())
        .spawn(move || {
            if let Some((outcome, engine)) = load_pass(&paths, &options, &host) {
                // The world goes before the outcome: the process may end
                // as soon as the outcome is printed.
                let state = engine.remove_world();
                let _ = send.send(Some(outcome));
                crate::teardown::dispose(state);
            }
        });
    if spawned.is_err() {
        // No thread to spare: the static findings alone.
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        let _ = send.send(None);
        return receive;
    }
    receive
}

/// Loads the mods in the engine: its findings, and the checks over what
/// was registered (only when every mod loaded); with the engine, for the
/// caller to free.
fn load_pass(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
) -> Option<(LoadOutcome, crate::engine::Engine)> {
    let inspect_options = InspectOptions {
        game: options.game.clone(),
        all: false,
        limits: options.limits,
        engine: options.engine,
    };
    let inspection = inspect(paths, &inspect_options, host).ok()?;
    let ours = &inspection.ours;
    let loaded_all = inspection.engine_loaded_all();
    let registered = if loaded_all {
        let mut found = registered::check(&inspection.engine, ours, &inspection.mods);
        found.extend(undiggable::check(
            &inspection.engine,
            ours,
            &inspection.mods,
        ));
        found
    } else {
        Vec::new()
    };
    let known_names = if loaded_all {
        compared_names::known_names(
            &inspection.engine,
            inspection.mods.iter().map(|m| m.name.clone()),
        )
    } else {
        None
    };
    let mut findings = inspection.report.diagnostics;
    if options.play && loaded_all {
        let ours_mods: Vec<crate::content::ModInfo> = inspection
            .mods
            .iter()
            .filter(|info| ours.contains(&info.name))
            .cloned()
            .collect();
        let files: Vec<PathBuf> = ours_mods
            .iter()
            .flat_map(|info| files::lua_files(&info.dir))
            .collect();
        findings.extend(crate::play::play(
            &inspection.engine,
            &ours_mods,
            &files,
            &options.limits,
        ));
    }
    Some((
        LoadOutcome {
            findings,
            registered,
            known_names,
            ran_files: inspection.ran_files,
        },
        inspection.engine,
    ))
}

/// Makes "undefined global" warnings at `place` errors.
/// A static finding that explains why a load stops on its line: an error,
/// or an undefined global (the load error shows it was one).
fn explains_a_stop(finding: &Diagnostic) -> bool {
    use rules::undefined_global::{UNDEFINED_GLOBAL_IN_FUNCTION, UNDEFINED_GLOBAL_READ};
    (finding.severity == crate::diag::Severity::Error
        || finding.code.id == UNDEFINED_GLOBAL_READ.id
        || finding.code.id == UNDEFINED_GLOBAL_IN_FUNCTION.id)
        && !overlaps::yields_to_the_engine(finding.code)
}

fn upgrade_undefined_globals(out: &mut [Diagnostic], place: Option<&(PathBuf, usize)>) {
    use rules::undefined_global::{
        UNDEFINED_GLOBAL, UNDEFINED_GLOBAL_IN_FUNCTION, UNDEFINED_GLOBAL_READ,
    };
    let Some((path, line)) = place else { return };
    for finding in out.iter_mut() {
        let here =
            finding.span.is_some_and(|span| span.line == *line) && absolute(&finding.path) == *path;
        if here
            && (finding.code.id == UNDEFINED_GLOBAL_READ.id
                || finding.code.id == UNDEFINED_GLOBAL_IN_FUNCTION.id)
        {
            finding.code = &UNDEFINED_GLOBAL;
            finding.severity = UNDEFINED_GLOBAL.severity;
        }
    }
}
