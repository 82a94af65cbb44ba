//! mtedu ↔ companion mod: a request file written atomically in the
//! world's `mtedu/io/`, answered by `result-<id>.json`; events (callback
//! errors, ready) appended by the companion to `events.jsonl`.

use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::error::ServeError;
use super::world::write_atomically;

/// The request side.
pub struct Channel {
    io: PathBuf,
    next_id: u64,
}

impl Channel {
    pub fn new(io: PathBuf) -> Channel {
        Channel { io, next_id: 1 }
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
        let id = self.next_id;
        self.next_id += 1;
        let mut request = json!({"id": id, "action": action});
        if let (Some(target), Value::Object(extra)) = (request.as_object_mut(), fields) {
            target.extend(extra);
        }
        let request_path = self.io.join("request.json");
        write_atomically(&request_path, request.to_string().as_bytes())?;
        let result_path = self.io.join(format!("result-{id}.json"));
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(text) = std::fs::read_to_string(&result_path) {
                let _ = std::fs::remove_file(&result_path);
                let _ = std::fs::remove_file(&request_path);
                return serde_json::from_str(&text).map_err(|_| ServeError::NoAnswer {
                    action: action.to_owned(),
                });
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
}

/// The event side: new complete lines of `events.jsonl`.
pub struct Events {
    path: PathBuf,
    offset: u64,
}

impl Events {
    /// Starts at the current end: older events were for older runs.
    pub fn new(io: &std::path::Path) -> Events {
        let path = io.join("events.jsonl");
        let offset = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Events { path, offset }
    }

    pub fn poll(&mut self) -> Vec<Value> {
        let Ok(mut file) = std::fs::File::open(&self.path) else {
            return Vec::new();
        };
        if file.seek(SeekFrom::Start(self.offset)).is_err() {
            return Vec::new();
        }
        let mut text = String::new();
        if file.read_to_string(&mut text).is_err() {
            return Vec::new();
        }
        let complete = text.rfind('\n').map_or(0, |i| i + 1);
        self.offset += complete as u64;
        text[..complete]
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }
}
