//! mtedu's one integration-test binary (`autotests = false` in Cargo.toml):
//! every test of the built `mtedu` binary and of the library's public API,
//! linked once with LuaJIT, mlua and zip instead of once per file.
//!
//! WHERE NEW TESTS GO: in `tests/it/<area>.rs`, a module of this binary.
//! Add the test to the file of its area below; for a new area, create
//! `tests/it/<area>.rs` (opening with a `//!` line saying what it tests) and
//! add `mod <area>;` to the list below, under its heading. A file under
//! `tests/` outside `tests/it/`, or one missing from this list, is never
//! compiled: `test_layout.rs` fails on both.
//!
//! Shared helpers live in `tests/support/` (real servers, fixtures, archives,
//! unreadable files), compiled once as `crate::support`: reach them with
//! `use crate::support;` then `support::mtedu_command(..)`, or
//! `use crate::support::fixtures;`. Sub-modules of an area go in
//! `tests/it/<area>/` (see `engine_fidelity/step_probe.rs`).
//!
//! Run one area with `cargo test --test it <area>::`, one test with
//! `cargo test --test it <name>`.

#[path = "../support/mod.rs"]
mod support;

/// Keeps this layout true: every test file is compiled.
mod test_layout;

/// The one-way flow between the library's top-level modules.
mod architecture;

// The command line: exit codes, languages, pipes, output, `-v`.
mod cli;
mod cli_exit_codes;
mod cli_language;
mod cli_pipes;
mod cli_verbose;
mod human_output;

// Content parsers and the unreadable-file paths.
mod lua_front_end_never_crashes;
mod parse_settingtypes;
mod parse_translation;
mod parsers_never_panic;
mod unreadable_files;

// validate and lint: fixture runners, `--fix`, the argument table.
mod api_arguments;
mod lint_fix;
mod lint_fixtures;
mod validate_fixtures;

// The embedded engine and differential tests against the real server.
mod api_coverage_doc;
mod debian_corpus;
mod engine_broken_mods;
mod engine_data;
mod engine_fidelity;
mod engine_files;
mod engine_findings;
mod engine_hostile;
mod engine_versions;
mod hostile_input;
mod real_content;
mod real_verdicts;

// `mtedu test`, examples and the beginner corpus.
mod beginner_mods;
mod examples_check;
mod examples_real_server;
mod luassert_table;
mod mineunit_suites;
mod testing;
mod testing_cli;
mod testing_doc;

// Play time: `check` plays the mods (the corpus, and real content).
mod play_real_content;
mod playtime_corpus;

// This PC: `mtedu doctor` and installed games.
mod doctor_cli;
mod doctor_engine;
mod installed_games;

// Lessons, `mtedu new`.
mod handout_browser;
mod lessons;
mod lessons_cli;
mod scaffold;

// `mtedu pack` and `mtedu install`.
mod install_fixtures;
mod install_never_panics;
mod pack_cli;
mod pack_files;
mod pack_fixtures;
mod pack_interrupt;
mod pack_roundtrip;

// `mtedu serve` against the real server (and the real graphical client).
mod serve_client;
mod serve_explain;
mod serve_hostile;
mod serve_real;
mod serve_real_engines;
mod serve_safety;

// `mtedu class`: class folders, the dashboard, pupils' pushes.
mod class_actions;
mod class_cli;
mod class_dashboard;
mod class_end_to_end;
mod class_join;
mod class_showcase;

// The newcomer's first hour: README.md run as written, first-run surprises.
mod first_hour;
mod readme_tour;

// The code registry, catalogues and generated documents.
mod codes_doc;
mod codes_registry;
mod i18n_catalogues;
