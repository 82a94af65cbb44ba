//! `mtedu serve`: a real local server with hot reload. The watched mods
//! are linked (not copied) into a mods folder of serve's own; a companion
//! mod, loaded first, wraps every callback in a safety net and answers
//! requests through files in the world folder. Each save is loaded in the
//! embedded engine first; errors never reach the server. Same registered
//! names → soft reload in the live server; otherwise → hard reload
//! (backup, restart).

pub mod backup;
pub mod checker;
pub mod error;
pub mod layout;
pub mod lock;
pub mod media;
pub mod preset;
pub mod process;
pub mod protocol;
pub mod pupils;
pub mod session;
pub mod snapshot;
pub mod teacher;
pub mod watch;
pub mod world;

pub use error::ServeError;
pub use layout::Layout;
pub use preset::Preset;
pub use session::{ChatText, Event, HardReason, ServeOptions, Session};
