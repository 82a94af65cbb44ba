-- Map generation registrations (ores, biomes, decorations, schematics)
-- and mapgen settings. They are recorded; no terrain is generated.
local core, host, private = ...

core.registered_ores = {}
core.registered_biomes = {}
core.registered_decorations = {}
private.schematics = {}

local function registrar(list_name)
	return function(def)
		if type(def) ~= "table" then
			error(list_name .. ": the definition must be a table", 2)
		end
		local list = core[list_name]
		local id = #list + 1
		list[id] = def
		if def.name then
			list[def.name] = def
		end
		return id
	end
end

core.register_ore = registrar("registered_ores")
core.register_biome = registrar("registered_biomes")
core.register_decoration = registrar("registered_decorations")

function core.register_schematic(def)
	private.schematics[#private.schematics + 1] = def
	return #private.schematics
end

local function clearer(list_name)
	return function()
		core[list_name] = {}
	end
end
core.clear_registered_ores = clearer("registered_ores")
core.clear_registered_biomes = clearer("registered_biomes")
core.clear_registered_decorations = clearer("registered_decorations")
core.clear_registered_schematics = function()
	private.schematics = {}
end

local function id_by_name(list, name)
	for id, def in ipairs(list) do
		if def.name == name then
			return id
		end
	end
	return nil
end

function core.get_biome_id(name)
	return id_by_name(core.registered_biomes, name)
end

function core.get_biome_name(id)
	local def = core.registered_biomes[id]
	return def and def.name
end

local mapgen_overrides = {}

-- The map settings of a new default world, as measured on the real server:
-- plain values and noise parameters.
local map_defaults, map_noise = {}, {}
for line in host.mapgen_settings_text():gmatch("[^\n]+") do
	if line:sub(1, 1) ~= "#" then
		local name, value, noise = line:match("^([^\t]+)\t([^\t]*)\t?(.*)$")
		if value == "np" then
			map_noise[name] = setfenv(assert(loadstring("return " .. noise)), {})()
		else
			map_defaults[name] = value
		end
	end
end

-- A new world's seed is random in the engine; mtedu's is fixed so that runs
-- repeat, unless the settings fix one.
local function map_seed()
	local fixed = core.settings:get("fixed_map_seed")
	if fixed and fixed:match("^%d+$") then
		return fixed
	end
	return "12105057816406106004"
end

-- As the engine: the world's map settings first (mods' overrides, then
-- values this run sets, then a new world's), then every other setting.
function core.get_mapgen_setting(name)
	local value = mapgen_overrides[name]
	if value ~= nil then
		return type(value) == "string" and value or nil
	end
	if name == "seed" then
		return map_seed()
	end
	if map_noise[name] then
		return nil
	end
	return core.settings.values[name] or map_defaults[name] or core.settings:get(name)
end

function core.set_mapgen_setting(name, value, override)
	if private.load_done then
		core.log("warning", "core.set_mapgen_setting called after load time has no effect")
		return
	end
	if override or mapgen_overrides[name] == nil then
		mapgen_overrides[name] = tostring(value)
	end
end

-- Noise parameters; for a plain setting the engine reads its number as
-- the offset of otherwise empty parameters.
function core.get_mapgen_setting_noiseparams(name)
	local value = mapgen_overrides[name]
	if type(value) == "table" then
		return table.copy(value)
	end
	if value == nil and map_noise[name] then
		return table.copy(map_noise[name])
	end
	local text = core.get_mapgen_setting(name)
	if text == nil then
		return nil
	end
	return {
		offset = host.to_f32(tonumber(text) or 0),
		scale = 0,
		spread = { x = 0, y = 0, z = 0 },
		seed = 0,
		octaves = 0,
		persist = 0,
		persistence = 0,
		lacunarity = 2,
		flags = "defaults",
	}
end

function core.set_mapgen_setting_noiseparams(name, value, override)
	if override or mapgen_overrides[name] == nil then
		mapgen_overrides[name] = table.copy(value)
	end
end

function core.get_mapgen_params()
	core.log("deprecated", "get_mapgen_params is deprecated; use get_mapgen_setting instead")
	return {
		mgname = core.get_mapgen_setting("mg_name"),
		seed = tonumber(core.get_mapgen_setting("seed")) or 0,
		chunksize = tonumber(core.get_mapgen_setting("chunksize")) or 5,
		water_level = tonumber(core.get_mapgen_setting("water_level")) or 1,
		flags = core.get_mapgen_setting("mg_flags") or "",
	}
end

-- 5.6.1 keeps the old callback as a call made at once.
function core.register_on_mapgen_init(func)
	func(core.get_mapgen_params())
end

function core.set_mapgen_params(params)
	core.log("deprecated", "set_mapgen_params is deprecated; use set_mapgen_setting instead")
	local names = { mgname = "mg_name", seed = "seed", chunksize = "chunksize", water_level = "water_level", flags = "mg_flags" }
	for key, value in pairs(params) do
		if names[key] then
			core.set_mapgen_setting(names[key], value, true)
		end
	end
end

function core.get_decoration_id(name)
	return id_by_name(core.registered_decorations, name)
end

-- The engine's gen-notify flags, in the order it writes them back.
local gen_notify_names = { "dungeon", "temple", "cave_begin", "cave_end",
	"large_cave_begin", "large_cave_end", "decoration" }
local gen_notify = { flags = {}, deco_ids = {} }

-- Flags as the engine reads a flags field: a table of booleans, or a string
-- of names separated by commas, "no" before a name clearing it; unknown
-- names are ignored.
local function read_gen_notify_flags(flags)
	local known = {}
	for _, name in ipairs(gen_notify_names) do known[name] = true end
	if type(flags) == "table" then
		for name, value in pairs(flags) do
			if known[name] then
				gen_notify.flags[name] = value and true or nil
			end
		end
	elseif type(flags) == "string" then
		for word in flags:gmatch("[^,]+") do
			word = word:match("^%s*(.-)%s*$")
			if known[word] then
				gen_notify.flags[word] = true
			elseif word:sub(1, 2) == "no" and known[word:sub(3)] then
				gen_notify.flags[word:sub(3)] = nil
			end
		end
	end
end

function core.set_gen_notify(flags, deco_ids)
	read_gen_notify_flags(flags)
	-- A set of numbers, written back in increasing order.
	local seen = {}
	for _, id in ipairs(gen_notify.deco_ids) do seen[id] = true end
	for _, id in pairs(type(deco_ids) == "table" and deco_ids or {}) do
		if type(id) == "number" and not seen[id] then
			seen[id] = true
			gen_notify.deco_ids[#gen_notify.deco_ids + 1] = id
		end
	end
	table.sort(gen_notify.deco_ids)
end

function core.get_gen_notify()
	local set = {}
	for _, name in ipairs(gen_notify_names) do
		if gen_notify.flags[name] then set[#set + 1] = name end
	end
	return table.concat(set, ", "), table.copy(gen_notify.deco_ids)
end
