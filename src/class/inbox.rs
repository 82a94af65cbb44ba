//! The pupils' pushes (`POST /api/push`): a zip of the pupil's mod, with
//! the class code and the pupil's name in headers. Refused before anything
//! is read when the code is wrong (403, then 429 for an address that keeps
//! guessing) or the size is over [`MAX_PUSH`] (413); the archive then
//! passes every check `install` makes (`pack::unpack_checked`) into a
//! temporary folder; only a mod the pupil already has is replaced, file by
//! file through a temporary file and a rename, inside that pupil's folder
//! only (the lesson's hidden `.mtedu-lesson/` is the class PC's and stays).
//! The answer is the check of the stored mod, in the pupil's language.
//! A pupil name's first push gets a key; later ones need it (`keys.rs`).

use std::collections::BTreeMap;
use std::io::Read;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use serde_json::json;
use tiny_http::{Request, Response};

use super::board::Board;
use super::checks::PupilFolder;
use super::config::STATE_DIR;
use super::dashboard::{Answer, PushHandler};
use super::guard::Guard;
use super::keys::{ClassKeys, KeyCheck};
use super::secret::same_secret;
use crate::diag::{ColorChoice, Report, render_human};
use crate::host::Host;
use crate::i18n::{Lang, Localizer};
use crate::lint::LintOptions;

/// The largest push read: a lesson's mod is a few kilobytes, its
/// textures a few more.
pub const MAX_PUSH: u64 = 8 * 1024 * 1024;

/// What the extracted push may hold.
fn limits() -> crate::pack::Limits {
    crate::pack::Limits {
        max_total: 32 * 1024 * 1024,
        max_entries: 2_000,
        max_ratio: crate::pack::DEFAULT_MAX_RATIO,
    }
}

/// What the handler needs.
pub struct Inbox {
    pub dir: PathBuf,
    pub code: String,
    pub folders: Vec<PupilFolder>,
    pub board: Arc<Board>,
    pub lint: LintOptions,
    pub host: Host,
    pub guard: Guard,
    /// Each pupil name's key (`keys.rs`), shared with the dashboard.
    pub keys: Arc<ClassKeys>,
    /// One push at a time per pupil; pupils push side by side.
    locks: Mutex<BTreeMap<String, Arc<Mutex<()>>>>,
}

impl Inbox {
    pub fn new(
        dir: PathBuf,
        code: String,
        folders: Vec<PupilFolder>,
        board: Arc<Board>,
        lint: LintOptions,
        host: Host,
        keys: Arc<ClassKeys>,
    ) -> Inbox {
        Inbox {
            dir,
            code,
            folders,
            board,
            lint,
            host,
            guard: Guard::default(),
            keys,
            locks: Mutex::default(),
        }
    }

    pub fn handler(self) -> PushHandler {
        let inbox = Arc::new(self);
        Box::new(move |request, address| inbox.receive(request, address))
    }

    fn lock_of(&self, pupil: &str) -> Arc<Mutex<()>> {
        let mut locks = self.locks.lock().unwrap_or_else(|e| e.into_inner());
        locks.entry(pupil.to_owned()).or_default().clone()
    }

    fn receive(&self, request: &mut Request, address: IpAddr) -> Answer {
        let value = |name: &str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str().to_owned())
                .unwrap_or_default()
        };
        let lang = if value("X-Mtedu-Lang") == "fr" {
            Lang::Fr
        } else {
            Lang::En
        };
        let localizer = Localizer::new(lang);
        let refuse = |status: u16, key: &str, args: &[(&str, crate::diag::ArgValue)]| {
            answer(status, false, &localizer.text(key, args))
        };
        let now = Instant::now();
        if !self.guard.allowed(address, now) {
            return refuse(429, "class-push-wait", &[]);
        }
        let pupil = value("X-Mtedu-Pupil");
        if !same_secret(&value("X-Mtedu-Code"), &self.code) {
            self.guard.failed(address, now);
            return refuse(403, "class-push-wrong-code", &[]);
        }
        let Some(folder) = self.folders.iter().find(|f| f.pupil == pupil) else {
            self.guard.failed(address, now);
            return refuse(
                403,
                "class-push-unknown-pupil",
                &[("name", pupil.as_str().into())],
            );
        };
        let issued = match self.keys.check(&folder.pupil, &value("X-Mtedu-Pupil-Key")) {
            Ok(KeyCheck::Known) => None,
            Ok(KeyCheck::Issued(key)) => Some(key),
            Ok(KeyCheck::Wrong) => {
                self.guard.failed(address, now);
                self.board
                    .intruder(&folder.pupil, address, SystemTime::now());
                return refuse(
                    403,
                    "class-push-name-taken",
                    &[("name", folder.pupil.as_str().into())],
                );
            }
            Err(error) => {
                return refuse(500, "class-push-io", &[("error", error.to_string().into())]);
            }
        };
        // From here on every answer carries a key just issued: the pupil's
        // PC must get it even when this push is refused.
        let reply = |status: u16, mut body: serde_json::Value| -> Answer {
            if let Some(key) = &issued {
                body["key"] = key.as_str().into();
            }
            Response::from_string(body.to_string()).with_status_code(status)
        };
        let refuse = |status: u16, key: &str, args: &[(&str, crate::diag::ArgValue)]| {
            reply(
                status,
                json!({"ok": false, "text": localizer.text(key, args)}),
            )
        };
        let size = request.body_length().map(|n| n as u64);
        let megabytes = |n: u64| crate::diag::ArgValue::Number(n.div_ceil(1024 * 1024) as i64);
        match size {
            None => return refuse(411, "class-push-no-length", &[]),
            Some(n) if n > MAX_PUSH => {
                return refuse(
                    413,
                    "class-push-too-big",
                    &[("size", megabytes(n)), ("limit", megabytes(MAX_PUSH))],
                );
            }
            Some(_) => {}
        }
        let mut body = Vec::new();
        let read = request
            .as_reader()
            .take(MAX_PUSH + 1)
            .read_to_end(&mut body);
        if read.is_err() || Some(body.len() as u64) != size {
            return refuse(400, "class-push-interrupted", &[]);
        }
        let lock = self.lock_of(&folder.pupil);
        let _one_at_a_time = lock.lock().unwrap_or_else(|e| e.into_inner());
        match self.store(folder, &body) {
            Ok(dest) => {
                self.board.saved(&folder.pupil, SystemTime::now());
                let report =
                    crate::check::check(std::slice::from_ref(&dest), &self.lint, &self.host);
                let inside: Vec<_> = report
                    .diagnostics
                    .into_iter()
                    .filter(|d| {
                        crate::content::absolute(&d.path)
                            .starts_with(crate::content::absolute(&dest))
                    })
                    .collect();
                let report = Report::new(inside);
                let text = render_human(&report, &localizer, ColorChoice::Never, false);
                let errors = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::diag::Severity::Error)
                    .count();
                let said = localizer.text("class-push-stored", &[]);
                reply(
                    200,
                    json!({"ok": true, "errors": errors, "text": format!("{said}\n{text}")}),
                )
            }
            Err(Refused::Findings(findings)) => {
                let report = Report::new(findings);
                let text = render_human(&report, &localizer, ColorChoice::Never, false);
                let said = localizer.text("class-push-refused", &[]);
                reply(422, json!({"ok": false, "text": format!("{said}\n{text}")}))
            }
            Err(Refused::WrongMod(name)) => {
                let expected: Vec<&str> = folder.mods.keys().map(String::as_str).collect();
                refuse(
                    422,
                    "class-push-wrong-mod",
                    &[
                        ("mod", name.as_str().into()),
                        ("expected", expected.join(", ").into()),
                    ],
                )
            }
            Err(Refused::Io(error)) => {
                refuse(500, "class-push-io", &[("error", error.to_string().into())])
            }
        }
    }

    /// Checks and extracts the push, then puts it in place; the mod folder.
    fn store(&self, folder: &PupilFolder, body: &[u8]) -> Result<PathBuf, Refused> {
        let incoming = self.dir.join(STATE_DIR).join("incoming");
        std::fs::create_dir_all(&incoming).map_err(Refused::Io)?;
        let mut archive = tempfile::NamedTempFile::new_in(&incoming).map_err(Refused::Io)?;
        std::io::Write::write_all(&mut archive, body).map_err(Refused::Io)?;
        let unpacked = tempfile::tempdir_in(&incoming).map_err(Refused::Io)?;
        let files = crate::pack::unpack_checked(archive.path(), unpacked.path(), &limits())
            .map_err(Refused::Findings)?;
        let tops: std::collections::BTreeSet<&str> =
            files.iter().filter_map(|f| f.split('/').next()).collect();
        let name = match tops.into_iter().collect::<Vec<_>>().as_slice() {
            [one] if files.iter().all(|f| f.contains('/')) => (*one).to_owned(),
            _ => return Err(Refused::WrongMod(String::new())),
        };
        let Some(dest) = folder.mods.get(&name) else {
            return Err(Refused::WrongMod(name));
        };
        place(&unpacked.path().join(&name), dest).map_err(Refused::Io)?;
        Ok(dest.clone())
    }
}

enum Refused {
    Findings(Vec<crate::diag::Diagnostic>),
    WrongMod(String),
    Io(std::io::Error),
}

fn answer(status: u16, ok: bool, text: &str) -> Answer {
    Response::from_string(json!({"ok": ok, "text": text}).to_string()).with_status_code(status)
}

/// Every file under `root`, relative, `/`-separated (plain files only:
/// the checked extraction makes nothing else).
fn files_under(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(root.join(&rel))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = rel.join(&name);
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => found.push(path.to_string_lossy().replace('\\', "/")),
                _ => {}
            }
        }
    }
    found
}

/// Makes `dest` hold what `new` holds: each file written through a
/// temporary file and a rename (a link in the way is replaced, never
/// followed), files the push no longer has removed; hidden files and
/// folders (`.mtedu-lesson/`) are the class PC's and stay.
fn place(new: &Path, dest: &Path) -> std::io::Result<()> {
    let wanted = files_under(new);
    for rel in &wanted {
        let target = dest.join(rel);
        let parent = target.parent().unwrap_or(dest);
        real_dirs(dest, parent)?;
        let mut temp = tempfile::NamedTempFile::new_in(parent)?;
        std::io::copy(&mut std::fs::File::open(new.join(rel))?, &mut temp)?;
        temp.persist(&target).map_err(|e| e.error)?;
    }
    for rel in files_under(dest) {
        let hidden = rel.split('/').any(|part| part.starts_with('.'));
        if !hidden && !wanted.contains(&rel) {
            std::fs::remove_file(dest.join(&rel))?;
        }
    }
    Ok(())
}

/// Creates the folders from `root` down to `dir`, each a real folder: a
/// link found on the way is removed first, so nothing is written through it.
fn real_dirs(root: &Path, dir: &Path) -> std::io::Result<()> {
    let rel = dir.strip_prefix(root).unwrap_or(Path::new(""));
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                std::fs::remove_file(&at)?;
                std::fs::create_dir(&at)?;
            }
            Err(_) => std::fs::create_dir(&at)?,
        }
    }
    Ok(())
}
