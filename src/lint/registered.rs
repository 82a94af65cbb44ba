//! Checks over what the mods registered, once loaded: textures that no
//! loaded mod provides, craft recipes naming unknown items, chat commands
//! asking for privileges that do not exist. Each finding points at the
//! first place the name is written in the mod's Lua files.

use std::collections::BTreeSet;
use std::path::PathBuf;

use mlua::Table;

use super::places::Places;
use crate::content::ModInfo;
use crate::diag::{Code, Diagnostic, Severity};
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

pub const CRAFT_ITEM_UNAVAILABLE: Code = Code {
    id: "MT2406",
    name: "craft-item-unavailable",
    severity: Severity::Warning,
    doc: "A craft recipe names an item no loaded mod registers, from a mod that is not loaded or may add it later: the recipe works only with that mod.",
};

pub const UNKNOWN_PRIVILEGE: Code = Code {
    id: "MT2403",
    name: "unknown-privilege",
    severity: Severity::Warning,
    doc: "A chat command needs a privilege nobody registers: no player can use it.",
};

pub const CODES: &[&Code] = &[
    &MISSING_TEXTURE,
    &CRAFT_UNKNOWN_ITEM,
    &CRAFT_ITEM_UNAVAILABLE,
    &UNKNOWN_PRIVILEGE,
];

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
-- The name as the engine reads an item string (a JSON-quoted name too),
-- read once per string: recipes name the same few items again and again.
local read_names = {}
local function read_name(text)
	local name = read_names[text]
	if name == nil then
		local ok, stack = pcall(ItemStack, text)
		name = ok and stack:get_name() or text:match("^%S+") or ""
		read_names[text] = name
	end
	return name
end
local function add_item(name, mod)
	if type(name) ~= "string" or name == "" or name:sub(1, 6) == "group:" then return end
	name = read_name(name)
	if name == "" then return end
	items[name] = items[name] or mod
end
for _, stored in ipairs(__mtedu_crafts()) do
	if ours[stored.mod] then
		local def = stored.def
		add_item(def.output, stored.mod)
		if type(def.recipe) == "table" then
			for _, row in ipairs(def.recipe) do
				if type(row) == "table" then
					for _, item in ipairs(row) do add_item(item, stored.mod) end
				else
					add_item(row, stored.mod)
				end
			end
		else
			add_item(def.recipe, stored.mod)
		end
	end
end
for _, def in pairs(minetest.registered_chatcommands) do
	if ours[def.mod_origin] and type(def.privs) == "table" then
		for priv in pairs(def.privs) do privs[priv] = true end
	end
end
local unknown_items, unknown_privs, item_names = {}, {}, {}
for name, mod in pairs(items) do
	if not minetest.registered_items[name] then unknown_items[#unknown_items + 1] = name .. " " .. mod end
end
for name in pairs(minetest.registered_items) do item_names[#item_names + 1] = name end
for name in pairs(privs) do
	if not minetest.registered_privileges[name] then unknown_privs[#unknown_privs + 1] = name end
end
local texture_list = {}
for name in pairs(textures) do texture_list[#texture_list + 1] = name end
return texture_list, unknown_items, unknown_privs, item_names
"#;

/// Findings about what `ours` registered in `engine`.
pub fn check(engine: &Engine, ours: &BTreeSet<String>, mods: &[ModInfo]) -> Vec<Diagnostic> {
    let Ok((textures, items, privs, item_names)) = collect(engine, ours) else {
        return Vec::new();
    };
    // A file that differs only by letter case is reported by validation
    // (the engine ignores capital extensions), not here.
    let media: BTreeSet<String> = media_names(mods)
        .into_iter()
        .map(|name| name.to_lowercase())
        .collect();
    let our_mods: Vec<&ModInfo> = mods.iter().filter(|m| ours.contains(&m.name)).collect();
    let missing: Vec<&String> = textures
        .iter()
        .filter(|t| !media.contains(&t.to_lowercase()))
        .collect();
    let items: Vec<(&str, &str)> = items
        .iter()
        .map(|entry| entry.rsplit_once(' ').unwrap_or((entry, "")))
        .collect();
    let places = Places::of(
        &our_mods,
        missing
            .iter()
            .map(|t| t.as_str())
            .chain(items.iter().map(|(item, _)| *item))
            .chain(privs.iter().map(String::as_str)),
    );
    let mut out = Vec::new();
    for texture in missing {
        out.push(
            places
                .located(&MISSING_TEXTURE, texture)
                .arg("name", texture.as_str()),
        );
    }
    let loaded: BTreeSet<&str> = mods.iter().map(|m| m.name.as_str()).collect();
    for (item, owner) in items {
        let code = craft_item_code(item, owner, mods, &loaded, &item_names);
        out.push(places.located(code, item).arg("name", item));
    }
    for privilege in &privs {
        out.push(
            places
                .located(&UNKNOWN_PRIVILEGE, privilege)
                .arg("name", privilege.as_str()),
        );
    }
    out
}

/// An item no loaded mod registers is a sure mistake when a registered
/// name is a near spelling of it, or when it carries the recipe's own mod
/// prefix and no absent optional dependency could register it; otherwise
/// it may come from a mod that is not loaded here (a warning).
fn craft_item_code(
    item: &str,
    owner: &str,
    mods: &[ModInfo],
    loaded: &BTreeSet<&str>,
    item_names: &[String],
) -> &'static Code {
    if crate::content::did_you_mean(item, item_names.iter().map(String::as_str)).is_some() {
        return &CRAFT_UNKNOWN_ITEM;
    }
    let prefix = item.trim_start_matches(':').split(':').next().unwrap_or("");
    let absent_optional = mods.iter().find(|m| m.name == owner).is_some_and(|m| {
        m.dependencies
            .iter()
            .any(|d| d.optional && !loaded.contains(d.name.as_str()))
    });
    if prefix == owner && !absent_optional {
        &CRAFT_UNKNOWN_ITEM
    } else {
        &CRAFT_ITEM_UNAVAILABLE
    }
}

type Collected = (Vec<String>, Vec<String>, Vec<String>, Vec<String>);

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
    let result = function.call::<(Table, Table, Table, Table)>(set);
    engine.sandbox.budget.disarm();
    lua.globals().raw_set("__mtedu_crafts", mlua::Value::Nil)?;
    let (textures, items, privs, item_names) = result?;
    let list = |t: Table| -> Vec<String> {
        let mut v: Vec<String> = t
            .sequence_values::<String>()
            .filter_map(Result::ok)
            .collect();
        v.sort();
        v
    };
    Ok((list(textures), list(items), list(privs), list(item_names)))
}

/// File names of every media file of every loaded mod, plus the textures
/// the engine itself ships (`wieldhand.png`, `heart.png`…, listed from the
/// 5.6.1 package).
fn media_names(mods: &[ModInfo]) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = include_str!("../../data/engine/5.6.1/builtin-textures.txt")
        .lines()
        .map(str::to_owned)
        .collect();
    let mut games = BTreeSet::new();
    for info in mods {
        for folder in ["textures", "media", "models"] {
            collect_names(&info.dir.join(folder), &mut names, 0);
        }
        games.extend(game_of(&info.dir));
    }
    // The engine also serves a game's own `textures/` folder (not `menu/`).
    for game in games {
        collect_names(&game.join("textures"), &mut names, 0);
    }
    names
}

/// The game folder a mod belongs to: the nearest folder above it with a
/// game.conf whose `mods/` holds it.
fn game_of(mod_dir: &std::path::Path) -> Option<PathBuf> {
    mod_dir
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("game.conf").is_file() && mod_dir.starts_with(dir.join("mods")))
        .map(std::path::Path::to_path_buf)
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
