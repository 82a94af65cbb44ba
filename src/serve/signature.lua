-- What each mod registered that a live server cannot change in place:
-- names of items, entities, commands, privileges, aliases, and the
-- content of crafts, ABMs and LBMs. Returns mod name -> signature text.
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

local out = {}
for mod, list in pairs(lines) do
	table.sort(list)
	out[mod] = table.concat(list, "\n")
end
return out
