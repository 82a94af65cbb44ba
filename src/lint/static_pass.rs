//! The static pass: syntax first, then the rules over each file's scope
//! analysis, with the globals each mod may use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::{LintOptions, all_rules, files, globals, rule, scope, syntax};
use crate::content::{ModInfo, Workspace};
use crate::diag::Diagnostic;
use crate::host::Host;

/// What the static pass found.
#[derive(Debug, Default)]
pub struct StaticFindings {
    pub findings: Vec<Diagnostic>,
    /// Mods with a file that does not compile.
    pub broken_mods: BTreeSet<String>,
    /// Places where the engine stops for a reason a finding explains
    /// elsewhere: the first line of a registration call holding an error.
    pub explained: BTreeSet<(PathBuf, usize)>,
    /// Strings compared with `==`/`~=` in the workspace's files.
    pub compared: Vec<(PathBuf, scope::ComparedString)>,
}

/// Static findings for every mod of the workspace.
pub fn run(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
    workspace: &Workspace,
) -> StaticFindings {
    let mut out = Vec::new();
    let mut broken_mods = BTreeSet::new();
    let mut explained = BTreeSet::new();
    let mut compared = Vec::new();
    let pool = mod_pool(paths, options, host, workspace);
    let mut exports_cache = BTreeMap::new();
    let engine_globals = globals::engine_globals();
    let base_api = globals::api_names();
    let rules = all_rules();
    // First parse every mod of the workspace once, so that dependencies'
    // exports come from the same parse.
    let mut parsed_mods = Vec::new();
    for info in workspace.all_mods() {
        let mut parsed = Vec::new();
        for file in files::lua_files(&info.dir) {
            let Ok(bytes) = crate::content::read_regular(&file) else {
                continue;
            };
            let source = String::from_utf8_lossy(&bytes).into_owned();
            // full_moon reads the file as the engine's Lua does; only when it
            // cannot is LuaJIT asked, to explain the error.
            match globals::analyse_source(source.clone()) {
                Some((source, analysis)) => parsed.push((file, source, analysis)),
                None => {
                    if let Some(finding) = syntax::check(&file, &source) {
                        broken_mods.insert(info.name.clone());
                        out.push(finding);
                    }
                }
            }
        }
        let mut exports = globals::Exports::default();
        for (_, _, analysis) in &parsed {
            globals::add_exports(analysis, &mut exports);
        }
        exports_cache.entry(info.name.clone()).or_insert(exports);
        parsed_mods.push((info, parsed));
    }
    for (info, parsed) in parsed_mods {
        let mut own = globals::Exports::default();
        let mut top_level = BTreeSet::new();
        for (_, _, analysis) in &parsed {
            globals::add_exports(analysis, &mut own);
            top_level.extend(
                analysis
                    .globals
                    .iter()
                    .filter(|g| g.access == scope::GlobalAccess::Write && !g.in_function)
                    .map(|g| g.name.clone()),
            );
        }
        let dependencies = dependency_exports(info, &pool, &mut exports_cache);
        let luacheckrc = globals::luacheckrc_globals(&info.dir);
        let mut declared: BTreeSet<String> = engine_globals.clone();
        declared.extend(top_level);
        declared.extend(dependencies.globals.iter().cloned());
        declared.extend(luacheckrc);
        let mut known = declared.clone();
        known.extend(own.globals.iter().cloned());
        // A dependency that cannot be found is reported by validation; the
        // globals it would give (or their near spellings) are not repeated.
        let missing: Vec<&str> = info
            .dependencies
            .iter()
            .filter(|d| !pool.contains_key(&d.name))
            .map(|d| d.name.as_str())
            .collect();
        for (_, _, analysis) in &parsed {
            for global in &analysis.globals {
                if crate::content::did_you_mean(&global.name, missing.iter().copied()).is_some() {
                    known.insert(global.name.clone());
                }
            }
        }
        let mut api_names = base_api.clone();
        api_names.extend(dependencies.api_fields.iter().cloned());
        api_names.extend(own.api_fields.iter().cloned());
        let mut spec_known = known.clone();
        spec_known.extend(
            crate::testing::SPEC_GLOBALS
                .iter()
                .map(|name| (*name).to_owned()),
        );
        for (file, source, analysis) in &parsed {
            let is_spec = file.to_string_lossy().ends_with("_spec.lua");
            let context = rule::FileContext {
                path: file,
                source,
                analysis,
                known_globals: if is_spec { &spec_known } else { &known },
                api_names: &api_names,
                declared_globals: &declared,
            };
            let before = out.len();
            for rule in &rules {
                rule.check(&context, &mut out);
            }
            explained.extend(calls_explained(file, analysis, &out[before..]));
            compared.extend(
                analysis
                    .compared_strings
                    .iter()
                    .map(|c| (file.clone(), c.clone())),
            );
        }
    }
    StaticFindings {
        findings: out,
        broken_mods,
        explained,
        compared,
    }
}

/// The first lines of the registration calls that hold an error finding
/// on one of their later lines (a recipe's short row): the engine stops
/// at the call, for the reason the finding gives (the
/// [`super::overlaps::Cause::StaticOnTheLine`] of the engine's report).
fn calls_explained(
    file: &std::path::Path,
    analysis: &scope::Analysis,
    found: &[Diagnostic],
) -> Vec<(PathBuf, usize)> {
    let path = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    analysis
        .registrations
        .iter()
        .filter(|call| {
            found.iter().any(|d| {
                d.severity == crate::diag::Severity::Error
                    && d.span
                        .is_some_and(|s| s.line > call.line && s.line <= call.end_line)
            })
        })
        .map(|call| (path.clone(), call.line))
        .collect()
}

/// What the mod's dependencies (not the mod itself) export, transitively.
fn dependency_exports(
    info: &ModInfo,
    pool: &BTreeMap<String, ModInfo>,
    cache: &mut BTreeMap<String, globals::Exports>,
) -> globals::Exports {
    let mut result = globals::Exports::default();
    for dependency in &info.dependencies {
        let exports = globals::visible_exports(&dependency.name, pool, cache);
        result.globals.extend(exports.globals);
        result.api_fields.extend(exports.api_fields);
    }
    result
}

/// Every mod that may be loaded with the user's mods (the workspace and
/// the game), by name.
fn mod_pool(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
    workspace: &Workspace,
) -> BTreeMap<String, ModInfo> {
    let loose = workspace.games.is_empty() && workspace.worlds.is_empty();
    let game_dir = host
        .game_dir(options.game.as_deref(), loose)
        .unwrap_or(None);
    let request = crate::engine::LoadRequest::from_paths(paths, game_dir.as_deref(), host);
    let mut pool = BTreeMap::new();
    for info in workspace.all_mods().cloned().chain(request.mods) {
        pool.entry(info.name.clone()).or_insert(info);
    }
    pool
}
