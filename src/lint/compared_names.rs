//! `node.name == "default:dirt_with_gras"`: a string compared with `==`
//! or `~=` that looks like an item name of a loaded mod but that nothing
//! registers, while a registered name is one typo away. The comparison is
//! then always false (or always true): the code never does what it says.
//! Needs the load's registrations, so it runs after the engine load.

use std::collections::BTreeSet;
use std::path::PathBuf;

use mlua::Table;

use super::scope::ComparedString;
use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::{Engine, Limits};

pub const COMPARED_NAME_TYPO: Code = Code {
    id: "MT2405",
    name: "compared-name-typo",
    severity: Severity::Warning,
    doc: "A name compared with == or ~= that no mod registers, one typo away from a registered name.",
};

/// What the load registered under a `mod:name`: items, aliases, entities;
/// and the names of the loaded mods.
#[derive(Debug, Default)]
pub struct KnownNames {
    pub names: BTreeSet<String>,
    pub mods: BTreeSet<String>,
}

/// Lists the registered names in the engine after a load.
const COLLECT: &str = r#"
local names = {}
for _, registry in ipairs({ minetest.registered_items, minetest.registered_aliases,
		minetest.registered_entities }) do
	for name in pairs(registry) do
		if type(name) == "string" and name:find(":", 1, true) then names[#names + 1] = name end
	end
end
return names
"#;

/// The registered names of a loaded engine; `mods` are the loaded mods.
pub fn known_names(engine: &Engine, mods: impl IntoIterator<Item = String>) -> Option<KnownNames> {
    let lua = &engine.sandbox.lua;
    let function = lua
        .load(COLLECT)
        .set_name("=[mtedu]/lint_names.lua")
        .into_function()
        .ok()?;
    engine.sandbox.budget.arm(Limits::default().time);
    let result = function.call::<Table>(());
    engine.sandbox.budget.disarm();
    let names = result
        .ok()?
        .sequence_values::<String>()
        .filter_map(Result::ok)
        .collect();
    Some(KnownNames {
        names,
        mods: mods.into_iter().collect(),
    })
}

/// A finding for each compared string that is a typo of a registered name.
pub fn check(compared: &[(PathBuf, ComparedString)], known: &KnownNames) -> Vec<Diagnostic> {
    compared
        .iter()
        .filter_map(|(path, string)| {
            let (prefix, rest) = string.text.split_once(':')?;
            let looks_like_name = !rest.is_empty()
                && [prefix, rest].iter().all(|part| {
                    part.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                });
            if !looks_like_name
                || !known.mods.contains(prefix)
                || known.names.contains(&string.text)
            {
                return None;
            }
            let suggestion = did_you_mean(&string.text, known.names.iter().map(String::as_str))?;
            Some(
                Diagnostic::new(&COMPARED_NAME_TYPO, path)
                    .at(Span::on_line(
                        string.line,
                        string.column,
                        string.text.chars().count() + 2,
                    ))
                    .arg("name", string.text.as_str())
                    .arg("suggestion", suggestion),
            )
        })
        .collect()
}
