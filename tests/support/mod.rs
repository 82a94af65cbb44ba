//! Helpers shared by integration tests: running the real Minetest server
//! from Debian's `minetest-server` package, bound to 127.0.0.1 on a free
//! port, always stopped.
#![allow(dead_code)]

pub mod archives;
pub mod fixtures;
pub mod packing;
pub mod real_server;

/// Copies a folder recursively (fixtures into temporary folders).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
