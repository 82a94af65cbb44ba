//! The dashboard's web server (tiny_http, a few threads): the page and
//! its script embedded in the binary (`web/`), the rows as JSON, the
//! teacher's login. Everything but the page itself needs the teacher
//! token, given once at `/login?token=…` and kept in a cookie, so the
//! address the projector shows never holds it.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use rust_embed::RustEmbed;
use tiny_http::{Header, Method, Request, Response, Server};

use super::actions::{Desk, Order, outcome_text};
use super::board::Board;
use super::guard::Guard;
use super::secret::same_secret;
use super::show_file::{NotShown, show};
use crate::i18n::{Lang, Localizer};

#[derive(RustEmbed)]
#[folder = "src/class/web/"]
struct Web;

const COOKIE: &str = "mtedu_teacher";
/// Threads answering requests: the page polls, pupils push at once.
const WORKERS: usize = 4;

/// What answers `POST /api/push` (see `inbox.rs`).
pub type PushHandler = Box<dyn Fn(&mut Request, IpAddr) -> Answer + Send + Sync>;

/// What every request handler shares.
pub struct Shared {
    pub board: Arc<Board>,
    pub token: String,
    /// The animator's language: the page's until they switch.
    pub lang: Lang,
    pub guard: Guard,
    pub push: PushHandler,
    /// Where the teacher's actions go (`actions.rs`).
    pub desk: Desk,
    /// The class folder and its pupils, for "show the file".
    pub class_dir: std::path::PathBuf,
    pub pupils: Vec<String>,
    /// The pupils' keys: "new PC" forgets one.
    pub keys: Arc<super::keys::ClassKeys>,
}

/// The running web server; [`Dashboard::stop`] ends its threads.
pub struct Dashboard {
    pub address: std::net::SocketAddr,
    done: Arc<AtomicBool>,
    workers: Vec<std::thread::JoinHandle<()>>,
}

impl Dashboard {
    /// Listens on `bind:port` (port 0: any free one).
    pub fn start(bind: &str, port: u16, shared: Arc<Shared>) -> std::io::Result<Dashboard> {
        let server = Server::http(format!("{bind}:{port}")).map_err(std::io::Error::other)?;
        let address = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not an IP address"))?;
        let server = Arc::new(server);
        let done = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|_| {
                let server = server.clone();
                let shared = shared.clone();
                let done = done.clone();
                std::thread::spawn(move || {
                    let localizers: Vec<(Lang, Localizer)> =
                        Lang::ALL.iter().map(|l| (*l, Localizer::new(*l))).collect();
                    while !done.load(Ordering::SeqCst) {
                        if let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(200)) {
                            answer(request, &shared, &localizers);
                        }
                    }
                })
            })
            .collect();
        Ok(Dashboard {
            address,
            done,
            workers,
        })
    }

    pub fn stop(self) {
        self.done.store(true, Ordering::SeqCst);
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

/// A finished answer.
pub type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn plain(status: u16, text: &str) -> Answer {
    Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn json_answer(status: u16, value: &serde_json::Value) -> Answer {
    Response::from_string(value.to_string())
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

/// The value of `name` in the query string of `url`.
pub fn query<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = url.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

fn cookie_token(request: &Request) -> Option<String> {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Cookie"))
        .flat_map(|h| h.value.as_str().split(';'))
        .filter_map(|part| part.trim().split_once('='))
        .find(|(key, _)| *key == COOKIE)
        .map(|(_, value)| value.to_owned())
}

fn lang_of(url: &str, default: Lang) -> Lang {
    match query(url, "lang") {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => default,
    }
}

fn answer(mut request: Request, shared: &Shared, localizers: &[(Lang, Localizer)]) {
    let address = request
        .remote_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    let url = request.url().to_owned();
    let path = url.split('?').next().unwrap_or("/").to_owned();
    let now = Instant::now();
    let response = match (request.method(), path.as_str()) {
        (Method::Get, "/") => asset("index.html"),
        (Method::Get, "/app.js") => asset("app.js"),
        (Method::Get, "/style.css") => asset("style.css"),
        (Method::Get, "/login") => {
            if !shared.guard.allowed(address, now) {
                plain(429, "")
            } else if same_secret(query(&url, "token").unwrap_or(""), &shared.token) {
                Response::from_string("")
                    .with_status_code(303)
                    .with_header(header("Location", "/"))
                    .with_header(header(
                        "Set-Cookie",
                        &format!(
                            "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200",
                            shared.token
                        ),
                    ))
            } else {
                shared.guard.failed(address, now);
                plain(403, "")
            }
        }
        (Method::Get, "/api/state") => {
            let lang = lang_of(&url, shared.lang);
            let localizer = localizer_of(localizers, lang);
            let teacher = cookie_token(&request).is_some_and(|t| same_secret(&t, &shared.token));
            let mut page = if teacher {
                shared.board.json(localizer, lang, SystemTime::now())
            } else {
                serde_json::json!({"teacher": false})
            };
            page["teacher"] = teacher.into();
            page["lang"] = lang.code().into();
            page["labels"] = labels(localizer);
            json_answer(if teacher { 200 } else { 403 }, &page)
        }
        (Method::Post, "/api/push") => (shared.push)(&mut request, address),
        (Method::Post, action) if action.starts_with("/api/teacher/") => {
            let localizer = localizer_of(localizers, lang_of(&url, shared.lang));
            teacher_post(
                &mut request,
                &action["/api/teacher/".len()..],
                shared,
                address,
                localizer,
            )
        }
        _ => plain(404, ""),
    };
    let _ = request.respond(response);
}

fn localizer_of(localizers: &[(Lang, Localizer)], lang: Lang) -> &Localizer {
    &localizers
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("every language")
        .1
}

fn header_value(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_owned())
}

/// A page of another site cannot make the teacher's browser act: the
/// cookie is `SameSite=Strict`, the body must be JSON (a cross-site form
/// cannot send that without asking first, and nothing here says yes), and
/// a browser's `Origin` must be this very address.
fn from_the_page(request: &Request) -> bool {
    let json = header_value(request, "Content-Type")
        .is_some_and(|t| t.trim().starts_with("application/json"));
    let origin_ok = match (
        header_value(request, "Origin"),
        header_value(request, "Host"),
    ) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin == format!("http://{host}"),
        (Some(_), None) => false,
    };
    json && origin_ok
}

/// The largest body of a teacher's action (a chat line, a file name).
const MAX_ACTION_BODY: u64 = 16 * 1024;

/// `POST /api/teacher/<action>`: the teacher's cookie, from the page, then
/// the action; the answer says what happened in the animator's words.
fn teacher_post(
    request: &mut Request,
    action: &str,
    shared: &Shared,
    address: IpAddr,
    localizer: &Localizer,
) -> Answer {
    let said = |status: u16, ok: bool, text: String| {
        json_answer(status, &serde_json::json!({"ok": ok, "text": text}))
    };
    let now = Instant::now();
    if !shared.guard.allowed(address, now) {
        return said(429, false, localizer.plain("class-action-wait"));
    }
    if !cookie_token(request).is_some_and(|t| same_secret(&t, &shared.token)) {
        shared.guard.failed(address, now);
        return said(403, false, localizer.plain("class-action-not-teacher"));
    }
    if !from_the_page(request) {
        return said(403, false, localizer.plain("class-action-not-from-page"));
    }
    let mut body = Vec::new();
    let read = std::io::Read::read_to_end(
        &mut std::io::Read::take(request.as_reader(), MAX_ACTION_BODY),
        &mut body,
    );
    let body: serde_json::Value = match read.ok().and(serde_json::from_slice(&body).ok()) {
        Some(body) => body,
        None => return said(400, false, localizer.plain("class-action-bad-request")),
    };
    if action == "file" {
        let text = |key: &str| body[key].as_str().unwrap_or_default();
        let pupil = text("pupil");
        return match show(&shared.class_dir, &shared.pupils, pupil, text("file")) {
            Ok(mut shown) => {
                shown["ok"] = true.into();
                shown["line"] = body["line"].clone();
                json_answer(200, &shown)
            }
            Err(NotShown::UnknownPupil) => said(
                404,
                false,
                localizer.text("class-file-unknown-pupil", &[("pupil", pupil.into())]),
            ),
            Err(NotShown::Outside) => said(
                403,
                false,
                localizer.text("class-file-outside", &[("pupil", pupil.into())]),
            ),
            Err(NotShown::Unreadable(error)) => said(
                404,
                false,
                localizer.text(
                    "class-file-unreadable",
                    &[("file", text("file").into()), ("error", error.into())],
                ),
            ),
        };
    }
    if action == "new-pc" {
        let pupil = body["pupil"].as_str().unwrap_or_default();
        if !shared.pupils.iter().any(|p| p == pupil) {
            return said(
                404,
                false,
                localizer.text("class-file-unknown-pupil", &[("pupil", pupil.into())]),
            );
        }
        return match shared.keys.forget(pupil) {
            Ok(()) => {
                shared.board.forget_intruder(pupil);
                said(
                    200,
                    true,
                    localizer.text("class-action-new-pc", &[("pupil", pupil.into())]),
                )
            }
            Err(error) => said(
                500,
                false,
                localizer.text("class-push-io", &[("error", error.to_string().into())]),
            ),
        };
    }
    let Some(order) = Order::parse(action, &body) else {
        return said(400, false, localizer.plain("class-action-bad-request"));
    };
    if let Order::Reload(pupil) = &order
        && !shared.pupils.contains(pupil)
    {
        return said(
            404,
            false,
            localizer.text(
                "class-file-unknown-pupil",
                &[("pupil", pupil.as_str().into())],
            ),
        );
    }
    match shared.desk.ask(order.clone()) {
        Some(outcome) => {
            let (ok, text) = outcome_text(&order, &outcome, &shared.desk.teacher, localizer);
            said(200, ok, text)
        }
        None => said(503, false, localizer.plain("class-action-busy")),
    }
}

/// The page's own words, from the catalogue (`class-page-*`).
fn labels(localizer: &Localizer) -> serde_json::Value {
    let keys = [
        "title",
        "pupil",
        "saved",
        "never",
        "problem",
        "none",
        "objectives",
        "ended",
        "gone",
        "token",
        "open",
        "players",
        "crashed",
        "starting",
        "waiting",
        "checking",
        "next",
        "port",
        "freeze",
        "unfreeze",
        "gather",
        "say",
        "send",
        "reload",
        "show",
        "close",
        "actions",
        "new-pc",
    ];
    keys.iter()
        .map(|key| {
            (
                key.to_string(),
                localizer.plain(&format!("class-page-{key}")).into(),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn asset(name: &str) -> Answer {
    let Some(file) = Web::get(name) else {
        return plain(404, "");
    };
    let kind = match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        _ => "text/css; charset=utf-8",
    };
    Response::from_data(file.data.into_owned())
        .with_header(header("Content-Type", kind))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'",
        ))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}
