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

function core.get_mapgen_setting(name)
	local value = mapgen_overrides[name]
	if value ~= nil then
		return value
	end
	return core.settings:get(name)
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

function core.get_mapgen_setting_noiseparams(name)
	return core.settings:get_np_group(name)
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

local gen_notify = { flags = {}, deco_ids = {} }

function core.set_gen_notify(flags, deco_ids)
	for flag, value in pairs(flags or {}) do
		gen_notify.flags[flag] = value and true or nil
	end
	for _, id in ipairs(deco_ids or {}) do
		gen_notify.deco_ids[#gen_notify.deco_ids + 1] = id
	end
end

function core.get_gen_notify()
	return table.copy(gen_notify.flags), table.copy(gen_notify.deco_ids)
end
