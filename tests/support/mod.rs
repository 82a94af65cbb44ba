//! Helpers shared by integration tests: running the real Minetest server
//! from Debian's `minetest-server` package, bound to 127.0.0.1 on a free
//! port, always stopped.
#![allow(dead_code)]

pub mod fixtures;
pub mod real_server;
