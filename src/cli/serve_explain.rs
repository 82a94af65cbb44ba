//! A callback error of the live server as `serve` tells it, in the words
//! of the one explainer: one short line for the game chat (the pupil's
//! file:line, what, the fix), the long form for the terminal (the pupil's
//! own file, what, the fix; Lua's own words only with `-v`), and the JSON
//! event (Lua's text in `message`, the explanation beside it).

use serde_json::{Value, json};

use crate::diag::{ArgValue, relative_to_cwd};
use crate::engine::explain::Explained;
use crate::i18n::Localizer;

/// The game chat's line, in the language of `localizer`.
pub(super) fn chat_text(mod_name: &str, explained: &Explained, localizer: &Localizer) -> String {
    localizer.text(
        "serve-callback-chat",
        &[
            ("mod", mod_name.into()),
            ("line", explained.chat_line(localizer).into()),
        ],
    )
}

/// The terminal's arguments of `serve-callback-error` and the JSON event;
/// `message` is Lua's text with the pupil's paths.
pub(super) fn terminal(
    mod_name: &str,
    callback: &str,
    message: &str,
    explained: &Explained,
    localizer: &Localizer,
) -> (Vec<(&'static str, ArgValue)>, Value) {
    let place = explained
        .place
        .as_ref()
        .map(|(path, line)| (relative_to_cwd(path).display().to_string(), *line));
    let what = explained.what(localizer);
    let fix = explained.fix(localizer);
    let args = vec![
        ("mod", mod_name.into()),
        ("callback", callback.into()),
        (
            "place",
            place
                .as_ref()
                .map_or_else(
                    || "none".to_owned(),
                    |(file, line)| format!("{file}:{line}"),
                )
                .into(),
        ),
        ("what", what.as_str().into()),
        ("fix", fix.as_str().into()),
    ];
    let document = json!({
        "event": "callback_error",
        "mod": mod_name,
        "callback": callback,
        "message": message,
        "explanation": {
            "file": place.as_ref().map(|(file, _)| file),
            "line": place.as_ref().map(|(_, line)| line),
            "shape": explained.shape(),
            "what": what,
            "fix": fix,
        },
    });
    (args, document)
}
