//! The embedded engine: a sandboxed LuaJIT running mod code the way the
//! Minetest/Luanti server would, offline.

pub mod failure;
pub mod limits;
pub mod sandbox;

pub use failure::{FailureKind, Frame, LuaFailure};
pub use limits::Limits;
pub use sandbox::Sandbox;
