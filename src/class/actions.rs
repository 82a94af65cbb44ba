//! The teacher's actions on the dashboard: freeze or release every pupil,
//! bring them to the teacher, say something to all, reload one pupil's
//! mod. The page's request (a dashboard thread) becomes an [`Order`] sent
//! to `mtedu class`'s loop, which owns the servers; the loop carries it
//! out between two steps and sends back what the servers answered, which
//! the page shows in the animator's words.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::serve::Event;
use crate::serve::pupils::Class;

/// What the teacher asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// Hold every pupil in place (`true`) or let them go.
    Freeze(bool),
    /// Every pupil next to the teacher, on each server the teacher is in.
    Gather,
    /// A chat line to every player of every server.
    Say(String),
    /// Load this pupil's mod again now.
    Reload(String),
}

/// The longest chat line sent: the engine's chat shows about this much.
pub const MAX_SAY: usize = 300;

impl Order {
    /// The order of `POST /api/teacher/<name>` with its JSON body; `None`
    /// for an unknown name or a body without what the order needs.
    pub fn parse(name: &str, body: &Value) -> Option<Order> {
        match name {
            "freeze" => Some(Order::Freeze(true)),
            "unfreeze" => Some(Order::Freeze(false)),
            "gather" => Some(Order::Gather),
            "say" => {
                let text: String = body["text"]
                    .as_str()?
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_SAY)
                    .collect();
                let text = text.trim().to_owned();
                (!text.is_empty()).then_some(Order::Say(text))
            }
            "reload" => Some(Order::Reload(body["pupil"].as_str()?.to_owned())),
            _ => None,
        }
    }
}

/// What the servers answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Servers running when the order came, and those that answered.
    pub servers: usize,
    pub answered: usize,
    /// Players it reached (frozen, moved, told).
    pub players: usize,
    /// Gather: servers where the teacher is in the game.
    pub with_teacher: usize,
    /// Reload: the pupil has no running server (their mod never loaded).
    pub no_server: bool,
    /// Reload: the mod has mistakes, nothing was sent to the server.
    pub rejected: bool,
}

/// One order and where its outcome goes.
pub struct Asked {
    pub order: Order,
    pub reply: Sender<Outcome>,
}

/// The dashboard's end of the line to the loop.
pub struct Desk {
    orders: Mutex<Sender<Asked>>,
    /// The teacher's player name: what the chat line says it is from.
    pub teacher: String,
}

/// How long the page waits for the servers (each answers within a few
/// seconds; a reload checks the mod first).
const ANSWER_WAIT: Duration = Duration::from_secs(60);

impl Desk {
    /// A desk and the loop's end of it.
    pub fn new(teacher: String) -> (Desk, Receiver<Asked>) {
        let (sender, receiver) = channel();
        (
            Desk {
                orders: Mutex::new(sender),
                teacher,
            },
            receiver,
        )
    }

    /// Sends `order` to the loop and waits for its outcome; `None` when
    /// the loop did not answer in time (it is ending).
    pub fn ask(&self, order: Order) -> Option<Outcome> {
        let (reply, outcome) = channel();
        self.orders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(Asked { order, reply })
            .ok()?;
        outcome.recv_timeout(ANSWER_WAIT).ok()
    }
}

/// Carries out `order` on the running servers; events of a reload go to
/// `on_event` as any save's do.
pub fn carry_out(
    class: &mut Class,
    order: &Order,
    teacher: &str,
    mods_of: &dyn Fn(&str) -> BTreeSet<String>,
    on_event: &mut dyn FnMut(&str, Event),
) -> Outcome {
    let mut outcome = Outcome::default();
    if let Order::Reload(pupil) = order {
        let Some(server) = class.servers.iter_mut().find(|s| &s.pupil == pupil) else {
            outcome.no_server = true;
            return outcome;
        };
        outcome.servers = 1;
        let mods = mods_of(pupil);
        let mut tell = |event: Event| {
            match &event {
                Event::Rejected { .. } => outcome.rejected = true,
                Event::SoftReloaded { .. } | Event::HardReloaded { .. } | Event::Started { .. } => {
                    outcome.answered = 1;
                }
                _ => {}
            }
            on_event(pupil, event);
        };
        if server.session.is_serving() {
            server.session.reload(&mods, &mut tell);
        } else {
            server.session.retry(&mut tell);
        }
        return outcome;
    }
    let (action, fields) = match order {
        Order::Freeze(frozen) => ("freeze", json!({"frozen": frozen})),
        Order::Gather => ("gather", json!({})),
        Order::Say(text) => ("announce", json!({"text": text, "from": teacher})),
        Order::Reload(_) => unreachable!("handled above"),
    };
    for server in &mut class.servers {
        if !server.session.is_serving() {
            continue;
        }
        outcome.servers += 1;
        let Ok(answer) = server.session.ask(action, fields.clone()) else {
            continue;
        };
        if answer["ok"] != true {
            continue;
        }
        outcome.answered += 1;
        // The engine writes every Lua number as a float (`1.0`).
        let count = |key: &str| answer[key].as_f64().unwrap_or(0.0) as usize;
        outcome.players += count("players") + count("moved");
        if answer["teacher"] == true {
            outcome.with_teacher += 1;
        }
    }
    outcome
}

/// What the page tells the animator about `outcome`, and whether it went well.
pub fn outcome_text(
    order: &Order,
    outcome: &Outcome,
    teacher: &str,
    localizer: &Localizer,
) -> (bool, String) {
    let n = |value: usize| ArgValue::Number(value as i64);
    let counts = [
        ("players", n(outcome.players)),
        ("servers", n(outcome.answered)),
        ("running", n(outcome.servers)),
    ];
    let text = |key: &str| localizer.text(key, &counts);
    match order {
        Order::Reload(pupil) => {
            let name = [("pupil", ArgValue::from(pupil.as_str()))];
            if outcome.no_server {
                (false, localizer.text("class-action-no-server", &name))
            } else if outcome.rejected {
                (false, localizer.text("class-action-reload-rejected", &name))
            } else if outcome.answered == 0 {
                (false, localizer.text("class-action-reload-failed", &name))
            } else {
                (true, localizer.text("class-action-reloaded", &name))
            }
        }
        _ if outcome.servers == 0 => (false, text("class-action-no-servers")),
        _ if outcome.answered == 0 => (false, text("class-action-none-answered")),
        Order::Freeze(true) => (true, text("class-action-frozen")),
        Order::Freeze(false) => (true, text("class-action-released")),
        Order::Gather if outcome.with_teacher == 0 => (
            false,
            localizer.text("class-action-no-teacher", &[("teacher", teacher.into())]),
        ),
        Order::Gather => (true, text("class-action-gathered")),
        Order::Say(_) => (true, text("class-action-said")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_come_from_their_name_and_a_chat_line_is_cleaned() {
        assert_eq!(
            Order::parse("freeze", &json!({})),
            Some(Order::Freeze(true))
        );
        assert_eq!(
            Order::parse("say", &json!({"text": " Rangez\u{7} vos blocs \n"})),
            Some(Order::Say("Rangez vos blocs".into()))
        );
        assert_eq!(Order::parse("say", &json!({"text": "  "})), None);
        let long = "a".repeat(1000);
        assert_eq!(
            Order::parse("say", &json!({"text": long})),
            Some(Order::Say("a".repeat(MAX_SAY)))
        );
        assert_eq!(Order::parse("reload", &json!({})), None);
        assert_eq!(Order::parse("delete", &json!({})), None);
    }
}
