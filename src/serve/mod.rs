//! `mtedu serve`: a real local server with hot reload. The watched mods
//! are linked (not copied) into a mods folder of serve's own; a companion
//! mod, loaded first, wraps every callback in a safety net and answers
//! signed requests through its own folder. Each save is loaded in the
//! embedded engine first; errors never reach the server. Same registered
//! names → soft reload in the live server; otherwise → hard reload
//! (backup, restart).
//!
//! # Files
//!
//! `event_loop.rs` is the loop a running serve turns (saves → reload or
//! retry, events, players every 2 s) until Ctrl-C, for one session or a
//! class's; `cli/serve.rs` only turns flags into options and prints
//! (`cli/serve_print.rs`, `cli/serve_chat.rs`). `defaults.rs` what serve
//! uses when the user names none (the first server program, a world of
//! mtedu's own); `addresses.rs` where players connect (this PC's network
//! addresses). `layout.rs` says where things live (all of serve's files
//! beside the world in `.<world>.mtedu/`, where no mod of the server may
//! read or write — the world folder is writable by every mod —: `mods/`
//! with one link per watched mod — the server reads the pupil's own files
//! —, `companion/` with the protocol's `io/` inside the companion's own
//! folder, `last-good/`, the server's config and log; backups in
//! `<world>.backups/`); `world.rs` writes world.mt (the four sqlite3 keys,
//! the preset, `load_mod_` lines, a `.bak` first) and the links, moves an
//! older serve's `<world>/mtedu/` out, and before each start the companion
//! and the config; `key.rs` the session's secret (HMAC-SHA1 of every line
//! of the protocol, both ways); `preset.rs` the classroom settings;
//! `process.rs` runs the server (own process group, SIGTERM when mtedu
//! dies, only HOME, PATH, the locale and the engine's variables of mtedu's
//! environment — pupils' mods read it with `os.getenv` —,
//! `MINETEST_MOD_PATH` = companion folder then mods folder, so the
//! companion loads first, and a home of its own from `server_home.rs`:
//! the user's games and installed mods linked, less the watched ones, which
//! the engine would otherwise find twice); `companion/init.lua` is the Lua mod inside the
//! server: the signed request/result protocol, running its other files
//! from its own folder — `companion/net.lua` the safety net around every
//! callback, `companion/reload.lua` soft reload with definitions replaced
//! in place and the mod's callbacks swapped by `callback_origins` in place
//! (no callback list ever gets shorter while the engine walks it, the
//! globalstep list keeps its length with idle slots),
//! `companion/actions.lua` what each request does; `companion/teacher.lua` the class dashboard's
//! freeze, gather and announce; `protocol.rs` is the Rust side of that protocol;
//! `checker.rs` loads the watched mods in the embedded engine and computes,
//! with `signature.lua`, what a live server cannot change (names, crafts,
//! ABMs, LBMs): a change there means a hard reload; `session.rs` ties it
//! together (start, requests — a request gives up as soon as the server is
//! gone —, stop), `session/event.rs` what it tells, `session/checks.rs`
//! the embedded check and what the server is pointed at (pupils' folders,
//! last good copies), `session/reload.rs` a save (check → soft or hard
//! reload, restore of a backup when the world no longer loads),
//! `session/crash.rs` crash restarts bounded and told at once; `session/freeze.rs` pings the
//! companion every 0.5 s and, when it stops answering, kills the server
//! and restarts it with the mod whose callback was running switched off
//! (`companion/running.lua` keeps that callback in a file serve reads);
//! `session/blame.rs` says what stopped a server: the mod that called
//! `request_shutdown` (`companion/shutdown.lua` tells), else the log's
//! errors without the companion's caught ones, else "unknown";
//! `companion/earlier.lua` wraps what mods loaded before the companion
//! registered (the engine's load order is not fixed);
//! `companion/privileges.lua` tells every privilege change a mod makes
//! (who, which, the mod's file:line) and, under the classroom preset,
//! takes back its grants of `server` and `privs`;
//! `safety.rs` the safety net's events; `watch.rs` turns notify events
//! into changed mods (content fingerprints, so reads are not saves);
//! `pupils.rs` finds the mods of a folder, refuses two mods of one name in
//! one world and runs one server per pupil (`Class`: start, ports, step, stop); `teacher.rs` the
//! teacher's player name (the companion grants it every privilege);
//! `backup.rs`, `snapshot.rs` (last good copy served when the pupil's files
//! are broken at a restart) and `lock.rs` (one serve per world);
//! `links.rs` finds links out of a watched mod's folder (refused: that mod
//! is served from its last good copy, never copied nor followed);
//! `explain.rs` turns a callback error of the live server into the one
//! explainer's message at the pupil's line (serve's link paths and Lua's
//! shortened `...tail` names turned back into the pupil's files);
//! `stop.rs` the Ctrl-C/SIGTERM flag every wait looks at (the embedded
//! check runs on a thread of its own, so a save that runs for its whole
//! budget never delays a stop).

pub mod addresses;
pub mod backup;
pub mod checker;
pub mod defaults;
pub mod error;
pub mod event_loop;
pub mod explain;
pub mod key;
pub mod layout;
pub mod links;
pub mod lock;
pub mod media;
pub mod preset;
pub mod process;
pub mod protocol;
pub mod pupils;
pub mod safety;
pub mod server_home;
pub mod session;
pub mod snapshot;
pub mod stop;
pub mod teacher;
pub mod watch;
pub mod world;

pub use error::ServeError;
pub use layout::Layout;
pub use preset::Preset;
pub use safety::{Running, Safety};
pub use session::{ChatText, Event, HardReason, ServeOptions, Session};
pub use stop::StopSignal;
