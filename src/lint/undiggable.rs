//! A node players can craft but nobody can dig back: a recipe makes it, it
//! has no groups at all, is not marked `diggable = false` on purpose, and
//! no registered item (the hand `""` included) digs it, asked the way the engine asks
//! (`core.get_dig_params`: a tool digs a node through a group it rates;
//! measured on the real 5.6.1 server, `real_content/rc_node_rules`, only a
//! tool with a time for rating 0 digs a node without groups, and
//! minetest_game has none). Run once the mods are loaded, so groups added
//! by `override_item` or built at run time count. Nodes nobody can point
//! at, invisible ones, liquids, nodes a placed one replaces
//! (`buildable_to`) and nodes the mod removes when punched are left
//! alone: taking them away is done otherwise. So are nodes no recipe
//! makes: the engine's own test game has groupless nodes on purpose, to
//! try digging with.

use std::collections::BTreeSet;

use mlua::Table;

use super::places::Places;
use crate::content::ModInfo;
use crate::diag::{Code, Diagnostic, Severity};
use crate::engine::{Engine, Limits};

pub const UNDIGGABLE_NODE: Code = Code {
    id: "MT2501",
    name: "undiggable-node",
    severity: Severity::Warning,
    doc: "A node a recipe makes that has no groups: no tool can dig it, not even the hand, and it is not marked `diggable = false` on purpose.",
};

/// The names of `ours`' nodes no registered item digs.
const COLLECT: &str = r#"
local ours, crafts = ...
local made = {}
for _, stored in ipairs(crafts) do
	local output = stored.def.output
	if type(output) == "string" then
		local ok, stack = pcall(ItemStack, output)
		if ok then made[stack:get_name()] = true end
	end
end
local diggers = {}
for _, def in pairs(minetest.registered_items) do
	local caps = rawget(def, "tool_capabilities")
	if type(caps) == "table" then diggers[#diggers + 1] = caps end
end
local found = {}
for name, def in pairs(minetest.registered_nodes) do
	local groups = def.groups
	if ours[def.mod_origin] and made[name] and type(groups) == "table" and next(groups) == nil
		and def.diggable ~= false and def.pointable ~= false and def.drawtype ~= "airlike"
		and def.buildable_to ~= true and (def.liquidtype or "none") == "none"
		and rawget(def, "on_punch") == nil then
		local dug = false
		for _, caps in ipairs(diggers) do
			if minetest.get_dig_params(groups, caps).diggable then
				dug = true
				break
			end
		end
		if not dug then found[#found + 1] = name .. " " .. def.mod_origin end
	end
end
table.sort(found)
return found
"#;

/// Findings for the nodes of `ours` nobody can dig in `engine`, each at
/// the first place its name is written (its mod's init.lua when the name
/// is built at run time).
pub fn check(engine: &Engine, ours: &BTreeSet<String>, mods: &[ModInfo]) -> Vec<Diagnostic> {
    let Ok(found) = collect(engine, ours) else {
        return Vec::new();
    };
    if found.is_empty() {
        return Vec::new();
    }
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|entry| entry.rsplit_once(' ').unwrap_or((entry, "")))
        .collect();
    let our_mods: Vec<&ModInfo> = mods.iter().filter(|m| ours.contains(&m.name)).collect();
    let places = Places::of(&our_mods, found.iter().map(|(name, _)| *name));
    found
        .iter()
        .map(|(name, owner)| {
            let mut finding = places.located(&UNDIGGABLE_NODE, name).arg("name", *name);
            if finding.span.is_none()
                && let Some(info) = mods.iter().find(|m| m.name == *owner)
            {
                finding.path = info.dir.join("init.lua");
            }
            finding
        })
        .collect()
}

fn collect(engine: &Engine, ours: &BTreeSet<String>) -> mlua::Result<Vec<String>> {
    let lua = &engine.sandbox.lua;
    let set = lua.create_table()?;
    for name in ours {
        set.set(name.as_str(), true)?;
    }
    let function = lua
        .load(COLLECT)
        .set_name("=[mtedu]/lint_undiggable.lua")
        .into_function()?;
    engine.sandbox.budget.arm(Limits::default().time);
    let crafts: Table = engine.crafts_function()?.call(())?;
    let result = function.call::<Table>((set, crafts));
    engine.sandbox.budget.disarm();
    Ok(result?
        .sequence_values::<String>()
        .filter_map(Result::ok)
        .collect())
}
