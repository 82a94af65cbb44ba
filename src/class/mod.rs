//! `mtedu class`: a whole class on the animator's PC. One folder per pupil
//! (`<class>/<pupil>/<mod>`, the lesson's starter) and `class.toml`; one
//! real server per pupil (`serve::pupils::Class`); a dashboard page on the
//! LAN showing who needs help; pupils' saves pushed from their own PCs.
//!
//! # Files
//!
//! `config.rs` reads and writes `class.toml` (pupils, lesson, engine, the
//! class code pupils type and the teacher token that opens the dashboard);
//! `names.rs` says which pupil names are usable (player names, no two
//! alike, none Windows refuses as a folder); `create.rs` is `class new`
//! (the whole class folder written beside its place and renamed in);
//! `secret.rs` makes codes and tokens from the OS's random numbers and
//! compares them in constant time; `board.rs` holds the dashboard's rows
//! (stuck, sorted by who needs help) and their JSON; `checks.rs` checks
//! each pupil's folder at the start and after each save (a thread of its
//! own); `dashboard.rs` is the web server (tiny_http) with the page of
//! `web/` embedded; `guard.rs` refuses addresses that keep guessing codes;
//! `run.rs` ties it together for `mtedu class DIR`; `inbox.rs` receives
//! pupils' pushes (install's checks, nothing outside the pupil's folder);
//! `join.rs` and `client.rs` are the pupil's side (`mtedu class join`);
//! `actions.rs` is the teacher's actions (freeze, gather, say, reload: an
//! order from the page to the loop that owns the servers) and
//! `show_file.rs` a pupil's file for the page, never one outside their
//! folder; `showcase.rs` is `class showcase` (one world of every mod that
//! loads, each under a name of its own: `rename.rs`); `keys.rs` gives
//! each pupil name a key at its first push, so another PC cannot push
//! under that name with the shared class code.

pub mod actions;
pub mod board;
pub mod checks;
pub mod client;
pub mod config;
pub mod create;
pub mod dashboard;
pub mod guard;
pub mod inbox;
pub mod join;
pub mod keys;
pub mod names;
pub mod rename;
pub mod run;
pub mod secret;
pub mod show_file;
pub mod showcase;

pub use config::{CLASS_FILE, ClassConfig};
pub use create::{ClassError, CreatedClass, create_class};
