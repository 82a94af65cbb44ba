-- mineunit's API over mtedu's simulated engine, for suites written for
-- mineunit (a spec file that requires "mineunit"): the spec decides what
-- loads (`sourcefile`, `fixture`), `mineunit:execute_globalstep(dt)` is one
-- server step, `world.*` edits the map, `Player(name, privs)` makes a
-- player. What mineunit offers and mtedu does not simulate fails loudly.
local core, private, lib, sim, setup = ...
-- setup: root (the mod folder, absolute), modname, conf (the text of
-- spec/mineunit.conf or nil), allow_path(name, dir): lets mod code read dir.

local mineunit = {}
local modules_loaded = {}
local on_mods_loaded, mods_loaded_runs = {}, 0

local function is_absolute(path)
	return path:sub(1, 1) == "/"
end

--- Paths as mineunit reads them: relative ones from the mod's folder.
local function normalize(path)
	if not is_absolute(path) then
		path = setup.root .. "/" .. path
	end
	local parts = {}
	for part in path:gmatch("[^/]+") do
		if part == ".." then
			if #parts > 0 then table.remove(parts) end
		elseif part ~= "." then
			parts[#parts + 1] = part
		end
	end
	return "/" .. table.concat(parts, "/")
end
mineunit._normalize = normalize

-- Configuration: mineunit's defaults, then spec/mineunit.conf (Lua
-- assignments), then the mod's name from mod.conf unless the conf set one.
local defaults = {
	verbose = 2, print = true, root = ".", spec_path = "spec",
	fixture_paths = { "spec/fixtures" }, source_path = ".", time_step = -1,
	engine_version = "mineunit", deprecated = "throw", singleplayer = true,
}
local config = { modpaths = {} }
if setup.conf then
	local chunk, problem = loadstring(setup.conf, "@" .. setup.root .. "/spec/mineunit.conf")
	if not chunk then
		lib.runner_error(0, "spec/mineunit.conf: " .. tostring(problem), "mineunit-conf", tostring(problem))
	end
	local values = {}
	setfenv(chunk, values)
	chunk()
	for key, value in pairs(values) do
		if key == "fixture_paths" and type(value) == "table" then
			local list = { "spec/fixtures" }
			for _, extra in ipairs(value) do
				if extra ~= "spec/fixtures" then list[#list + 1] = extra end
			end
			config.fixture_paths = list
		else
			config[key] = value
		end
	end
end
if config.modname == nil then
	config.modname = setup.modname
end
config.original_modname = config.modname

function mineunit:config(key)
	if config[key] ~= nil then
		return config[key]
	end
	return defaults[key]
end
function mineunit:config_set(key, value)
	config[key] = value
end
function mineunit:has_module(name)
	return modules_loaded[name] == true
end

-- Messages: mineunit prints them by verbosity; mtedu keeps the run quiet.
for _, level in ipairs({ "print", "error", "warning", "info", "debug" }) do
	mineunit[level] = function() end
	mineunit[level .. "f"] = function() end
end

function mineunit:DEPRECATED(message)
	local action = self:config("deprecated")
	if action == "throw" then
		error(message or "Attempted to use deprecated method", 2)
	end
end

-- Mods and their folders.
function mineunit:set_modpath(name, path)
	path = normalize(path)
	config.modpaths[name] = path
	setup.allow_path(name, path)
end
function mineunit:get_modpath(name)
	return config.modpaths[name]
end
function mineunit:get_current_modname()
	return config.modname
end
function mineunit:set_current_modname(name)
	config.modname = name
	private.current_modname = name
end
function mineunit:restore_current_modname()
	config.modname = config.original_modname
	private.current_modname = config.modname
end
function mineunit:get_worldpath()
	return normalize(self:config("fixture_paths")[1])
end
mineunit:set_modpath(config.modname, setup.root)
private.current_modname = config.modname
core.get_modpath = function(name) return mineunit:get_modpath(name) end
core.get_current_modname = function() return mineunit:get_current_modname() end
-- The world folder is the first fixture folder, as under mineunit; every
-- fixture folder the configuration names is readable.
core.get_worldpath = function() return mineunit:get_worldpath() end
core.get_modnames = function()
	local names = {}
	for name in pairs(config.modpaths) do names[#names + 1] = name end
	table.sort(names)
	return names
end
for index, folder in ipairs(mineunit:config("fixture_paths")) do
	setup.allow_path("(mineunit fixtures " .. index .. ")", normalize(folder))
end

function mineunit:register_on_mods_loaded(fn)
	table.insert(on_mods_loaded, fn)
end
core.register_on_mods_loaded = function(fn)
	mineunit:register_on_mods_loaded(fn)
end

--- Runs the register_on_mods_loaded callbacks, as the engine does after
--- the last mod (mineunit leaves that moment to the spec).
function mineunit:mods_loaded()
	mods_loaded_runs = mods_loaded_runs + 1
	for _, fn in ipairs(on_mods_loaded) do
		fn()
	end
end

-- Fixtures and sources.
function fixture_path(name)
	for _, folder in ipairs(mineunit:config("fixture_paths")) do
		local path = normalize(folder .. "/" .. name)
		local ok, found = pcall(loadfile or function() end, path)
		if ok and found then
			return path
		end
	end
	return normalize(mineunit:config("fixture_paths")[1] .. "/" .. name)
end

local fixtures = {}
function fixture(name)
	if not fixtures[name] then
		local path = fixture_path(name .. ".lua")
		fixtures[name] = lib.pack(dofile(path))
	end
	return lib.unpack(fixtures[name])
end

function sourcefile(name)
	return dofile(normalize(mineunit:config("source_path") .. "/" .. name .. ".lua"))
end

--- The recipe of the first craft registered for `output` (an item name)
--- by `method` ("normal", the default, stands for shaped crafts; a fuel
--- is found by its burn time), as mineunit's craft manager keeps them.
function mineunit.registered_craft_recipe(output, method)
	local kind = (method == nil or method == "normal") and "shaped" or method
	for _, craft in ipairs(private.crafts) do
		local def = craft.def
		local key
		if kind == "fuel" then
			key = def.burntime or 1
		elseif type(def.output) == "string" then
			key = def.output:match("^%S+")
		end
		if craft.kind == kind and key == output then
			return def.recipe
		end
	end
end

-- The server: one step, players joining and leaving, chat, forms.
function mineunit:execute_globalstep(dtime)
	if dtime ~= nil and type(dtime) ~= "number" then
		error("Invalid call to mineunit:execute_globalstep", 2)
	end
	dtime = dtime or 0.1
	-- Exactly one step of dtime (sim.step would cut it in server steps).
	-- The time of day stays as mineunit keeps it: set by the spec only.
	local timeofday = private.timeofday
	sim.step(dtime, math.max(dtime, 1e-9))
	private.timeofday = timeofday
end

-- core.get_us_time as mineunit.conf's time_step says: below zero the
-- wall clock, else a clock that moves time_step microseconds per call (so
-- a mod timing itself sees the same times on every run).
do
	local step = tonumber(mineunit:config("time_step"))
	if step == nil then
		lib.runner_error(0, "spec/mineunit.conf: time_step must be a number", "mineunit-time-step",
			tostring(mineunit:config("time_step")))
	end
	if step >= 0 then
		local now = 0
		core.get_us_time = function()
			now = now + step
			return now
		end
	end
end

-- mineunit's time of day: noon until the spec sets another.
private.timeofday = 0.5
function mineunit:set_timeofday(timeofday)
	if type(timeofday) ~= "number" or timeofday < 0 or timeofday > 1 then
		error("mineunit:set_timeofday(d) requires number from 0 to 1", 2)
	end
	private.timeofday = timeofday
end

function mineunit:execute_on_joinplayer(player, options)
	options = options or {}
	local name = player:get_player_name()
	local message = core.run_callbacks(core.registered_on_prejoinplayers, 4, name, options.address or "127.0.0.1")
	if message then
		return message
	end
	private.players[name] = player
	private.received[name] = private.received[name] or {}
	rawset(player, "_online", true)
	return core.run_callbacks(core.registered_on_joinplayers, 0, player, options.lastlogin)
end

function mineunit:execute_on_leaveplayer(player, timeout)
	local name = player:get_player_name()
	rawset(player, "_online", false)
	if private.players[name] then
		private.leave(name, timeout and true or false)
	end
end

function mineunit:execute_on_chat_message(sender, message)
	return core.run_callbacks(core.registered_on_chat_messages, 5, sender, message)
end

function mineunit:execute_on_player_receive_fields(player, formname, fields)
	return core.run_callbacks(core.registered_on_player_receive_fields, 5, player, formname, fields)
end

function mineunit:execute_shutdown()
	return core.run_callbacks(core.registered_on_shutdown, 0)
end

function mineunit:execute_entitystep(dtime)
	private.step_entities(dtime or 0.1)
end

function mineunit:get_players()
	return mineunit._players
end
mineunit._players = {}

-- Protection without a protection mod.
local protected = {}
function mineunit:protect(pos, who)
	local name = type(who) == "string" and who or who:get_player_name()
	protected[private.pos_key(pos)] = name
end
local function install_protection()
	core.is_protected = function(pos, name)
		local owner = protected[private.pos_key(pos)]
		return owner ~= nil and owner ~= name
	end
end

-- The world, as mineunit's `world` table: layouts replace or add nodes.
local world = {}
function world.clear()
	private.reset_world()
end
function world.get_node(pos)
	local node = private.world.nodes[private.pos_key(pos)]
	if node then
		return { name = node.name, param1 = node.param1 or 0, param2 = node.param2 or 0 }
	end
	if world._default then
		return table.copy(world._default)
	end
end
local function as_node(node)
	if type(node) == "string" then
		return { name = node, param1 = 0, param2 = 0 }
	end
	return { name = node.name, param1 = node.param1 or 0, param2 = node.param2 or 0 }
end
--- Sets a node with its construct/destruct callbacks; a name no mod
--- registered is stored as it is (mineunit lets layouts name any node),
--- an alias as the node it stands for, without callbacks (as mineunit).
function world.set_node(pos, node)
	if node == nil then
		return world.remove_node(pos)
	end
	node = as_node(node)
	if node.name == "air" or core.registered_nodes[node.name] then
		core.set_node(pos, node)
	else
		node.name = core.registered_aliases[node.name] or node.name
		private.world.nodes[private.pos_key(pos)] = node
	end
end
function world.swap_node(pos, node)
	core.swap_node(pos, as_node(node))
end
--- Removes a node (its callbacks run); mineunit then holds air there.
function world.remove_node(pos)
	core.remove_node(pos)
	private.world.nodes[private.pos_key(pos)] = { name = "air", param1 = 0, param2 = 0 }
end
function world.set_default_node(node)
	world._default = node and as_node(node) or nil
end
function world.place_node(pos, node, placer, itemstack, pointed_thing)
	node = as_node(node)
	local def = core.registered_nodes[node.name]
	if not def then
		lib.runner_error(2, "world.place_node: no node " .. tostring(node.name) .. " is registered",
			"mineunit-place-unknown", tostring(node.name))
	end
	core.set_node(pos, node)
	if def.after_place_node then
		def.after_place_node(vector.copy(pos), placer, itemstack or ItemStack(node.name),
			pointed_thing or { type = "node", under = vector.copy(pos), above = vector.offset(pos, 0, 1, 0) })
	end
end
local function layout_area(where, offset)
	local p1, p2 = where, where
	if not where.x then
		p1, p2 = where[1], where[2]
	end
	local low = vector.new(math.min(p1.x, p2.x), math.min(p1.y, p2.y), math.min(p1.z, p2.z))
	local high = vector.new(math.max(p1.x, p2.x), math.max(p1.y, p2.y), math.max(p1.z, p2.z))
	if offset then
		low, high = vector.add(low, offset), vector.add(high, offset)
	end
	return low, high
end
function world.add_layout(layout, offset)
	for _, entry in ipairs(layout) do
		local low, high = layout_area(entry[1], offset)
		for x = low.x, high.x do
			for y = low.y, high.y do
				for z = low.z, high.z do
					world.set_node({ x = x, y = y, z = z }, entry[2])
				end
			end
		end
	end
end
function world.layout(layout, offset)
	world.clear()
	world.add_layout(layout, offset)
end
world.find_nodes_in_area = core.find_nodes_in_area
function world.on_dig(pos, node, digger)
	node = node or core.get_node(pos)
	local def = core.registered_nodes[node.name]
	return def and def.on_dig and def.on_dig(pos, node, digger) and true or false
end
--- world.nodes: the stored nodes by position hash, read-only.
world.nodes = setmetatable({}, {
	__index = function(_, hash)
		return world.get_node(core.get_position_from_hash(hash))
	end,
	__pairs = nil,
})

-- HTTP: a server object the spec sets answers on; mods listed in
-- secure.http_mods get an API whose requests it records and answers.
local http_server = { _handles = {}, _response = { completed = true, succeeded = true, timeout = false, code = 200, data = "OK" } }
function http_server:set_response(response)
	for key, value in pairs(response) do
		self._response[key] = value
	end
end
function http_server:write(request)
	table.insert(self._handles, table.copy(request))
	return #self._handles
end
function http_server:read(handle)
	if self._handles[handle] then
		self._handles[handle] = false
		return table.copy(self._response)
	end
end
local function install_http()
	mineunit.http_server = http_server
	local api = {}
	function api.fetch_async(request) return http_server:write(request) end
	function api.fetch_async_get(handle) return http_server:read(handle) end
	function api.fetch(request, callback)
		local handle = http_server:write(request)
		core.after(0, function() callback(http_server:read(handle)) end)
	end
	core.request_http_api = function()
		local allowed = (core.settings:get("secure.http_mods") or "") .. "," .. (core.settings:get("secure.trusted_mods") or "")
		for name in allowed:gmatch("[^%s,]+") do
			if name == mineunit:get_current_modname() then
				return table.copy(api)
			end
		end
	end
end

-- Without mineunit("http") no mod gets an HTTP API, as under mineunit.
core.request_http_api = function() end

-- Settings(file) as under mineunit: a relative name is read from the
-- mod's folder, else from the fixture folders.
local engine_settings = Settings
rawset(_G, "Settings", function(path)
	if type(path) ~= "string" or is_absolute(path) then
		return engine_settings(path)
	end
	local own = normalize(path)
	local ok, file = pcall(io.open, own, "r")
	if ok and file then
		file:close()
		return engine_settings(own)
	end
	return engine_settings(fixture_path(path))
end)

--- spec/fixtures/minetest.conf, when there is one, into core.settings.
local function load_fixture_settings()
	local ok, file = pcall(Settings, fixture_path("minetest.conf"))
	if ok and file then
		for key, value in pairs(file:to_table()) do
			core.settings:set(key, value)
		end
	end
end

-- What `default` is under mineunit: a table whose unknown fields are
-- functions doing nothing (mods call default.node_sound_* freely).
local function install_default()
	if rawget(_G, "default") == nil then
		rawset(_G, "default", setmetatable({ LIGHT_MAX = 14, get_translator = string.format }, {
			__index = function() return function() end end,
		}))
	end
end

local function sounds(defaults)
	return function(given)
		given = given or {}
		for key, value in pairs(defaults) do
			if given[key] == nil then given[key] = { name = value[1], gain = value[2] } end
		end
		return given
	end
end
local function install_default_functions()
	install_default()
	local default = rawget(_G, "default")
	local base = { footstep = { "", 1.0 }, dug = { "default_dug_node", 0.25 }, place = { "default_place_node_hard", 1.0 } }
	rawset(default, "node_sound_defaults", sounds(base))
	for _, kind in ipairs({ "stone", "dirt", "sand", "gravel", "wood", "leaves", "glass", "ice", "metal", "water", "snow" }) do
		local own = {}
		for key, value in pairs(base) do own[key] = value end
		own.footstep = { "default_" .. kind .. "_footstep", 0.3 }
		rawset(default, "node_sound_" .. kind .. "_defaults", sounds(own))
	end
end

-- The modules of mineunit(...): what mtedu's engine already simulates is
-- only marked loaded; the others add their part.
local modules = {
	core = function()
		install_default()
		rawset(_G, "minetest", core)
		load_fixture_settings()
	end,
	server = function() end,
	player = function() end,
	protection = install_protection,
	http = install_http,
	["default/functions"] = install_default_functions,
}
for _, builtin in ipairs({
	"auth", "voxelmanip", "common/after", "common/vector", "common/misc_helpers", "common/serialize",
	"common/chatcommands", "game/voxelarea", "game/misc", "game/item", "game/register", "game/privileges",
	"game/features", "game/constants", "game/chat", "game/auth", "settings", "itemstack", "metadata",
	"nodetimer", "world", "craft", "entity", "fs", "print", "globals", "assert",
}) do
	modules[builtin] = modules[builtin] or function() end
end

setmetatable(mineunit, {
	__call = function(_, name)
		local module = modules[name]
		if not module then
			lib.runner_error(2, "mineunit(\"" .. tostring(name) .. "\"): mtedu does not simulate this mineunit module yet",
				"mineunit-module-unknown", tostring(name))
		end
		if not modules_loaded[name] then
			modules_loaded[name] = true
			module()
		end
		if name == "assert" then
			return mineunit.utils
		end
	end,
})

-- require in specs: mineunit and luassert's modules, nothing else.
local requirable = {
	mineunit = function() return true end,
	luassert = function() return lib.assert end,
	["luassert.assert"] = function() return lib.assert end,
	["luassert.match"] = function() return lib.match end,
	["luassert.spy"] = function() return lib.spy end,
	["luassert.stub"] = function() return lib.stub end,
	["luassert.mock"] = function() return lib.mock end,
	say = function() return lib.say end,
}
local required = {}
local function spec_require(name)
	local make = requirable[name]
	if not make then
		lib.runner_error(2, "module '" .. tostring(name) .. "' not found: mtedu specs may require only mineunit, luassert and say",
			"spec-require-unknown", tostring(name))
	end
	if required[name] == nil then
		required[name] = make()
	end
	return required[name]
end

mineunit.world = world
rawset(_G, "mineunit", mineunit)
rawset(_G, "world", world)
rawset(_G, "require", spec_require)
return mineunit
