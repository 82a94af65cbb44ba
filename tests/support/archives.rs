//! Builds zip archives in memory for the install tests, hostile ones
//! included. Everything is made at test time and small: nothing huge is
//! committed. Where the zip library refuses to write something (two entries
//! of the same name, names that are not UTF-8), a clean archive is written
//! and then patched byte for byte.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// What to put in an archive.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    File(&'a str, &'a [u8]),
    Stored(&'a str, &'a [u8]),
    Dir(&'a str),
    Link(&'a str, &'a str),
}

/// A zip of `items`, in order.
pub fn zip_of(items: &[Item]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for item in items {
        match item {
            Item::File(name, data) => {
                zip.start_file(*name, deflated).unwrap();
                zip.write_all(data).unwrap();
            }
            Item::Stored(name, data) => {
                zip.start_file(*name, stored).unwrap();
                zip.write_all(data).unwrap();
            }
            Item::Dir(name) => zip.add_directory(*name, stored).unwrap(),
            Item::Link(name, target) => zip.add_symlink(*name, *target, stored).unwrap(),
        }
    }
    zip.finish().unwrap().into_inner()
}

/// A small clean mod, as items, under the top folder `top`.
pub fn mod_items(top: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        (
            format!("{top}/mod.conf"),
            format!("name = {top}\n").into_bytes(),
        ),
        (format!("{top}/init.lua"), b"print(\"hello\")\n".to_vec()),
        (format!("{top}/LICENSE.txt"), b"MIT\n".to_vec()),
    ]
}

/// A clean mod archive plus `extra` items.
pub fn mod_zip_with(top: &str, extra: &[Item]) -> Vec<u8> {
    let files = mod_items(top);
    let mut items: Vec<Item> = files
        .iter()
        .map(|(name, data)| Item::File(name, data))
        .collect();
    items.extend(extra.iter().copied());
    zip_of(&items)
}

/// Replaces every occurrence of `from` by `to` (same length): in names,
/// that changes both the local headers and the table of contents.
pub fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut found = 0;
    let mut at = 0;
    while let Some(pos) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + pos..at + pos + to.len()].copy_from_slice(to);
        at += pos + to.len();
        found += 1;
    }
    assert!(found > 0, "nothing to patch");
}

/// Offsets of the table-of-contents headers (`PK\x01\x02`).
pub fn central_headers(bytes: &[u8]) -> Vec<usize> {
    bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(at, _)| at)
        .collect()
}

/// Sets a 16-bit or 32-bit little-endian field of every table-of-contents
/// header whose name is `name`.
pub fn set_central_field(bytes: &mut [u8], name: &str, offset: usize, value: &[u8]) {
    let mut done = false;
    for at in central_headers(bytes) {
        let len = u16::from_le_bytes([bytes[at + 28], bytes[at + 29]]) as usize;
        if &bytes[at + 46..at + 46 + len] == name.as_bytes() {
            bytes[at + offset..at + offset + value.len()].copy_from_slice(value);
            done = true;
        }
    }
    assert!(done, "no entry {name}");
}
