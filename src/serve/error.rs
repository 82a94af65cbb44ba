//! What can stop `serve`, each with what the user needs to fix it.

use std::path::PathBuf;

/// A problem that stops a session (or one step of it).
#[derive(Debug)]
pub enum ServeError {
    /// No `minetestserver`/`luantiserver` on this PC.
    NoServer,
    /// The world belongs to another game than the one asked for.
    WrongGame {
        world: PathBuf,
        has: String,
        wanted: String,
    },
    /// Another `serve` already runs on this world.
    Busy { world: PathBuf },
    /// Reading or writing a file failed.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The server stopped before it was ready; the end of its log says why.
    StartFailed { log: String },
    /// The server started but cannot read its world (a broken map).
    WorldBroken { message: String },
    /// A mod has mistakes and no version of it has worked yet, so there is
    /// nothing to serve in its place.
    NoGoodVersion { mod_name: String },
    /// The server did not answer the companion mod's protocol in time.
    NoAnswer { action: String },
    /// Nothing to serve: no mod was found in the paths.
    NoMods,
    /// The server stopped while mtedu waited for its answer.
    ServerGone,
    /// Two folders hold a mod of the same name: one server loads a name
    /// once (each pupil needs a server: `--per-pupil`).
    SameName {
        mod_name: String,
        folders: Vec<PathBuf>,
    },
    /// Two pupils' folders have the same name.
    SamePupil { pupil: String },
    /// More pupils than ports above the first one.
    NoPort,
    /// `--teacher` is not a name the engine accepts for a player.
    BadTeacher { name: String },
    /// Ctrl-C or SIGTERM came while serve waited (see [`super::stop`]).
    Stopped,
}

impl ServeError {
    pub fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ServeError {
        let path = path.to_path_buf();
        move |error| ServeError::Io { path, error }
    }
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::NoServer => write!(f, "no engine server found"),
            ServeError::WrongGame { world, has, wanted } => {
                write!(f, "{} is a world of {has}, not {wanted}", world.display())
            }
            ServeError::Busy { world } => write!(f, "{} is already served", world.display()),
            ServeError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            ServeError::StartFailed { log } => write!(f, "the server did not start: {log}"),
            ServeError::NoGoodVersion { mod_name } => {
                write!(f, "{mod_name} has errors and no earlier version")
            }
            ServeError::WorldBroken { message } => write!(f, "the world cannot be read: {message}"),
            ServeError::NoAnswer { action } => write!(f, "no answer to {action}"),
            ServeError::NoMods => write!(f, "no mod to serve"),
            ServeError::ServerGone => write!(f, "the server stopped"),
            ServeError::SameName { mod_name, folders } => {
                let folders: Vec<String> =
                    folders.iter().map(|f| f.display().to_string()).collect();
                write!(f, "{mod_name} is in {}", folders.join(", "))
            }
            ServeError::SamePupil { pupil } => write!(f, "two pupils are called {pupil}"),
            ServeError::NoPort => write!(f, "no port left for every pupil"),
            ServeError::BadTeacher { name } => write!(f, "{name} is not a player name"),
            ServeError::Stopped => write!(f, "stopped"),
        }
    }
}
