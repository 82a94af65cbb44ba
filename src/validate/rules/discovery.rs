//! Paths that do not exist or hold nothing mtedu understands, and a `--game`
//! that cannot be found.

use crate::diag::input::{GAME_NOT_FOUND, NO_CONTENT, PATH_NOT_FOUND};
use crate::diag::{Code, Diagnostic};
use crate::validate::{Context, Rule};

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
