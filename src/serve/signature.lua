-- What each mod registered that a live server cannot change in place:
-- names of items, entities, commands, privileges, aliases, and the
-- content of crafts, ABMs and LBMs; and, apart, what a connected client
-- got of each item when it joined (a change there needs a rejoin).
-- Returns {signatures = mod -> text, looks = mod -> text}.
local core, private = ...

local function serialized(value)
	if type(value) ~= "table" then
		return type(value) == "function" and "function" or tostring(value)
	end
	local keys = {}
	for key in pairs(value) do
		keys[#keys + 1] = key
	end
	table.sort(keys, function(a, b)
		return tostring(a) < tostring(b)
	end)
	local parts = {}
	for _, key in ipairs(keys) do
		parts[#parts + 1] = tostring(key) .. "=" .. serialized(value[key])
	end
	return "{" .. table.concat(parts, ",") .. "}"
end

local lines = {}
local function add(mod, line)
	mod = mod or "??"
	lines[mod] = lines[mod] or {}
	table.insert(lines[mod], line)
end

for name, def in pairs(core.registered_items) do
	add(def.mod_origin, "item " .. name)
end
for name, def in pairs(core.registered_entities) do
	add(def.mod_origin, "entity " .. name)
end
for name, def in pairs(core.registered_chatcommands) do
	add(def.mod_origin, "command " .. name)
end
for name, def in pairs(core.registered_privileges) do
	add(def.mod_origin, "privilege " .. name)
end
for name, target in pairs(core.registered_aliases) do
	add(private.alias_origins[name], "alias " .. name .. " " .. target)
end
for _, craft in ipairs(private.crafts) do
	add(craft.mod, "craft " .. serialized(craft.def))
end
for _, abm in ipairs(core.registered_abms) do
	add(abm.mod_origin, "abm " .. serialized({abm.label, abm.nodenames, abm.neighbors,
		abm.interval, abm.chance, abm.catch_up}))
end
for _, lbm in ipairs(core.registered_lbms) do
	add(lbm.mod_origin, "lbm " .. serialized({lbm.name, lbm.nodenames, lbm.run_at_every_load}))
end

-- The item and node fields the engine sends to a client once, when it
-- joins (ItemDefinition and ContentFeatures): what it draws, shows and
-- predicts. Callbacks, drops and `_custom` fields stay on the server.
local CLIENT_FIELDS = {
	"description", "short_description", "inventory_image", "inventory_overlay",
	"wield_image", "wield_overlay", "wield_scale", "stack_max", "liquids_pointable",
	"tool_capabilities", "groups", "node_placement_prediction", "node_dig_prediction",
	"sound", "sounds", "range", "palette", "color", "place_param2", "wear_color",
	"drawtype", "visual_scale", "mesh", "tiles", "overlay_tiles", "special_tiles",
	"use_texture_alpha", "alpha", "paramtype", "paramtype2", "waving", "connect_sides",
	"connects_to", "post_effect_color", "leveled", "leveled_max", "sunlight_propagates",
	"light_source", "walkable", "pointable", "diggable", "climbable", "buildable_to",
	"damage_per_second", "liquidtype", "liquid_alternative_flowing",
	"liquid_alternative_source", "liquid_viscosity", "liquid_renewable", "liquid_range",
	"drowning", "floodable", "node_box", "selection_box", "collision_box",
	"legacy_facedir_simple", "legacy_wallmounted", "move_resistance", "light_propagates",
	"is_ground_content",
}

local looks_lines = {}
for name, def in pairs(core.registered_items) do
	local shown = {}
	for _, field in ipairs(CLIENT_FIELDS) do
		shown[field] = def[field]
	end
	local mod = def.mod_origin or "??"
	looks_lines[mod] = looks_lines[mod] or {}
	table.insert(looks_lines[mod], name .. " " .. serialized(shown))
end

local function joined(by_mod)
	local out = {}
	for mod, list in pairs(by_mod) do
		table.sort(list)
		out[mod] = table.concat(list, "\n")
	end
	return out
end
return {signatures = joined(lines), looks = joined(looks_lines)}
