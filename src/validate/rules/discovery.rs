//! Paths that do not exist or hold nothing mtedu understands, and a `--game`
//! that cannot be found.

use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

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

pub struct Discovery;

impl Rule for Discovery {
    fn codes(&self) -> &'static [&'static Code] {
        &[&PATH_NOT_FOUND, &NO_CONTENT, &GAME_NOT_FOUND]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for path in &context.workspace.missing {
            out.push(
                Diagnostic::new(&PATH_NOT_FOUND, path)
                    .arg("path", path.to_string_lossy().into_owned()),
            );
        }
        for path in &context.workspace.not_content {
            out.push(Diagnostic::new(&NO_CONTENT, path));
        }
        if let Some(game) = &context.surroundings.missing_game {
            out.push(Diagnostic::new(&GAME_NOT_FOUND, game.as_str()).arg("game", game.as_str()));
        }
    }
}
