//! The input codes (MT000x) every pass reports the same way, whichever
//! command runs: a path that does not exist or holds no content, a game that
//! cannot be found, a file that cannot be read. They live here, below all
//! the passes, so none of them reaches into another for its codes.

use super::{Code, Severity};

pub const PATH_NOT_FOUND: Code = Code {
    id: "MT0001",
    name: "path-not-found",
    severity: Severity::Error,
    doc: "A path given on the command line does not exist.",
};

pub const NO_CONTENT: Code = Code {
    id: "MT0002",
    name: "no-content",
    severity: Severity::Error,
    doc: "A path holds no mod, modpack, game, world, texture pack or lesson.",
};

pub const GAME_NOT_FOUND: Code = Code {
    id: "MT0003",
    name: "game-not-found",
    severity: Severity::Error,
    doc: "The game named with --game is neither installed nor a game folder.",
};

pub const UNREADABLE: Code = Code {
    id: "MT0004",
    name: "unreadable",
    severity: Severity::Error,
    doc: "A file or folder exists but cannot be read (no permission, a disk error).",
};
