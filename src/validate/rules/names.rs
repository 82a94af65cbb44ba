//! Mod names: only `[a-z0-9_]`, not a reserved word, and the same as the
//! folder (mod.conf wins in the engine, which confuses everyone).

use crate::content::names::RESERVED_NAMES;
use crate::content::{Container, ModInfo};
use crate::content::{is_valid_mod_name, suggest_mod_name};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const INVALID_MOD_NAME: Code = Code {
    id: "MT1101",
    name: "invalid-mod-name",
    severity: Severity::Error,
    doc: "A mod name uses characters other than a-z, 0-9 and _: the engine refuses it.",
};

pub const RESERVED_MOD_NAME: Code = Code {
    id: "MT1102",
    name: "reserved-mod-name",
    severity: Severity::Error,
    doc: "A mod name that clashes with the engine or with Lua (core, minetest, end, …).",
};

pub const FOLDER_NAME_MISMATCH: Code = Code {
    id: "MT1103",
    name: "folder-name-mismatch",
    severity: Severity::Warning,
    doc: "The folder name differs from `name` in mod.conf; the engine uses mod.conf.",
};

pub struct Names;

impl Rule for Names {
    fn codes(&self) -> &'static [&'static Code] {
        &[&INVALID_MOD_NAME, &RESERVED_MOD_NAME, &FOLDER_NAME_MISMATCH]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for (info, container) in &context.workspace.mods {
            // A lesson's `starter/` and `solution/` are named for their
            // role; `lessons start` and `pack` give them the mod's name.
            let renamed_later = matches!(container, Container::Lesson(_))
                && matches!(info.folder_name().as_str(), "starter" | "solution");
            check_mod(info, !renamed_later, out);
        }
    }
}

/// A finding placed on `name =` in mod.conf when the name comes from
/// there, else on the folder.
fn located(code: &'static Code, info: &ModInfo) -> Diagnostic {
    let entry = info
        .conf
        .as_ref()
        .and_then(|conf| conf.conf.get("name").map(|entry| (conf, entry)))
        .filter(|(_, entry)| !entry.value.is_empty());
    match entry {
        Some((conf, entry)) => Diagnostic::new(code, &conf.path)
            .at(Span::on_line(
                entry.line,
                entry.value_column,
                entry.value.chars().count(),
            ))
            .arg("source", "conf"),
        None => Diagnostic::new(code, &info.dir).arg("source", "folder"),
    }
}

fn check_mod(info: &ModInfo, check_folder: bool, out: &mut Vec<Diagnostic>) {
    let name = info.name.as_str();
    let valid = is_valid_mod_name(name);
    if !valid {
        out.push(
            located(&INVALID_MOD_NAME, info)
                .arg("name", name)
                .arg("suggestion", suggest_mod_name(name)),
        );
    } else if RESERVED_NAMES.contains(&name) {
        out.push(located(&RESERVED_MOD_NAME, info).arg("name", name));
    }
    let folder = info.folder_name();
    // A mismatch only matters once the name itself is right.
    if check_folder && valid && folder != name && !folder.is_empty() {
        out.push(
            located(&FOLDER_NAME_MISMATCH, info)
                .arg("name", name)
                .arg("folder", folder),
        );
    }
}
