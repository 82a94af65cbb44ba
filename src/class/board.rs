//! What the dashboard shows: one row per pupil, kept up to date by the
//! checks (each save), the servers (players, crashes) and the pushes, and
//! read by the page twice a second. Who needs help comes first: stuck,
//! then broken, then warnings, then the fewest objectives met.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::i18n::{Lang, Localizer};

/// A text in every language of the catalogues (`en`, `fr`).
pub type Texts = BTreeMap<&'static str, String>;

/// The first problem of a pupil's mod, as the dashboard says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `true` for an error, `false` for a warning.
    pub error: bool,
    /// The file inside the pupil's folder (`first_block/init.lua`) and the line.
    pub file: String,
    pub line: Option<usize>,
    /// The finding's message and its fix.
    pub message: Texts,
    pub fix: Texts,
}

impl Problem {
    /// What makes two problems "the same error" for the stuck rule: the
    /// same message at the same place.
    fn key(&self) -> (String, Option<usize>, Option<&String>) {
        (self.file.clone(), self.line, self.message.get("en"))
    }
}

/// One objective of the lesson, met or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub text: Texts,
    pub hint: Texts,
    pub met: bool,
}

/// What the last check of a pupil's folder said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    pub errors: usize,
    pub warnings: usize,
    pub problem: Option<Problem>,
    pub goals: Vec<Goal>,
    /// The mod has an error of its own: objectives cannot be judged.
    pub broken: bool,
}

/// A pupil's game server, as the dashboard says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerState {
    Starting,
    /// Could not start: the mod never loaded yet; starts once it does.
    Waiting,
    Running,
    /// Stopped by itself; serve restarts it (bounded).
    Crashed,
    Stopped,
}

/// Everything known about one pupil.
#[derive(Debug, Clone)]
pub struct PupilState {
    pub name: String,
    pub port: u16,
    pub last_save: Option<SystemTime>,
    pub checked: Option<Checked>,
    /// Since when the current first error has stayed the same.
    pub error_since: Option<SystemTime>,
    pub players: Vec<String>,
    pub server: ServerState,
    /// Another PC tried to push under this name (`keys.rs`): from where, when.
    pub intruder: Option<(std::net::IpAddr, SystemTime)>,
}

/// Why a pupil shows as stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stuck {
    SameError(Duration),
    NoSave(Duration),
}

/// Stuck when the same error has stayed `after`, or nothing was saved for
/// `after` (counted from the start of the session before the first save).
pub fn stuck(
    pupil: &PupilState,
    started: SystemTime,
    now: SystemTime,
    after: Duration,
) -> Option<Stuck> {
    let since = |at: SystemTime| now.duration_since(at).unwrap_or_default();
    let has_error = pupil
        .checked
        .as_ref()
        .is_some_and(|c| c.problem.as_ref().is_some_and(|p| p.error));
    if has_error
        && let Some(at) = pupil.error_since
        && since(at) >= after
    {
        return Some(Stuck::SameError(since(at)));
    }
    let quiet = since(pupil.last_save.unwrap_or(started));
    (quiet >= after).then_some(Stuck::NoSave(quiet))
}

/// The order of the rows: lower needs help sooner.
fn urgency(pupil: &PupilState, stuck: Option<Stuck>) -> (u8, usize, String) {
    let checked = pupil.checked.clone().unwrap_or_default();
    let level = if stuck.is_some() {
        0
    } else if checked.errors > 0 || pupil.server == ServerState::Crashed {
        1
    } else if checked.warnings > 0 {
        2
    } else {
        3
    };
    let met = checked.goals.iter().filter(|g| g.met).count();
    (level, met, pupil.name.to_lowercase())
}

struct State {
    pupils: Vec<PupilState>,
    started: SystemTime,
    ended: bool,
}

/// The rows, shared by the threads of `mtedu class`.
pub struct Board {
    state: Mutex<State>,
    pub lesson: Texts,
    pub stuck_after: Duration,
}

impl Board {
    pub fn new(pupils: &[(String, u16)], lesson: Texts, stuck_after: Duration) -> Board {
        let pupils = pupils
            .iter()
            .map(|(name, port)| PupilState {
                name: name.clone(),
                port: *port,
                last_save: None,
                checked: None,
                error_since: None,
                players: Vec::new(),
                server: ServerState::Starting,
                intruder: None,
            })
            .collect();
        Board {
            state: Mutex::new(State {
                pupils,
                started: SystemTime::now(),
                ended: false,
            }),
            lesson,
            stuck_after,
        }
    }

    fn with_pupil(&self, name: &str, change: impl FnOnce(&mut PupilState)) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(pupil) = state.pupils.iter_mut().find(|p| p.name == name) {
            change(pupil);
        }
    }

    /// A save of `name`'s files was seen (on disk or pushed) at `at`.
    pub fn saved(&self, name: &str, at: SystemTime) {
        self.with_pupil(name, |pupil| pupil.last_save = Some(at));
    }

    /// What the check of `name`'s folder found, at `at`.
    pub fn checked(&self, name: &str, checked: Checked, at: SystemTime) {
        self.with_pupil(name, |pupil| {
            let before = pupil
                .checked
                .as_ref()
                .and_then(|c| c.problem.as_ref())
                .filter(|p| p.error)
                .map(Problem::key);
            let now = checked
                .problem
                .as_ref()
                .filter(|p| p.error)
                .map(Problem::key);
            if now.is_none() {
                pupil.error_since = None;
            } else if now != before || pupil.error_since.is_none() {
                pupil.error_since = Some(at);
            }
            pupil.checked = Some(checked);
        });
    }

    pub fn server(&self, name: &str, server: ServerState) {
        self.with_pupil(name, |pupil| pupil.server = server);
    }

    /// Another PC (`from`) tried to push as `name`, at `at`; `None` once
    /// the teacher let the pupil start again from a new PC.
    pub fn intruder(&self, name: &str, from: std::net::IpAddr, at: SystemTime) {
        self.with_pupil(name, |pupil| pupil.intruder = Some((from, at)));
    }

    pub fn forget_intruder(&self, name: &str) {
        self.with_pupil(name, |pupil| pupil.intruder = None);
    }

    pub fn players(&self, name: &str, players: Vec<String>) {
        self.with_pupil(name, |pupil| pupil.players = players);
    }

    /// The session is over: the page says so and stops asking.
    pub fn end(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).ended = true;
    }

    pub fn ended(&self) -> bool {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).ended
    }

    /// A copy of every pupil's state, in the order of class.toml.
    pub fn pupils(&self) -> Vec<PupilState> {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pupils
            .clone()
    }

    /// The page's data in `lang`, rows sorted by who needs help.
    pub fn json(&self, localizer: &Localizer, lang: Lang, now: SystemTime) -> Value {
        let (pupils, started, ended) = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            (state.pupils.clone(), state.started, state.ended)
        };
        let mut rows: Vec<(PupilState, Option<Stuck>)> = pupils
            .into_iter()
            .map(|p| {
                let s = stuck(&p, started, now, self.stuck_after);
                (p, s)
            })
            .collect();
        rows.sort_by_key(|(p, s)| urgency(p, *s));
        let rows: Vec<Value> = rows
            .iter()
            .map(|(pupil, stuck)| row_json(pupil, *stuck, localizer, lang, now))
            .collect();
        json!({
            "ended": ended,
            "lesson": self.lesson.get(lang.code()),
            "rows": rows,
        })
    }
}

fn minutes(duration: Duration) -> crate::diag::ArgValue {
    crate::diag::ArgValue::Number((duration.as_secs() / 60) as i64)
}

/// `14:05:09`, this PC's time.
fn clock(at: SystemTime) -> String {
    let stamp = crate::timestamp::folder_stamp(at);
    stamp.get(11..).unwrap_or_default().replace('-', ":")
}

/// How long ago, in words: "12 s", "3 min".
fn ago(localizer: &Localizer, since: Duration) -> String {
    let seconds = since.as_secs();
    if seconds < 60 {
        localizer.text(
            "class-page-seconds",
            &[("n", crate::diag::ArgValue::Number(seconds as i64))],
        )
    } else {
        localizer.text("class-page-minutes", &[("n", minutes(since))])
    }
}

fn row_json(
    pupil: &PupilState,
    stuck: Option<Stuck>,
    localizer: &Localizer,
    lang: Lang,
    now: SystemTime,
) -> Value {
    let text = |texts: &Texts| texts.get(lang.code()).cloned().unwrap_or_default();
    let checked = pupil.checked.clone();
    let saved = pupil.last_save.map(|at| {
        let since = now.duration_since(at).unwrap_or_default();
        json!({
            "ago": ago(localizer, since),
            "seconds": since.as_secs(),
            "at": clock(at),
        })
    });
    let problem = checked.as_ref().and_then(|c| c.problem.as_ref()).map(|p| {
        let place = match p.line {
            Some(line) => format!("{}:{line}", p.file),
            None => p.file.clone(),
        };
        json!({
            "error": p.error,
            "place": place,
            "file": p.file,
            "line": p.line,
            "message": text(&p.message),
            "fix": text(&p.fix),
        })
    });
    let goals: Vec<Value> = checked
        .as_ref()
        .map(|c| {
            c.goals
                .iter()
                .map(|g| json!({"text": text(&g.text), "met": g.met}))
                .collect()
        })
        .unwrap_or_default();
    let next_hint = checked
        .as_ref()
        .and_then(|c| c.goals.iter().find(|g| !g.met))
        .map(|g| text(&g.hint));
    let stuck_text = stuck.map(|s| match s {
        Stuck::SameError(d) => localizer.text("class-page-stuck-error", &[("n", minutes(d))]),
        Stuck::NoSave(d) => localizer.text("class-page-stuck-quiet", &[("n", minutes(d))]),
    });
    let server = match pupil.server {
        ServerState::Starting => "starting",
        ServerState::Waiting => "waiting",
        ServerState::Running => "running",
        ServerState::Crashed => "crashed",
        ServerState::Stopped => "stopped",
    };
    let intruder = pupil.intruder.map(|(from, at)| {
        localizer.text(
            "class-page-intruder",
            &[
                ("address", from.to_string().into()),
                ("at", clock(at).into()),
                ("name", pupil.name.as_str().into()),
            ],
        )
    });
    json!({
        "name": pupil.name,
        "port": pupil.port,
        "intruder": intruder,
        "saved": saved,
        "checked": checked.is_some(),
        "errors": checked.as_ref().map_or(0, |c| c.errors),
        "warnings": checked.as_ref().map_or(0, |c| c.warnings),
        "broken": checked.as_ref().is_some_and(|c| c.broken),
        "problem": problem,
        "goals": goals,
        "met": goals.iter().filter(|g| g["met"] == true).count(),
        "next_hint": next_hint,
        "stuck": stuck_text,
        "players": pupil.players,
        "server": server,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(en: &str) -> Texts {
        [("en", en.to_owned()), ("fr", en.to_owned())].into()
    }

    fn error_at(line: usize) -> Checked {
        Checked {
            errors: 1,
            warnings: 0,
            problem: Some(Problem {
                error: true,
                file: "first_block/init.lua".into(),
                line: Some(line),
                message: texts("boom"),
                fix: texts("fix it"),
            }),
            goals: vec![],
            broken: true,
        }
    }

    #[test]
    fn the_same_error_for_long_enough_is_stuck_and_a_new_one_restarts_the_clock() {
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let board = Board::new(
            &[("alice".into(), 30000)],
            texts("Lesson"),
            Duration::from_secs(300),
        );
        let minute = Duration::from_secs(60);
        board.saved("alice", start);
        board.checked("alice", error_at(3), start);
        let alice = || board.pupils().remove(0);
        let after = Duration::from_secs(300);
        assert_eq!(stuck(&alice(), start, start + 4 * minute, after), None);
        // Saved again with the same error: still the same error's clock.
        board.saved("alice", start + 4 * minute);
        board.checked("alice", error_at(3), start + 4 * minute);
        assert_eq!(
            stuck(&alice(), start, start + 5 * minute, after),
            Some(Stuck::SameError(5 * minute))
        );
        // Another error: the clock starts again.
        board.checked("alice", error_at(7), start + 5 * minute);
        assert_eq!(stuck(&alice(), start, start + 6 * minute, after), None);
        // Fixed, then no save for 5 minutes.
        board.checked("alice", Checked::default(), start + 6 * minute);
        assert_eq!(
            stuck(&alice(), start, start + 9 * minute, after),
            Some(Stuck::NoSave(5 * minute))
        );
    }

    #[test]
    fn rows_come_in_the_order_of_who_needs_help() {
        let board = Board::new(
            &[
                ("alice".into(), 1),
                ("bob".into(), 2),
                ("chloe".into(), 3),
                ("david".into(), 4),
            ],
            texts("Lesson"),
            Duration::from_secs(300),
        );
        let now = SystemTime::now();
        let goal = |met| Goal {
            text: texts("g"),
            hint: texts("h"),
            met,
        };
        board.checked(
            "alice",
            Checked {
                goals: vec![goal(true), goal(true)],
                ..Default::default()
            },
            now,
        );
        board.checked("bob", error_at(2), now);
        board.checked(
            "chloe",
            Checked {
                warnings: 1,
                ..Default::default()
            },
            now,
        );
        board.checked(
            "david",
            Checked {
                goals: vec![goal(false), goal(true)],
                ..Default::default()
            },
            now,
        );
        for name in ["alice", "bob", "chloe", "david"] {
            board.saved(name, now);
        }
        let localizer = Localizer::new(Lang::En);
        let page = board.json(&localizer, Lang::En, now);
        let order: Vec<&str> = page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["name"].as_str().unwrap())
            .collect();
        assert_eq!(order, ["bob", "chloe", "david", "alice"]);
        assert_eq!(
            page["rows"][0]["problem"]["place"],
            "first_block/init.lua:2"
        );
        assert_eq!(page["rows"][2]["met"], 1);
    }
}
