//! `mtedu serve`'s safety-net events ([`Safety`]) in the terminal (or
//! JSON) and in the game's chat.

use serde_json::json;

use super::serve_print::Printer;
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::serve::Safety;

impl Printer<'_> {
    pub(super) fn safety(&self, event: Safety) {
        match event {
            Safety::Frozen {
                running,
                silent,
                switched_off,
            } => {
                let ms = silent.as_millis() as u64;
                let Some(running) = running else {
                    return self.line(
                        "serve-frozen-unknown",
                        &[("ms", ArgValue::Number(ms as i64))],
                        json!({"event": "frozen", "ms": ms, "switched_off": false}),
                    );
                };
                let place = self.pupil_paths(&running.place);
                self.line(
                    if switched_off {
                        "serve-frozen"
                    } else {
                        "serve-frozen-kept"
                    },
                    &[
                        ("mod", running.mod_name.as_str().into()),
                        ("callback", running.callback.as_str().into()),
                        ("place", place.as_str().into()),
                        ("ms", ArgValue::Number(ms as i64)),
                    ],
                    json!({"event": "frozen", "mod": running.mod_name, "callback": running.callback,
                        "place": place, "ms": ms, "switched_off": switched_off}),
                );
            }
            Safety::ShutdownBy {
                mod_name,
                place,
                message,
            } => {
                let place = self.pupil_paths(&place);
                self.line(
                    if mod_name.is_empty() {
                        "serve-shutdown-by-code"
                    } else {
                        "serve-shutdown-by"
                    },
                    &[
                        ("mod", mod_name.as_str().into()),
                        ("place", place.as_str().into()),
                        ("message", message.as_str().into()),
                    ],
                    json!({"event": "shutdown_requested", "mod": mod_name, "place": place, "message": message}),
                );
            }
            Safety::Privileges {
                player,
                granted,
                revoked,
                reverted,
                mod_name,
                place,
            } => {
                let place = self.pupil_paths(&place);
                let changes: Vec<String> = granted
                    .iter()
                    .map(|p| format!("+{p}"))
                    .chain(revoked.iter().map(|p| format!("-{p}")))
                    .collect();
                self.line(
                    "serve-privileges",
                    &[
                        ("mod", mod_name.as_str().into()),
                        ("place", place.as_str().into()),
                        ("player", player.as_str().into()),
                        ("changes", changes.join(" ").into()),
                    ],
                    json!({"event": "privileges", "player": player, "granted": granted,
                        "revoked": revoked, "reverted": reverted, "mod": mod_name, "place": place}),
                );
                if !reverted.is_empty() {
                    self.line(
                        "serve-privileges-reverted",
                        &[
                            ("player", player.as_str().into()),
                            ("privileges", reverted.join(", ").into()),
                        ],
                        json!({"event": "privileges_reverted", "player": player, "privileges": reverted}),
                    );
                }
            }
        }
    }
}

/// The short line players read in the game, or none.
pub(super) fn chat_text(event: &Safety, localizer: &Localizer) -> Option<String> {
    match event {
        Safety::Frozen {
            running: Some(running),
            switched_off,
            ..
        } => Some(localizer.text(
            if *switched_off {
                "serve-frozen-chat"
            } else {
                "serve-frozen-kept-chat"
            },
            &[
                ("mod", running.mod_name.as_str().into()),
                ("callback", running.callback.as_str().into()),
                ("place", short_path(&running.place).into()),
            ],
        )),
        Safety::Frozen { running: None, .. } => Some(localizer.plain("serve-frozen-unknown-chat")),
        // The server is gone: nobody reads its chat.
        Safety::ShutdownBy { .. } | Safety::Privileges { .. } => None,
    }
}

/// `/long/path/to/mods/x/init.lua:3` → `x/init.lua:3`: what a player needs.
fn short_path(place: &str) -> String {
    let path = place.rsplit_once(':').map_or(place, |(path, _)| path);
    let start = path
        .rmatch_indices('/')
        .nth(1)
        .map_or(0, |(index, _)| index + 1);
    place[start..].to_owned()
}
