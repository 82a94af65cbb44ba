//! mtedu ↔ companion mod, through the companion's own `io/` folder (which
//! every mod may read and only the companion may write, through a file it
//! opened while loading): mtedu writes `request.json` atomically; the
//! companion appends its answers (`{"id": …}`) and events (`{"event": …}`,
//! callback errors, ready) to `out.jsonl`. Every line, both ways, is
//! `<HMAC> <JSON>` under the session's [`Key`]: a line without the right
//! MAC is not the companion's, and is dropped.

use std::collections::VecDeque;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::error::ServeError;
use super::key::Key;
use super::world::write_atomically;

/// The request file mtedu writes.
pub const REQUEST_FILE: &str = "request.json";
/// The stream the companion appends to.
pub const OUT_FILE: &str = "out.jsonl";

/// Both directions of the protocol with one server run's companion.
pub struct Channel {
    io: PathBuf,
    key: Key,
    next_id: u64,
    /// How far `out.jsonl` was read.
    offset: u64,
    /// Events read while waiting for an answer, kept for [`Channel::events`].
    events: VecDeque<Value>,
    /// The request [`Channel::post`] sent: its id, when, its answer once
    /// read.
    posted: Option<(u64, Instant, Option<Value>)>,
    /// When an answer (to any request) was last read.
    answered: Option<Instant>,
}

/// Where the request [`Channel::post`] sent stands.
#[derive(Debug)]
pub enum Posted {
    /// None is waiting (none sent, or answered and taken, or the
    /// companion answered a newer request since: it runs).
    Nothing,
    /// Not answered yet: sent `sent` ago; the companion's last answer to
    /// anything was `silent` ago.
    Waiting {
        sent: Duration,
        silent: Duration,
    },
    Answered(Value),
}

impl Channel {
    pub fn new(io: PathBuf, key: Key) -> Channel {
        Channel {
            io,
            key,
            next_id: 1,
            offset: 0,
            events: VecDeque::new(),
            posted: None,
            answered: None,
        }
    }

    /// Before a server starts: its companion writes a new stream, and a
    /// request left by the last run must not be answered.
    pub fn reset(&mut self) {
        let _ = std::fs::remove_file(self.io.join(REQUEST_FILE));
        let _ = std::fs::remove_file(self.io.join(OUT_FILE));
        self.offset = 0;
        self.events.clear();
        self.posted = None;
        self.answered = None;
    }

    /// Sends `action` without waiting: its answer is read by the next
    /// [`Channel::events`] and kept for [`Channel::posted_answer`].
    pub fn post(&mut self, action: &str, fields: Value) -> Result<(), ServeError> {
        let id = self.write_request(action, fields)?;
        self.posted = Some((id, Instant::now(), None));
        Ok(())
    }

    /// Where the posted request stands (an answer is given once).
    pub fn posted(&mut self) -> Posted {
        let lines = self.read_new();
        self.events
            .extend(lines.into_iter().filter(|l| l.get("event").is_some()));
        match self.posted.take() {
            None => Posted::Nothing,
            Some((_, _, Some(answer))) => Posted::Answered(answer),
            Some((id, sent, None)) => {
                self.posted = Some((id, sent, None));
                Posted::Waiting {
                    sent: sent.elapsed(),
                    silent: self.answered.unwrap_or(sent).elapsed(),
                }
            }
        }
    }

    /// Writes the signed request; its id.
    fn write_request(&mut self, action: &str, fields: Value) -> Result<u64, ServeError> {
        let id = self.next_id;
        self.next_id += 1;
        let mut request = json!({"id": id, "action": action});
        if let (Some(target), Value::Object(extra)) = (request.as_object_mut(), fields) {
            target.extend(extra);
        }
        let line = self.key.sign(&request.to_string());
        write_atomically(&self.io.join(REQUEST_FILE), line.as_bytes())?;
        Ok(id)
    }

    /// Sends `action` with `fields` and waits for the answer; gives up at
    /// once when `alive` says the server is gone (a crash is told at
    /// once, not after the timeout).
    pub fn request(
        &mut self,
        action: &str,
        fields: Value,
        timeout: Duration,
        alive: &mut dyn FnMut() -> bool,
    ) -> Result<Value, ServeError> {
        let id = self.write_request(action, fields)?;
        let request_path = self.io.join(REQUEST_FILE);
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            let mut answer = None;
            // Every line of the batch is looked at: events written just
            // after the answer are kept, not lost with the rest of it.
            for line in self.read_new() {
                // The companion's JSON may write whole numbers as floats.
                if line["id"].as_f64() == Some(id as f64) {
                    answer = Some(line);
                } else if line.get("event").is_some() {
                    self.events.push_back(line);
                }
            }
            if let Some(answer) = answer {
                let _ = std::fs::remove_file(&request_path);
                // It answered after any posted request: it runs.
                self.posted = None;
                return Ok(answer);
            }
            if !alive() {
                let _ = std::fs::remove_file(&request_path);
                return Err(ServeError::ServerGone);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = std::fs::remove_file(&request_path);
        Err(ServeError::NoAnswer {
            action: action.to_owned(),
        })
    }

    /// The companion's events since the last call.
    pub fn events(&mut self) -> Vec<Value> {
        for line in self.read_new() {
            if line.get("event").is_some() {
                self.events.push_back(line);
            }
        }
        self.events.drain(..).collect()
    }

    /// The new complete lines of `out.jsonl` whose MAC is right.
    fn read_new(&mut self) -> Vec<Value> {
        let Ok(mut file) = std::fs::File::open(self.io.join(OUT_FILE)) else {
            return Vec::new();
        };
        if file.seek(SeekFrom::Start(self.offset)).is_err() {
            return Vec::new();
        }
        let mut bytes = Vec::new();
        if file.read_to_end(&mut bytes).is_err() {
            return Vec::new();
        }
        let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        self.offset += complete as u64;
        let lines: Vec<Value> = String::from_utf8_lossy(&bytes[..complete])
            .lines()
            .filter_map(|line| self.key.verify(line))
            .filter_map(|text| serde_json::from_str(text).ok())
            .collect();
        if lines.iter().any(|line| line.get("id").is_some()) {
            self.answered = Some(Instant::now());
        }
        if let Some((id, _, answer)) = &mut self.posted
            && let Some(line) = lines.iter().find(|l| l["id"].as_f64() == Some(*id as f64))
        {
            *answer = Some(line.clone());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_read_with_an_answer_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::random().unwrap();
        let lines = [
            json!({"event": "callback_error", "mod": "a"}),
            json!({"id": 1, "ok": true}),
            json!({"event": "callback_error", "mod": "b"}),
        ]
        .iter()
        .map(|value| key.sign(&value.to_string()) + "\n")
        .collect::<String>();
        std::fs::write(dir.path().join(OUT_FILE), lines).unwrap();
        let mut channel = Channel::new(dir.path().to_path_buf(), key);
        let answer = channel
            .request("ping", json!({}), Duration::from_secs(5), &mut || true)
            .unwrap();
        assert_eq!(answer["ok"], true);
        let mods: Vec<Value> = channel.events().iter().map(|e| e["mod"].clone()).collect();
        assert_eq!(mods, vec![json!("a"), json!("b")]);
    }
}
