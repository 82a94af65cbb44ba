//! Checks over what the mods registered, once loaded: textures that no
//! loaded mod provides, craft recipes naming unknown items, chat commands
//! asking for privileges that do not exist. Each finding points at the
//! first place the name is written in the mod's Lua files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use mlua::Table;

use super::files::lua_files;
use crate::content::ModInfo;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::{Engine, Limits};

pub const MISSING_TEXTURE: Code = Code {
    id: "MT2401",
    name: "missing-texture",
    severity: Severity::Warning,
    doc: "A texture no loaded mod provides: the game shows a black and white checkerboard instead.",
};

pub const CRAFT_UNKNOWN_ITEM: Code = Code {
    id: "MT2402",
    name: "craft-unknown-item",
    severity: Severity::Error,
    doc: "A craft recipe names an item that no loaded mod registers: the recipe never works.",
};

pub const UNKNOWN_PRIVILEGE: Code = Code {
    id: "MT2403",
    name: "unknown-privilege",
    severity: Severity::Warning,
    doc: "A chat command needs a privilege nobody registers: no player can use it.",
};

pub const CODES: &[&Code] = &[&MISSING_TEXTURE, &CRAFT_UNKNOWN_ITEM, &UNKNOWN_PRIVILEGE];

/// Collects, in Lua, what the given mods registered that names other things.
const COLLECT: &str = r#"
local ours = ...
local textures, items, privs = {}, {}, {}
local function add_texture(value)
	if type(value) == "table" then value = value.name or value.image end
	if type(value) ~= "string" then return end
	for part in value:gsub("[()]", "^"):gmatch("[^%^]+") do
		if part:sub(1, 1) ~= "[" and part:find("%.%a%a%a$") then textures[part] = true end
	end
end
for _, def in pairs(minetest.registered_items) do
	if ours[def.mod_origin] then
		for _, key in ipairs({ "tiles", "special_tiles", "overlay_tiles" }) do
			for _, tile in ipairs(rawget(def, key) or {}) do add_texture(tile) end
		end
		add_texture(rawget(def, "inventory_image"))
		add_texture(rawget(def, "wield_image"))
	end
end
local function add_item(name)
	if type(name) ~= "string" or name == "" or name:sub(1, 6) == "group:" then return end
	items[(name:match("^%S+"))] = true
end
for _, stored in ipairs(__mtedu_crafts()) do
	if ours[stored.mod] then
		local def = stored.def
		add_item(def.output)
		if type(def.recipe) == "table" then
			for _, row in ipairs(def.recipe) do
				if type(row) == "table" then for _, item in ipairs(row) do add_item(item) end else add_item(row) end
			end
		else
			add_item(def.recipe)
		end
	end
end
for _, def in pairs(minetest.registered_chatcommands) do
	if ours[def.mod_origin] and type(def.privs) == "table" then
		for priv in pairs(def.privs) do privs[priv] = true end
	end
end
local unknown_items, unknown_privs = {}, {}
for name in pairs(items) do
	if not minetest.registered_items[name] then unknown_items[#unknown_items + 1] = name end
end
for name in pairs(privs) do
	if not minetest.registered_privileges[name] then unknown_privs[#unknown_privs + 1] = name end
end
local texture_list = {}
for name in pairs(textures) do texture_list[#texture_list + 1] = name end
return texture_list, unknown_items, unknown_privs
"#;

/// Findings about what `ours` registered in `engine`.
pub fn check(engine: &Engine, ours: &BTreeSet<String>, mods: &[ModInfo]) -> Vec<Diagnostic> {
    let Ok((textures, items, privs)) = collect(engine, ours) else {
        return Vec::new();
    };
    // A file that differs only by letter case is reported by validation
    // (the engine ignores capital extensions), not here.
    let media: BTreeSet<String> = media_names(mods)
        .into_iter()
        .map(|name| name.to_lowercase())
        .collect();
    let our_mods: Vec<&ModInfo> = mods.iter().filter(|m| ours.contains(&m.name)).collect();
    let mut out = Vec::new();
    for texture in textures
        .iter()
        .filter(|t| !media.contains(&t.to_lowercase()))
    {
        out.push(located(&MISSING_TEXTURE, texture, &our_mods).arg("name", texture.as_str()));
    }
    for item in &items {
        out.push(located(&CRAFT_UNKNOWN_ITEM, item, &our_mods).arg("name", item.as_str()));
    }
    for privilege in &privs {
        out.push(located(&UNKNOWN_PRIVILEGE, privilege, &our_mods).arg("name", privilege.as_str()));
    }
    out
}

type Collected = (Vec<String>, Vec<String>, Vec<String>);

fn collect(engine: &Engine, ours: &BTreeSet<String>) -> mlua::Result<Collected> {
    let lua = &engine.sandbox.lua;
    let set = lua.create_table()?;
    for name in ours {
        set.set(name.as_str(), true)?;
    }
    let crafts = engine.crafts_function()?;
    lua.globals().raw_set("__mtedu_crafts", crafts)?;
    let function = lua
        .load(COLLECT)
        .set_name("=[mtedu]/lint_collect.lua")
        .into_function()?;
    engine.sandbox.budget.arm(Limits::default().time);
    let result = function.call::<(Table, Table, Table)>(set);
    engine.sandbox.budget.disarm();
    lua.globals().raw_set("__mtedu_crafts", mlua::Value::Nil)?;
    let (textures, items, privs) = result?;
    let list = |t: Table| -> Vec<String> {
        let mut v: Vec<String> = t
            .sequence_values::<String>()
            .filter_map(Result::ok)
            .collect();
        v.sort();
        v
    };
    Ok((list(textures), list(items), list(privs)))
}

/// File names of every media file of every loaded mod, plus the textures
/// the engine itself ships (`wieldhand.png`, `heart.png`…, listed from the
/// 5.6.1 package).
fn media_names(mods: &[ModInfo]) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = include_str!("../../data/engine/5.6.1/builtin-textures.txt")
        .lines()
        .map(str::to_owned)
        .collect();
    for info in mods {
        for folder in ["textures", "media", "models"] {
            collect_names(&info.dir.join(folder), &mut names, 0);
        }
    }
    names
}

fn collect_names(dir: &std::path::Path, names: &mut BTreeSet<String>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if depth < 8 && !name.starts_with(['.', '_']) {
                collect_names(&entry.path(), names, depth + 1);
            }
        } else {
            names.insert(name);
        }
    }
}

/// The finding, at the first place `needle` is written in the mods' files.
fn located(code: &'static Code, needle: &str, mods: &[&ModInfo]) -> Diagnostic {
    let mut first_file: Option<PathBuf> = None;
    let mut cache: BTreeMap<PathBuf, String> = BTreeMap::new();
    for info in mods {
        for file in lua_files(&info.dir) {
            first_file.get_or_insert_with(|| file.clone());
            let text = cache
                .entry(file.clone())
                .or_insert_with(|| std::fs::read_to_string(&file).unwrap_or_default());
            for (index, line) in text.lines().enumerate() {
                if let Some(byte) = line.find(needle) {
                    let column = line[..byte].chars().count() + 1;
                    return Diagnostic::new(code, &file).at(Span::on_line(
                        index + 1,
                        column,
                        needle.chars().count(),
                    ));
                }
            }
        }
    }
    Diagnostic::new(code, first_file.unwrap_or_default())
}
