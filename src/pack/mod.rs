//! `pack` and `install`: sharing content as zip archives.
//!
//! [`pack`] turns one package folder (mod, modpack, game, texture pack,
//! world or lesson) into a byte-reproducible zip laid out as ContentDB
//! expects, checked before and after writing. [`install`] puts an archive
//! or a folder into the user's engine folder, refusing hostile archives
//! before writing anything and never leaving half an install behind.
//!
//! One concern per file: `select` (which files), `writer` (the
//! deterministic zip), `central` + `checks` + `extract` (reading archives
//! safely), `targets` (where things go), `output` (where an archive goes), `plan`, `world` and `lesson` (what goes
//! into an archive), `selfcheck`, `stage` (the temporary folder of an
//! install), `leftovers` (temporary files of killed runs), `reasons` (IO failures as
//! catalogue keywords), and the two pipelines `packer` and `installer`.
//! Like the rest of the core, this module prints nothing: problems are
//! [`Diagnostic`](crate::diag::Diagnostic)s and progress goes through the
//! [`Progress`] trait, which the command line draws as a bar.
//!
//! # Files
//!
//! `mtedu pack` and `mtedu install`. `select.rs` chooses the files (junk
//! names, `.gitignore` / `.mteduignore` through the `ignore` crate; links
//! followed, those leading out of the package marked, broken ones named);
//! `plan.rs` lays out the archive per kind, with `world.rs` (refuse a world
//! a program has open, notice changes while packing, copy in the mods
//! world.mt switches on, and those `serve` linked, leaving serve's own
//! folder out, and the game the user installed as the world's own `game/`,
//! which the engine prefers to its games) and `lesson.rs` (a lesson becomes
//! a classroom world, with `handout.rs` rendering handout.md as a printable
//! page); `writer.rs` is the deterministic zip writer (sorted entries,
//! fixed times and permissions, deflate); `central.rs` reads an archive's
//! table of contents byte by byte and `checks.rs` refuses hostile archives
//! before anything is written; `extract.rs` extracts what passed, counting
//! real sizes; `selfcheck.rs` reads a new archive back and validates it
//! again; `targets.rs` and `stage.rs` say where an install goes and prepare
//! it in a hidden folder beside its target; `output.rs` says where an
//! archive goes (never inside the package, never over a file that is not a
//! zip); `leftovers.rs` names pack's and install's temporary files (through
//! the crate-level `src/leftovers.rs`, which the engine's throwaway worlds
//! use too: the process id in the name, removal of killed runs' ones);
//! Ctrl-C and SIGTERM reach the copy loops through `Progress::stopped`, so
//! a stopped run removes its own; `reasons.rs` turns IO failures into
//! catalogue keywords; `packer.rs` and `installer.rs` are the two pipelines
//! (install refuses to replace a world a program has open); `codes.rs`
//! declares MT40xx (pack) and MT41xx (install); `unpack.rs` gives `mtedu
//! class` a mod's zip (mistakes and all) and the install checks on a push.

mod central;
mod checks;
pub mod codes;
mod extract;
pub mod handout;
mod installer;
mod leftovers;
mod lesson;
mod output;
mod packer;
mod plan;
mod reasons;
mod select;
mod selfcheck;
mod stage;
mod targets;
mod unpack;
mod world;
mod writer;

pub use codes::CODES;
pub use installer::{InstallOptions, InstallOutcome, install};
pub use packer::{CONTENTDB_LIMIT, PackOptions, PackOutcome, pack};
pub use select::{IGNORE_FILE, is_junk};
pub use targets::kind_word;
pub use unpack::{unpack_checked, zip_mod};

/// Told how far a long pack or install has gone, in bytes.
pub trait Progress {
    /// The work ahead, in bytes.
    fn start(&self, _total: u64) {}
    /// `bytes` more were done.
    fn advance(&self, bytes: u64);
    /// Everything is done (or stopped).
    fn finish(&self) {}
    /// True once the user asked to stop (Ctrl-C, SIGTERM): the copy loops
    /// end at the next chunk and the temporary files are removed.
    fn stopped(&self) -> bool {
        false
    }
}

/// No progress shown: for tests, scripts and `--quiet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn advance(&self, _bytes: u64) {}
}

/// What an archive may unpack to before it is refused as hostile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes once extracted.
    pub max_total: u64,
    /// Entries (files and folders).
    pub max_entries: usize,
    /// Uncompressed size divided by compressed size, for entries over 1 MiB.
    /// Real files stay far below (text ~10, worlds' databases ~5); zip bombs
    /// reach 1000.
    pub max_ratio: u64,
}

/// 1 GiB, as the issue asks: a large world fits, a bomb does not.
pub const DEFAULT_MAX_TOTAL: u64 = 1024 * 1024 * 1024;
/// Big games have a few thousand files; far more means an attack.
pub const DEFAULT_MAX_ENTRIES: usize = 30_000;
pub const DEFAULT_MAX_RATIO: u64 = 200;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_total: DEFAULT_MAX_TOTAL,
            max_entries: DEFAULT_MAX_ENTRIES,
            max_ratio: DEFAULT_MAX_RATIO,
        }
    }
}

impl Limits {
    /// No limits: for reading back an archive mtedu just wrote.
    pub fn unlimited() -> Self {
        Limits {
            max_total: u64::MAX,
            max_entries: usize::MAX,
            max_ratio: u64::MAX,
        }
    }
}
