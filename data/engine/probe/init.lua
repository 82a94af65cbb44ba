-- Measures what this engine gives mods, for mtedu's data/engine/<version>/.
-- At load time it notes what only exists then (mod storage); at the first
-- server step it lists the core table, the globals, the libraries, the
-- methods of every engine object, the setting defaults and what each
-- registration function does after load time, writes them all to
-- <world>/engine_facts.json and shuts the server down.
-- Run on a singlenode world (map_meta.txt: an area to place an entity in at
-- once, without a setting the probe would then read as a default).
local facts = { methods = {}, after_load = {} }
local modname = core.get_current_modname()

-- Each function's kind: "c", or "lua/N" (N parameters, "+" for a vararg).
local function kind_of(value)
	local kind = type(value)
	if kind == "function" and debug and debug.getinfo then
		local info = debug.getinfo(value, "Su")
		if info.what == "C" then
			return "function c"
		end
		return "function lua/" .. tostring(info.nparams) .. (info.isvararg and "+" or "")
	end
	return kind
end

local function keys_of(t)
	local out = {}
	for name, value in pairs(t) do
		if type(name) == "string" then
			out[name] = kind_of(value)
		end
	end
	return out
end

-- The methods of an engine object: its metatable's __index, or the
-- metatable itself when the engine hides the metatable behind it.
local function methods_of(class, object)
	if object == nil then
		facts.methods[class] = "none"
		return
	end
	local mt = getmetatable(object)
	local index = type(mt) == "table" and (type(mt.__index) == "table" and mt.__index or mt) or {}
	local names = {}
	for name, value in pairs(index) do
		if type(name) == "string" and type(value) == "function" and name:sub(1, 2) ~= "__" then
			names[#names + 1] = name
		end
	end
	table.sort(names)
	facts.methods[class] = names
end

-- Only exists while mods load.
methods_of("StorageRef", core.get_mod_storage())

core.register_entity(modname .. ":thing", { initial_properties = { physical = false } })
core.register_node(modname .. ":block", { description = "Probe block" })
core.register_node(modname .. ":other", { description = "Probe block" })

local function try(what, call)
	local ok, err = pcall(call)
	if ok then
		facts.after_load[what] = "ok"
	else
		-- The message without the path of the file that raised it.
		facts.after_load[what] = "refused: " .. tostring(err):gsub("^[^:]*:%d+: ", "")
	end
end

local function after_load()
	local late = ":" .. modname .. ":late_"
	try("register_node", function() core.register_node(late .. "node", {}) end)
	try("register_craftitem", function() core.register_craftitem(late .. "craftitem", {}) end)
	try("register_tool", function() core.register_tool(late .. "tool", {}) end)
	try("register_entity", function() core.register_entity(late .. "entity", {}) end)
	try("register_abm", function()
		core.register_abm({ nodenames = { "air" }, interval = 1, chance = 1, action = function() end })
	end)
	try("register_lbm", function()
		core.register_lbm({ name = late .. "lbm", nodenames = { "air" }, action = function() end })
	end)
	try("register_alias", function() core.register_alias(late .. "alias", modname .. ":block") end)
	try("register_craft", function()
		core.register_craft({ output = modname .. ":block", recipe = { { modname .. ":other" } } })
	end)
	try("register_chatcommand", function() core.register_chatcommand("mtedu_probe_late", { func = function() end }) end)
	try("override_chatcommand", function() core.override_chatcommand("mtedu_probe_late", { description = "x" }) end)
	try("unregister_chatcommand", function() core.unregister_chatcommand("mtedu_probe_late") end)
	try("register_privilege", function() core.register_privilege("mtedu_probe_late", {}) end)
	try("register_globalstep", function() core.register_globalstep(function() end) end)
	try("register_on_punchnode", function() core.register_on_punchnode(function() end) end)
	try("override_item", function() core.override_item(modname .. ":block", { description = "Changed" }) end)
	try("unregister_item", function() core.unregister_item(modname .. ":other") end)
	try("create_detached_inventory", function() core.create_detached_inventory("mtedu_probe_late", {}) end)
	if core.register_on_mapblocks_changed then
		try("register_on_mapblocks_changed", function() core.register_on_mapblocks_changed(function() end) end)
	end
	try("registered_items_assignment", function() core.registered_items[modname .. ":assigned"] = {} end)
end

local function write_and_stop()
	facts.core = keys_of(core)
	facts.globals = keys_of(_G)
	facts.libraries = {}
	for _, lib in ipairs({ "vector", "table", "string", "math", "os", "io", "debug", "package", "coroutine", "bit", "jit" }) do
		if type(_G[lib]) == "table" then
			facts.libraries[lib] = keys_of(_G[lib])
		end
	end

	-- Each object made under pcall: an engine that cannot make one (mtedu
	-- for a class it does not simulate) records why instead.
	local pos = { x = 0, y = 0, z = 0 }
	local noise = { offset = 0, scale = 1, spread = { x = 8, y = 8, z = 8 }, seed = 1, octaves = 1, persistence = 0.5 }
	local size = { x = 4, y = 4, z = 4 }
	local makers = {
		{ "ObjectRef", function() return core.add_entity(pos, modname .. ":thing") end },
		{ "ItemStack", function() return ItemStack(modname .. ":block") end },
		{ "ItemStackMetaRef", function() return ItemStack(modname .. ":block"):get_meta() end },
		{ "InvRef", function() return core.create_detached_inventory(modname, {}) end },
		{ "NodeMetaRef", function() return core.get_meta(pos) end },
		{ "NodeTimerRef", function() return core.get_node_timer(pos) end },
		{ "Settings", function() return core.settings end },
		{ "VoxelManip", function() return VoxelManip() end },
		{ "PcgRandom", function() return PcgRandom(1) end },
		{ "PseudoRandom", function() return PseudoRandom(1) end },
		{ "SecureRandom", function() return SecureRandom() end },
		{ "PerlinNoise", function() return PerlinNoise(noise) end },
		{ "PerlinNoiseMap", function() return core.get_perlin_map(noise, size) end },
		{ "Raycast", function() return Raycast(pos, { x = 1, y = 1, z = 1 }) end },
		{ "AreaStore", function() return AreaStore() end },
	}
	if rawget(_G, "ValueNoise") then
		makers[#makers + 1] = { "ValueNoise", function() return rawget(_G, "ValueNoise")(noise) end }
		makers[#makers + 1] = { "ValueNoiseMap", function() return rawget(_G, "ValueNoiseMap")(noise, size) end }
	end
	for _, maker in ipairs(makers) do
		local ok, object = pcall(maker[2])
		if ok then
			methods_of(maker[1], object)
		else
			facts.methods[maker[1]] = "unavailable: " .. tostring(object)
		end
	end

	-- Setting defaults: forget what the config file set, then read every
	-- name the engine's settingtypes.txt lists (the list is in the world).
	facts.settings = {}
	local names = core.settings:get_names()
	for _, name in ipairs(names) do
		core.settings:remove(name)
	end
	local list = io.open(core.get_worldpath() .. "/setting_names.txt", "r")
	if list then
		for name in list:lines() do
			local value = core.settings:get(name)
			if value ~= nil then
				facts.settings[name] = value
			end
		end
		list:close()
	end

	after_load()

	local file = io.open(core.get_worldpath() .. "/engine_facts.json", "w")
	file:write(core.write_json(facts))
	file:close()
	core.request_shutdown("", false, 0)
end

-- The map around the origin must exist before an entity can be added there.
core.after(0, function()
	core.emerge_area({ x = -1, y = -1, z = -1 }, { x = 1, y = 1, z = 1 }, function(_, _, remaining)
		if remaining == 0 then
			write_and_stop()
		end
	end)
end)
