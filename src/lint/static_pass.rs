//! The static pass: syntax first, then the rules over each file's scope
//! analysis, with the globals each mod may use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{LintOptions, all_rules, files, globals, reach, rule, scope, syntax};
use crate::content::absolute;
use crate::content::{ModInfo, Workspace};
use crate::diag::Diagnostic;
use crate::host::Host;

/// A file that parsed: its path, source and scope analysis.
type ParsedFile = (PathBuf, String, scope::Analysis);

/// A file read on a worker thread: its source and analysis, what the tree
/// rules found in it and what each rule noted for its look over the whole
/// mod. Its syntax tree is already freed.
struct ReadFile {
    source: String,
    analysis: scope::Analysis,
    tree_findings: Vec<Diagnostic>,
    /// One entry per rule, in [`all_rules`]' order.
    notes: Vec<Option<rule::TreeNotes>>,
}

/// A file read and its tree rules run, or the source of one that does not
/// compile; `None` when it cannot be read.
type ReadOutcome = Option<Result<ReadFile, String>>;

fn read_file(
    file: &Path,
    rules: &[Box<dyn rule::LintRule>],
    engine: crate::engine::EngineVersion,
) -> ReadOutcome {
    let bytes = crate::content::read_regular(file).ok()?;
    let source = String::from_utf8_lossy(&bytes).into_owned();
    // full_moon reads the file as the engine's Lua does; only when it
    // cannot is LuaJIT asked, to explain the error.
    let (source, ast, analysis) = match globals::parse_source(source, Some(file)) {
        Ok(parsed) => parsed,
        Err(source) => return Some(Err(source)),
    };
    let context = rule::TreeContext {
        path: file,
        source: &source,
        ast: ast.nodes(),
        analysis: &analysis,
        engine,
        is_spec: is_spec(file),
    };
    let mut tree_findings = Vec::new();
    for rule in rules {
        rule.check_tree(&context, &mut tree_findings);
    }
    let notes = rules.iter().map(|rule| rule.note_tree(&context)).collect();
    drop(ast);
    Some(Ok(ReadFile {
        source,
        analysis,
        tree_findings,
        notes,
    }))
}

/// The findings of the rules that judge one mod's files together, from
/// what they noted of each tree (specs left out).
fn mod_notes_rules(
    rules: &[Box<dyn rule::LintRule>],
    noted: &[(PathBuf, Vec<Option<rule::TreeNotes>>)],
    out: &mut Vec<Diagnostic>,
) {
    for (index, rule) in rules.iter().enumerate() {
        let files: Vec<rule::FileNotes> = noted
            .iter()
            .filter_map(|(path, notes)| {
                notes[index]
                    .as_ref()
                    .map(|notes| rule::FileNotes { path, notes })
            })
            .collect();
        if !files.is_empty() {
            rule.check_mod_notes(&files, out);
        }
    }
}

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
    /// Files no static path reaches in mods that build some paths at run
    /// time: their findings count only if the engine's load ran them.
    pub candidates: BTreeSet<PathBuf>,
}

/// The names every mod's scope starts from.
struct WorkspaceNames {
    /// Every mod that may be loaded with the user's mods, by name.
    pool: BTreeMap<String, ModInfo>,
    /// Their names in the engine's load order.
    order: Vec<String>,
    engine_globals: BTreeSet<String>,
    base_api: BTreeSet<String>,
}

/// What one mod's files may use, for the rules over each file.
struct ModScope {
    known: BTreeSet<String>,
    /// `known` plus the spec runner's globals, for a mod with specs.
    spec_known: Option<BTreeSet<String>>,
    declared: BTreeSet<String>,
    api_names: BTreeSet<String>,
    guarded_exports: BTreeMap<String, Option<globals::Exports>>,
    load_order_globals: BTreeMap<String, String>,
}

/// Static findings for every mod of the workspace. Files are read (parsed,
/// analysed, their tree rules run) on every core; then each mod's reach
/// and globals are worked out in turn; then the rules over each file run
/// on every core again.
pub fn run(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
    workspace: &Workspace,
) -> StaticFindings {
    let mut out = Vec::new();
    let mut broken_mods = BTreeSet::new();
    let mut explained = BTreeSet::new();
    let (pool, order) = mod_pool(paths, options, host, workspace);
    let names = WorkspaceNames {
        pool,
        order,
        engine_globals: globals::engine_globals_of(options.engine),
        base_api: globals::api_names_of(options.engine),
    };
    let mut exports_cache = BTreeMap::new();
    let rules = all_rules();
    // First read every mod of the workspace once, so that dependencies'
    // exports come from the same parse.
    let mut parsed_mods = Vec::new();
    let mut candidates = BTreeSet::new();
    let mut own_unlinted: BTreeMap<String, globals::Exports> = BTreeMap::new();
    let mods: Vec<&ModInfo> = workspace.all_mods().collect();
    let jobs: Vec<(usize, PathBuf)> = mods
        .iter()
        .enumerate()
        .flat_map(|(index, info)| {
            files::lua_files(&info.dir)
                .into_iter()
                .map(move |f| (index, f))
        })
        .collect();
    let mut outcomes = super::front_end::map_on_big_stacks(jobs, |(index, file)| {
        let outcome = read_file(&file, &rules, options.engine);
        (index, file, outcome)
    })
    .into_iter()
    .peekable();
    for (index, info) in mods.into_iter().enumerate() {
        let mut parsed = Vec::new();
        let mut broken = Vec::new();
        while let Some((_, file, outcome)) = outcomes.next_if(|(i, ..)| *i == index) {
            match outcome {
                Some(Ok(read)) => parsed.push((file, read)),
                Some(Err(source)) => broken.push((file, source)),
                None => {}
            }
        }
        let mut exports = globals::Exports::default();
        for (_, read) in &parsed {
            globals::add_exports(&read.analysis, &mut exports);
        }
        exports_cache.entry(info.name.clone()).or_insert(exports);
        // Only the files the game runs are mod code; specs are linted as
        // specs.
        let recovered: Vec<(PathBuf, Vec<crate::lint::includes::Include>)> = broken
            .iter()
            .map(|(file, source)| (reach::normalize(file), globals::includes_of_broken(source)))
            .collect();
        let includes: BTreeMap<PathBuf, &[crate::lint::includes::Include]> = parsed
            .iter()
            .map(|(file, read)| (reach::normalize(file), read.analysis.includes.as_slice()))
            .chain(
                recovered
                    .iter()
                    .map(|(file, found)| (file.clone(), found.as_slice())),
            )
            .collect();
        let reached = reach::reach(&reach::normalize(&info.dir), &info.name, &includes);
        let mut status = |file: &PathBuf| {
            if is_spec(file) {
                Some(None)
            } else if let Some(facts) = reached.files.get(&reach::normalize(file)) {
                Some(Some(facts.clone()))
            } else if reached.dynamic {
                // Maybe loaded through a path only the engine knows.
                candidates.insert(file.canonicalize().unwrap_or_else(|_| absolute(file)));
                Some(None)
            } else {
                None
            }
        };
        for (file, source) in broken {
            if status(&file).is_some()
                && let Some(finding) = syntax::check(&file, &source)
            {
                broken_mods.insert(info.name.clone());
                out.push(finding);
            }
        }
        let mut linted = Vec::new();
        let mut noted = Vec::new();
        for (file, mut read) in parsed {
            match status(&file) {
                Some(facts) => {
                    if let Some(facts) = facts {
                        reach::apply_facts(&mut read.analysis, &facts);
                    }
                    explained.extend(calls_explained(&file, &read.analysis, &read.tree_findings));
                    out.extend(read.tree_findings);
                    if !is_spec(&file) {
                        noted.push((file.clone(), read.notes));
                    }
                    linted.push((file, read.source, read.analysis));
                }
                None => {
                    // Its globals still count as the mod's own.
                    let own = own_unlinted.entry(info.name.clone()).or_default();
                    globals::add_exports(&read.analysis, own);
                }
            }
        }
        let before = out.len();
        mod_notes_rules(&rules, &noted, &mut out);
        for (file, _, analysis) in &linted {
            explained.extend(calls_explained(file, analysis, &out[before..]));
        }
        parsed_mods.push((info, linted));
    }
    let scopes: Vec<ModScope> = parsed_mods
        .iter()
        .map(|(info, parsed)| {
            let own = own_unlinted.remove(&info.name).unwrap_or_default();
            mod_scope(info, parsed, own, &names, &mut exports_cache)
        })
        .collect();
    let jobs: Vec<(usize, usize)> = parsed_mods
        .iter()
        .enumerate()
        .flat_map(|(m, (_, parsed))| (0..parsed.len()).map(move |f| (m, f)))
        .collect();
    let per_file = super::front_end::map_on_big_stacks(jobs, |(m, f)| {
        let (file, source, analysis) = &parsed_mods[m].1[f];
        let scope = &scopes[m];
        let context = rule::FileContext {
            path: file,
            source,
            analysis,
            known_globals: match &scope.spec_known {
                Some(spec_known) if is_spec(file) => spec_known,
                _ => &scope.known,
            },
            api_names: &scope.api_names,
            declared_globals: &scope.declared,
            engine: options.engine,
            guarded_exports: &scope.guarded_exports,
            load_order_globals: &scope.load_order_globals,
        };
        let mut found = Vec::new();
        for rule in &rules {
            rule.check(&context, &mut found);
        }
        let explained = calls_explained(file, analysis, &found);
        (found, explained)
    });
    for (found, explained_here) in per_file {
        out.extend(found);
        explained.extend(explained_here);
    }
    let compared = parsed_mods
        .iter()
        .flat_map(|(_, parsed)| parsed)
        .flat_map(|(file, _, analysis)| {
            analysis
                .compared_strings
                .iter()
                .map(move |c| (file.clone(), c.clone()))
        })
        .collect();
    StaticFindings {
        findings: out,
        broken_mods,
        explained,
        compared,
        candidates,
    }
}

/// What `info`'s files may use: the engine's globals, the mod's own, its
/// dependencies', its `.luacheckrc`'s, and those behind guards or given
/// by the load order.
fn mod_scope(
    info: &ModInfo,
    parsed: &[ParsedFile],
    mut own: globals::Exports,
    workspace: &WorkspaceNames,
    exports_cache: &mut BTreeMap<String, globals::Exports>,
) -> ModScope {
    let pool = &workspace.pool;
    let mut top_level = BTreeSet::new();
    for (_, _, analysis) in parsed {
        globals::add_exports(analysis, &mut own);
        top_level.extend(
            analysis
                .globals
                .iter()
                .filter(|g| g.access == scope::GlobalAccess::Write && !g.in_function)
                .map(|g| g.name.clone()),
        );
    }
    let dependencies = dependency_exports(info, pool, exports_cache);
    let luacheckrc = globals::luacheckrc_globals(&info.dir);
    let mut declared: BTreeSet<String> = workspace.engine_globals.clone();
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
    for (_, _, analysis) in parsed {
        for global in &analysis.globals {
            if crate::content::did_you_mean(&global.name, missing.iter().copied()).is_some() {
                known.insert(global.name.clone());
            }
        }
    }
    let guarded_exports = guarded_exports(info, parsed, pool, exports_cache);
    let load_order_globals =
        load_order_globals(info, parsed, &known, &workspace.order, pool, exports_cache);
    let mut api_names = workspace.base_api.clone();
    api_names.extend(dependencies.api_fields.iter().cloned());
    api_names.extend(own.api_fields.iter().cloned());
    // Reading the spec runner's globals parses mineunit's sources: only
    // for a mod that has specs.
    let spec_known = parsed.iter().any(|(file, ..)| is_spec(file)).then(|| {
        let mut spec_known = known.clone();
        spec_known.extend(spec_runner_globals().iter().cloned());
        spec_known
    });
    ModScope {
        known,
        spec_known,
        declared,
        api_names,
        guarded_exports,
        load_order_globals,
    }
}

/// The globals specs get from the spec runner: busted's and mtedu's
/// names, and those mineunit's API assigns.
fn spec_runner_globals() -> &'static BTreeSet<String> {
    static GLOBALS: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    GLOBALS.get_or_init(|| {
        let mut names: BTreeSet<String> = crate::testing::SPEC_GLOBALS
            .iter()
            .map(|name| (*name).to_owned())
            .collect();
        let mut exports = globals::Exports::default();
        for source in crate::testing::mineunit_sources() {
            if let Some((_, analysis)) = globals::analyse_source(source.to_owned()) {
                globals::add_exports(&analysis, &mut exports);
            }
        }
        names.extend(exports.globals);
        names.insert("mineunit".to_owned());
        names
    })
}

/// A spec file (`*_spec.lua`), linted with the spec runner's globals.
fn is_spec(file: &std::path::Path) -> bool {
    file.to_string_lossy().ends_with("_spec.lua")
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
    let path = absolute(file);
    analysis
        .registrations
        .iter()
        .filter(|call| {
            found.iter().any(|d| {
                d.path == file
                    && d.severity == crate::diag::Severity::Error
                    && !super::overlaps::yields_to_the_engine(d.code)
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

/// What each mod tested for in `parsed` (`core.get_modpath("m")`)
/// exports with its dependencies; `None` for one that is not there.
fn guarded_exports(
    info: &ModInfo,
    parsed: &[ParsedFile],
    pool: &BTreeMap<String, ModInfo>,
    cache: &mut BTreeMap<String, globals::Exports>,
) -> BTreeMap<String, Option<globals::Exports>> {
    let mut result = BTreeMap::new();
    for (_, _, analysis) in parsed {
        for global in &analysis.globals {
            for name in &global.guard_mods {
                if result.contains_key(name) {
                    continue;
                }
                let exports = (pool.contains_key(name) || *name == info.name)
                    .then(|| globals::visible_exports(name, pool, cache));
                result.insert(name.clone(), exports);
            }
        }
    }
    result
}

/// The globals `info` reads without defining or depending on them that a
/// mod loading before it (in the engine's order) defines: name → that mod.
fn load_order_globals(
    info: &ModInfo,
    parsed: &[ParsedFile],
    known: &BTreeSet<String>,
    order: &[String],
    pool: &BTreeMap<String, ModInfo>,
    cache: &mut BTreeMap<String, globals::Exports>,
) -> BTreeMap<String, String> {
    let mut unknown: BTreeSet<&str> = parsed
        .iter()
        .flat_map(|(_, _, analysis)| &analysis.globals)
        .filter(|g| g.access != scope::GlobalAccess::Write && !known.contains(&g.name))
        .map(|g| g.name.as_str())
        .collect();
    let mut result = BTreeMap::new();
    if unknown.is_empty() {
        return result;
    }
    for earlier in order.iter().take_while(|name| **name != info.name) {
        let Some(earlier_info) = pool.get(earlier) else {
            continue;
        };
        let exports = cache
            .entry(earlier.clone())
            .or_insert_with(|| globals::exports_of(earlier_info));
        unknown.retain(|name| {
            let defined = exports.globals.contains(*name);
            if defined {
                result.insert((*name).to_owned(), earlier.clone());
            }
            !defined
        });
        if unknown.is_empty() {
            break;
        }
    }
    result
}

/// Every mod that may be loaded with the user's mods (the workspace and
/// the game), by name, and their names in the engine's load order.
fn mod_pool(
    paths: &[PathBuf],
    options: &LintOptions,
    host: &Host,
    workspace: &Workspace,
) -> (BTreeMap<String, ModInfo>, Vec<String>) {
    let loose = workspace.games.is_empty() && workspace.worlds.is_empty();
    let game_dir = host
        .game_dir(options.game.as_deref(), loose)
        .unwrap_or(None);
    let request = crate::engine::LoadRequest::from_paths(paths, game_dir.as_deref(), host);
    let loaded = crate::engine::loader::first_of_each_name(request.mods.clone());
    let order = crate::engine::loader::load_order(&loaded)
        .0
        .into_iter()
        .map(|m| m.name.clone())
        .collect();
    let mut pool = BTreeMap::new();
    for info in workspace.all_mods().cloned().chain(request.mods) {
        pool.entry(info.name.clone()).or_insert(info);
    }
    (pool, order)
}
