//! The short lines of `mtedu serve`'s events that players read in the game
//! chat: one per catalogue, the terminal's language first, each player
//! reading the one of their game's language.

use super::serve_explain;
use super::serve_safety;
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::serve::session::RESTART_WARNING;
use crate::serve::{ChatText, Event, HardReason};

/// The chat lines of an event: the terminal's language first (for
/// players whose game speaks another), then every catalogue's (public for
/// the tests that play a session on the real server).
pub fn chat_lines(first: crate::i18n::Lang) -> ChatText {
    let mut langs = vec![first];
    langs.extend(crate::i18n::Lang::ALL.into_iter().filter(|l| *l != first));
    let localizers: Vec<(String, Localizer)> = langs
        .into_iter()
        .map(|lang| (lang.code().to_owned(), Localizer::new(lang)))
        .collect();
    Box::new(move |event| {
        localizers
            .iter()
            .filter_map(|(code, localizer)| Some((code.clone(), chat_text(event, localizer)?)))
            .collect()
    })
}

/// The short message players see in the game, or none.
fn chat_text(event: &Event, localizer: &Localizer) -> Option<String> {
    let text = match event {
        Event::Rejected { mod_name, report } => {
            let first = report.diagnostics.first()?;
            let message = localizer.text(first.code.message_key(), &first.args);
            let place = match first.span {
                Some(span) => format!("{}:{}", crate::content::folder_name(&first.path), span.line),
                None => crate::content::folder_name(&first.path),
            };
            localizer.text(
                "serve-rejected-chat",
                &[
                    ("mod", mod_name.as_str().into()),
                    ("place", place.into()),
                    ("message", message.into()),
                ],
            )
        }
        Event::SoftReloaded { mod_name, .. } => {
            localizer.text("serve-soft-chat", &[("mod", mod_name.as_str().into())])
        }
        Event::Restarting { reason, .. } => localizer.text(
            match reason {
                HardReason::LooksChanged { .. } => "serve-restart-looks-chat",
                _ => "serve-restart-chat",
            },
            &[
                ("mod", reason.mod_name().into()),
                (
                    "seconds",
                    ArgValue::Number(RESTART_WARNING.as_secs() as i64),
                ),
            ],
        ),
        Event::CallbackError {
            mod_name,
            explained,
            ..
        } => serve_explain::chat_text(mod_name, explained, localizer),
        Event::Safety(event) => return serve_safety::chat_text(event, localizer),
        _ => return None,
    };
    Some(text)
}
