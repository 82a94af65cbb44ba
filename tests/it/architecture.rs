//! Keeps the one-way flow between the library's top-level modules true:
//! each module may name only modules of its own layer or of layers below
//! (ARCHITECTURE.md, "Layers"). A `crate::<higher>` path in a lower module,
//! even in one `use` group, fails this test with the file and the line.
//!
//! Inside one layer the modules named here as siblings may use each other
//! only in the direction of `SAME_LAYER_ORDER`.

use std::path::Path;

/// The layers, lowest first. A module missing from this list fails the test,
/// so a new top-level module has to be given its place.
const LAYERS: &[&[&str]] = &[
    &[
        "bounded_read",
        "diag",
        "i18n",
        "leftovers",
        "teardown",
        "timestamp",
    ],
    &["content"],
    &["host"],
    &["engine"],
    &["testing"],
    &["play"],
    &["validate", "lint"],
    &["scaffold", "lessons"],
    &["check"],
    &["pack", "serve", "fix"],
    &["class"],
    &["codes"],
    &["cli"],
];

/// Within a layer, `(lower, higher)`: the first may not name the second.
const SAME_LAYER_ORDER: &[(&str, &str)] = &[("validate", "lint"), ("scaffold", "lessons")];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level modules named by `crate::` paths in `code`, with the byte
/// offset of each path: `crate::a::x`, `crate::{a::x, b}`, groups spread
/// over several lines included.
fn named_modules(code: &str) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    let mut offset = 0;
    while let Some(at) = code[offset..].find("crate::") {
        let path_start = offset + at;
        offset = path_start + "crate::".len();
        let rest = &code[offset..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut start = 0usize;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.push((path_start, first_ident(&group[start..i])));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push((path_start, first_ident(&group[start..i])));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.push((path_start, first_ident(rest)));
        }
    }
    names.retain(|(_, name)| !name.is_empty());
    names
}

/// `text` with its comment lines blanked (same offsets and line numbers):
/// a doc comment may speak of any module.
fn code_only(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                " ".repeat(line.len())
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn first_ident(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Every `(file, line number, module, named module)` where a module names a
/// module above it.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    crate::support::rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "lib" || top == "main" {
            continue;
        }
        let Some(own) = layer_of(&top) else {
            found.push(format!(
                "src/{top}: a top-level module with no layer in tests/it/architecture.rs"
            ));
            continue;
        };
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        for (at, named) in named_modules(&code) {
            let Some(theirs) = layer_of(&named) else {
                continue;
            };
            if theirs > own || SAME_LAYER_ORDER.contains(&(top.as_str(), named.as_str())) {
                let line = code[..at].matches('\n').count() + 1;
                found.push(format!(
                    "src/{}:{line}: `{top}` names `crate::{named}`, a module above it",
                    relative.display()
                ));
            }
        }
    }
    found
}

#[test]
fn no_module_names_a_module_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "the one-way flow is broken (move the shared fact down to a lower module):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_paths_in_use_groups() {
    let names = |code: &str| -> Vec<String> {
        named_modules(&code_only(code))
            .into_iter()
            .map(|(_, name)| name)
            .collect()
    };
    assert_eq!(names("use crate::validate::did_you_mean;"), ["validate"]);
    assert_eq!(
        names("use crate::{\n    content::Workspace,\n    diag::{Code, Report},\n    lint,\n};"),
        ["content", "diag", "lint"]
    );
    assert_eq!(
        names("let x = crate::serve::layout::served_state(w) + crate::pack::f();"),
        ["serve", "pack"]
    );
    assert!(names("/// See [`crate::cli`].").is_empty());
}
