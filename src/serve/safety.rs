//! What serve's safety net tells about a pupil's mod harming the class
//! server: a server frozen in a mod's callback (see `session/freeze.rs`),
//! a mod that stopped it (`session/blame.rs`), a mod that changed a
//! player's privileges (`companion/privileges.lua`).

use serde_json::Value;

use std::time::Duration;

/// A callback the companion recorded as running (`companion/running.lua`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    /// The mod that registered it (empty when the companion could not tell).
    pub mod_name: String,
    /// What it is: `register_globalstep`, `/cmd.func`, `mymod:node.on_punch`…
    pub callback: String,
    /// Where its function starts (`path:line`).
    pub place: String,
}

/// The safety net's events (one variant of [`super::Event`]).
#[derive(Debug, Clone)]
pub enum Safety {
    /// The server stopped answering for `silent`: it was killed and is
    /// restarted. `running` is the callback it was stuck in (none: the
    /// cause is unknown); `switched_off` when that callback's watched mod
    /// is left out until the pupil saves it again.
    Frozen {
        running: Option<Running>,
        silent: Duration,
        switched_off: bool,
    },
    /// The server stopped because a mod asked it to
    /// (`core.request_shutdown`, at `place`, with `message`); `mod_name`
    /// is empty when the caller is not a mod (builtin's `/shutdown`).
    ShutdownBy {
        mod_name: String,
        place: String,
        message: String,
    },
    /// A mod (`mod_name`, its code at `place`) changed `player`'s
    /// privileges; `reverted` are grants the classroom preset took back.
    Privileges {
        player: String,
        granted: Vec<String>,
        revoked: Vec<String>,
        reverted: Vec<String>,
        mod_name: String,
        place: String,
    },
}

/// The companion's `privileges` event, when `event` is one.
pub fn privileges_event(event: &Value) -> Option<Safety> {
    if event["event"] != "privileges" {
        return None;
    }
    let text = |key: &str| event[key].as_str().unwrap_or_default().to_owned();
    let list = |key: &str| -> Vec<String> {
        event[key]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    Some(Safety::Privileges {
        player: text("player"),
        granted: list("granted"),
        revoked: list("revoked"),
        reverted: list("reverted"),
        mod_name: text("mod"),
        place: text("place"),
    })
}

/// The record the companion keeps in `io/running`: `idle`, or `running`,
/// mod, callback and place separated by tabs.
pub fn parse_running(text: &str) -> Option<Running> {
    let mut fields = text.trim_end().split('\t');
    if fields.next()? != "running" {
        return None;
    }
    let mut next = || fields.next().unwrap_or_default().trim().to_owned();
    Some(Running {
        mod_name: next(),
        callback: next(),
        place: next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_companions_record_names_the_callback_or_nothing() {
        let record = format!(
            "running\tpupil\tregister_globalstep\t/w/mods/pupil/init.lua:3{}\n",
            " ".repeat(40)
        );
        assert_eq!(
            parse_running(&record),
            Some(Running {
                mod_name: "pupil".into(),
                callback: "register_globalstep".into(),
                place: "/w/mods/pupil/init.lua:3".into(),
            })
        );
        assert_eq!(parse_running(&format!("idle{}\n", " ".repeat(40))), None);
        assert_eq!(parse_running(""), None);
    }
}
