-- mtedu companion: loaded first by the server `mtedu serve` starts.
--
-- It does three things:
--  * a safety net: every callback a mod registers is wrapped, so an error
--    is reported (events.jsonl) and that callback turned off until the mod
--    is reloaded, instead of stopping the server;
--  * a request/result protocol with mtedu through its own folder's `io/`
--    (every mod may read a mod's folder, none but this one may write it:
--    the answers go through a file opened while this mod loads, the only
--    time mod security lets a mod write its folder), every line signed
--    with the session's key;
--  * soft reload: re-running a mod's files in the live server with its
--    definitions replaced in place and its old callbacks removed.
--
-- What the protocol needs is taken now, before any other mod runs: a mod
-- that replaces `io.open`, `string.match` or `core.write_json` later
-- changes nothing here.

local core, type, tostring, pcall, xpcall = core, type, tostring, pcall, xpcall
local open, sha1, bxor = io.open, core.sha1, bit.bxor
local byte, char, match, concat = string.byte, string.char, string.match, table.concat
local parse_json, write_json, log = core.parse_json, core.write_json, core.log

assert(core.settings:get("mtedu_io"), "mtedu_io is not set: this mod only runs under `mtedu serve`")
local own_dir = core.get_modpath(core.get_current_modname())
local io_dir = own_dir .. "/io"

-- The session's key: read, then taken out of the settings before any
-- other mod loads (the server's config is beyond every mod's reach).
local inner_pad, outer_pad
do
	local session_key = core.settings:get("mtedu_key") or ""
	core.settings:remove("mtedu_key")
	assert(#session_key == 64, "mtedu_key is not set: this mod only runs under `mtedu serve`")
	local function padded(with)
		local bytes = {}
		for index = 1, 64 do
			bytes[index] = char(bxor(byte(session_key, index), with))
		end
		return concat(bytes)
	end
	inner_pad, outer_pad = padded(0x36), padded(0x5c)
end

-- HMAC-SHA1 of `text` under the session's key, in hexadecimal.
local function mac(text)
	return sha1(outer_pad .. sha1(inner_pad .. text, true))
end

local out = assert(open(io_dir .. "/out.jsonl", "a"))
-- The callback running now (see running.lua).
local running = dofile(own_dir .. "/running.lua")(assert(open(io_dir .. "/running", "w")))
local write, flush, read, close = out.write, out.flush, out.read, out.close

-- One signed line to mtedu.
local function send(value)
	local text = write_json(value)
	write(out, mac(text), " ", text, "\n")
	flush(out)
end

-- The request mtedu wrote, when its signature is right.
local function signed_request()
	local file = open(io_dir .. "/request.json", "r")
	if not file then
		return nil
	end
	local text = read(file, "*a")
	close(file)
	local signature, body = match(text or "", "^(%x+) (.*)$")
	if not signature or mac(body) ~= signature then
		return nil
	end
	return body
end

local watched = {}
for name in (core.settings:get("mtedu_watched") or ""):gmatch("[^,%s]+") do
	watched[name] = true
end

local RESTART = "mtedu:needs-restart: "
local storages = {}
local epoch = {}
local guards = setmetatable({}, {__mode = "k"})

---------------------------------------------------------------- events

local function emit(event)
	pcall(send, event)
end

---------------------------------------------------------------- safety net

-- Each mod's folder with a trailing slash, read once all mods are loaded.
local mod_dirs

-- The mod whose code is at `source` (a chunk name), when it is a mod.
local function mod_of_source(source)
	if type(source) ~= "string" or not mod_dirs then
		return nil
	end
	local path = source:gsub("^@", "")
	for name, dir in pairs(mod_dirs) do
		if path:sub(1, #dir) == dir then
			return name
		end
	end
	return nil
end

local function pack(...)
	return {n = select("#", ...), ...}
end

-- An error as text without running the mod's code: calling the
-- `__tostring` of an error object could fail or never end, and take the
-- net (and the server) with it.
local function error_text(value)
	local kind = type(value)
	if kind == "string" then
		return value
	elseif kind == "number" or kind == "boolean" or kind == "nil" then
		return tostring(value)
	end
	return "(error object is a " .. kind .. " value)"
end

local function traceback_handler(message)
	return {message = error_text(message), traceback = debug.traceback("", 2)}
end

-- What xpcall gave back on failure, as the handler's table even when the
-- handler itself could not run (out of memory: LuaJIT passes a string).
local function failure_of(value)
	if type(value) == "table" and type(rawget(value, "message")) == "string" then
		return value
	end
	return {message = error_text(value), traceback = ""}
end

-- `func` wrapped so that an error is reported once and the function then
-- does nothing until its mod is reloaded.
local function guard(func, what, mod)
	if type(func) ~= "function" or guards[func] then
		return func
	end
	local broken = false
	local record = running.record(mod, what, func)
	local enter, leave = running.enter, running.leave
	local wrapped = function(...)
		if broken then
			return nil
		end
		local outer = enter(record)
		local results = pack(xpcall(func, traceback_handler, ...))
		leave(outer)
		if results[1] then
			return unpack(results, 2, results.n)
		end
		broken = true
		local failure = failure_of(results[2])
		core.log("error", "[mtedu] " .. tostring(what) .. " of " .. tostring(mod)
			.. " failed and is turned off: " .. failure.message)
		emit({
			event = "callback_error",
			mod = mod or "",
			callback = what,
			message = failure.message,
			traceback = failure.traceback,
		})
		return nil
	end
	guards[wrapped] = true
	return wrapped
end

local function current_mod()
	return core.get_current_modname() or mod_of_source(debug.getinfo(3, "S").source)
end

local function guard_fields(def, what, mod)
	if type(def) ~= "table" then
		return def
	end
	for key, value in pairs(def) do
		if type(value) == "function" then
			rawset(def, key, guard(value, what .. "." .. tostring(key), mod))
		end
	end
	return def
end

-- Callback lists: register_on_*, register_globalstep and friends.
local CALLBACK_REGISTRATIONS = {
	register_globalstep = true,
	register_playerevent = true,
	register_craft_predict = true,
	register_allow_player_inventory_action = true,
	register_can_bypass_userlimit = true,
}
for key, value in pairs(core) do
	if type(value) == "function" and (CALLBACK_REGISTRATIONS[key] or key:match("^register_on_"))
			and key ~= "register_on_mapgen_init" then
		core[key] = function(func, ...)
			return value(guard(func, key, current_mod()), ...)
		end
	end
end

local request_shutdown = dofile(own_dir .. "/shutdown.lua")(emit, mod_of_source)

local original = {}
for _, key in ipairs({"register_item", "register_entity", "register_chatcommand",
		"override_chatcommand", "override_item", "register_abm", "register_lbm",
		"register_privilege", "create_detached_inventory", "after", "get_mod_storage",
		"get_current_modname", "register_craft", "register_alias", "register_alias_force",
		"register_ore", "register_biome", "register_decoration", "register_schematic"}) do
	original[key] = core[key]
end

core.register_item = function(name, def)
	return original.register_item(name, guard_fields(def, tostring(name), current_mod()))
end
core.override_item = function(name, def)
	return original.override_item(name, guard_fields(def, tostring(name), current_mod()))
end
core.register_entity = function(name, def)
	return original.register_entity(name, guard_fields(def, tostring(name), current_mod()))
end
core.register_chatcommand = function(name, def)
	return original.register_chatcommand(name, guard_fields(def, "/" .. tostring(name), current_mod()))
end
core.override_chatcommand = function(name, def)
	return original.override_chatcommand(name, guard_fields(def, "/" .. tostring(name), current_mod()))
end
core.register_abm = function(spec)
	return original.register_abm(guard_fields(spec, "ABM " .. tostring(spec and spec.label), current_mod()))
end
core.register_lbm = function(spec)
	return original.register_lbm(guard_fields(spec, "LBM " .. tostring(spec and spec.name), current_mod()))
end
core.register_privilege = function(name, def)
	return original.register_privilege(name, guard_fields(def, "privilege " .. tostring(name), current_mod()))
end
core.create_detached_inventory = function(name, callbacks, ...)
	return original.create_detached_inventory(name,
		guard_fields(callbacks, "inventory " .. tostring(name), current_mod()), ...)
end
-- Jobs of `core.after` are tied to the code that started them: after a
-- reload, the old code's jobs stop instead of running twice.
core.after = function(delay, func, ...)
	local mod = current_mod()
	local started = mod and epoch[mod]
	local guarded = guard(func, "minetest.after", mod)
	return original.after(delay, function(...)
		if mod and epoch[mod] ~= started then
			return
		end
		return guarded(...)
	end, ...)
end
-- Keeps each mod's storage so a reload (when the engine no longer knows
-- the current mod) hands the mod the same storage.
core.get_mod_storage = function()
	local storage = original.get_mod_storage()
	local mod = core.get_current_modname()
	if storage and mod then
		storages[mod] = storage
	end
	return storage
end

---------------------------------------------------------------- soft reload

local ITEM_KEEP = {name = true, type = true, mod_origin = true}

local function normalized(name)
	return (tostring(name):gsub("^:", ""))
end

-- The engine's callback lists, by name.
local function callback_lists()
	local lists = {}
	for key, value in pairs(core) do
		if type(key) == "string" and type(value) == "table"
				and (key:match("^registered_on_") or key == "registered_globalsteps"
					or key == "registered_playerevents" or key == "registered_craft_predicts"
					or key == "registered_allow_player_inventory_actions"
					or key == "registered_can_bypass_userlimit")
				and (value[1] == nil or type(value[1]) == "function") then
			lists[key] = value
		end
	end
	local hp = core.registered_on_player_hpchanges
	if type(hp) == "table" then
		lists["registered_on_player_hpchanges.modifiers"] = hp.modifiers
		lists["registered_on_player_hpchanges.loggers"] = hp.loggers
	end
	return lists
end

local function indexes_of(list, mod)
	local found = {}
	for index, entry in ipairs(list) do
		if entry.mod_origin == mod then
			found[#found + 1] = index
		end
	end
	return found
end

-- The registration functions as they behave while `mod` is re-run.
local function reload_overrides(mod)
	local abms = indexes_of(core.registered_abms, mod)
	local next_abm = 0
	local o = {}
	o.get_current_modname = function()
		return mod
	end
	o.get_mod_storage = function()
		return storages[mod] or error(RESTART .. "the mod asks for its storage for the first time", 2)
	end
	o.register_item = function(name, def)
		name = normalized(name)
		local old = core.registered_items[name]
		if not old then
			error(RESTART .. "new item " .. name, 2)
		end
		guard_fields(def, name, mod)
		for key in pairs(old) do
			if def[key] == nil and not ITEM_KEEP[key] then
				rawset(old, key, nil)
			end
		end
		local fields = {}
		for key, value in pairs(def) do
			if not ITEM_KEEP[key] then
				fields[key] = value
			end
		end
		original.override_item(name, fields)
	end
	o.register_entity = function(name, def)
		name = normalized(name)
		local old = core.registered_entities[name]
		if not old then
			error(RESTART .. "new entity " .. name, 2)
		end
		guard_fields(def, name, mod)
		for key in pairs(old) do
			if key ~= "name" and key ~= "__index" and key ~= "mod_origin" then
				old[key] = nil
			end
		end
		for key, value in pairs(def) do
			if key ~= "name" and key ~= "__index" and key ~= "mod_origin" then
				old[key] = value
			end
		end
	end
	o.register_abm = function(spec)
		next_abm = next_abm + 1
		local index = abms[next_abm]
		if not index then
			error(RESTART .. "new ABM", 2)
		end
		guard_fields(spec, "ABM " .. tostring(spec.label), mod)
		spec.mod_origin = mod
		core.registered_abms[index] = spec
	end
	o.register_lbm = function(spec)
		for index, old in ipairs(core.registered_lbms) do
			if old.name == normalized(spec.name) or old.name == spec.name then
				guard_fields(spec, "LBM " .. tostring(spec.name), mod)
				spec.mod_origin = mod
				core.registered_lbms[index] = spec
				return
			end
		end
		error(RESTART .. "new LBM " .. tostring(spec.name), 2)
	end
	-- Crafts, aliases and map generation cannot change at run time (mtedu
	-- checked they are the same before asking for a soft reload).
	local unchanged = function() end
	o.register_craft = unchanged
	o.register_alias = unchanged
	o.register_alias_force = unchanged
	o.register_ore = unchanged
	o.register_biome = unchanged
	o.register_decoration = unchanged
	o.register_schematic = unchanged
	return o
end

-- The request that asks for a reload is read in a globalstep, so the
-- engine is walking `registered_globalsteps` while the reload runs: the
-- builtin reads a list's length once, then calls each index, and a list
-- that got shorter makes it call nil (the server stops). That list keeps
-- its length: freed slots at its end hold `idle`, reused by the next
-- reload. Every other list is rewritten freely (nothing walks it now).
local idle = function() end
core.callback_origins[idle] = {mod = "mtedu_companion", name = "idle"}

-- Lists whose registration puts new entries first.
local REVERSED = {[core.registered_on_player_receive_fields] = true}

-- Writes `entries` into `list` in place; the walked list keeps at least
-- `walked_length`, the length the engine read when its walk began.
local function rewrite(list, entries, walked_length)
	local keep = list == core.registered_globalsteps and walked_length or 0
	for index = 1, #entries do
		list[index] = entries[index]
	end
	for index = #list, #entries + 1, -1 do
		list[index] = index <= keep and idle or nil
	end
end

-- `before` with the entries of `mod` replaced by `added` (in place of the
-- mod's first entry, or where registration puts new ones).
local function swapped(list, before, added, mod)
	local entries = {}
	local placed = false
	local function place()
		for _, func in ipairs(added) do
			entries[#entries + 1] = func
		end
		placed = true
	end
	if REVERSED[list] then
		place()
	end
	for _, func in ipairs(before) do
		if func ~= idle then
			if core.callback_origins[func].mod == mod then
				if not placed then
					place()
				end
			else
				entries[#entries + 1] = func
			end
		end
	end
	if not placed then
		place()
	end
	return entries
end

local function soft_reload(mod)
	local path = core.get_modpath(mod)
	if not path or not watched[mod] then
		return {ok = false, error = "unknown mod " .. tostring(mod)}
	end
	-- The mod's new callbacks are registered beside the old ones, then
	-- swapped in: no list is ever shorter than the engine expects.
	local before = {}
	for _, list in pairs(callback_lists()) do
		local copy = {}
		for index, func in ipairs(list) do
			copy[index] = func
		end
		before[list] = copy
	end
	local saved = {}
	local overrides = reload_overrides(mod)
	for key, value in pairs(overrides) do
		saved[key] = core[key]
		core[key] = value
	end
	epoch[mod] = (epoch[mod] or 0) + 1
	local started = core.get_us_time()
	local outer = running.enter(running.record(mod, "init.lua", path .. "/init.lua"))
	local ok, failure = xpcall(dofile, traceback_handler, path .. "/init.lua")
	running.leave(outer)
	failure = not ok and failure_of(failure) or nil
	for key, value in pairs(saved) do
		core[key] = value
	end
	for list, copy in pairs(before) do
		if ok then
			local known = {}
			for _, func in ipairs(copy) do
				known[func] = true
			end
			local added = {}
			for _, func in ipairs(list) do
				if not known[func] then
					added[#added + 1] = func
				end
			end
			rewrite(list, swapped(list, copy, added, mod), #copy)
		else
			rewrite(list, copy, #copy)
		end
	end
	if ok then
		return {ok = true, micros = core.get_us_time() - started}
	end
	local restart = failure.message:find(RESTART, 1, true)
	return {
		ok = false,
		needs_restart = restart ~= nil,
		error = restart and failure.message:sub(restart + #RESTART) or failure.message,
		traceback = failure.traceback,
	}
end

---------------------------------------------------------------- requests

local function position(value)
	return {x = tonumber(value.x) or 0, y = tonumber(value.y) or 0, z = tonumber(value.z) or 0}
end

local actions = {}

-- Which watched mods the server runs, and whether the map can be read
-- (a broken map database only shows when a block is loaded).
function actions.ping()
	local mods = {}
	for name in pairs(watched) do
		if core.get_modpath(name) then
			mods[#mods + 1] = name
		end
	end
	table.sort(mods)
	local map_ok, map_error = pcall(core.load_area, {x = 0, y = 0, z = 0})
	local players = {}
	for _, player in ipairs(core.get_connected_players()) do
		players[#players + 1] = player:get_player_name()
	end
	return {ok = true, mods = mods, players = players, map_ok = map_ok, map_error = map_error}
end

function actions.reload(request)
	return soft_reload(request.mod)
end

-- `messages` holds {language, text} pairs, the first for players whose
-- game speaks none of the others.
local function send_in_language(name, messages)
	local info = core.get_player_information(name)
	local lang = (info and info.lang_code or ""):sub(1, 2)
	local text = tostring(messages[1][2])
	for _, pair in ipairs(messages) do
		if pair[1] == lang then
			text = tostring(pair[2])
		end
	end
	core.chat_send_player(name, text)
end

function actions.chat(request)
	local messages = request.messages
	if type(messages) ~= "table" or not messages[1] then
		return {ok = false, error = "no message"}
	end
	for _, player in ipairs(core.get_connected_players()) do
		send_in_language(player:get_player_name(), messages)
	end
	return {ok = true}
end

-- Told to each player who joins this server run (why it was restarted).
local notice

function actions.notice(request)
	local messages = request.messages
	if type(messages) ~= "table" or not messages[1] then
		return {ok = false, error = "no message"}
	end
	notice = messages
	return {ok = true}
end

core.register_on_joinplayer(function(player)
	if notice then
		send_in_language(player:get_player_name(), notice)
	end
end)

function actions.shutdown(request)
	request_shutdown(tostring(request.message or ""), request.reconnect == true, 0)
	return {ok = true}
end

function actions.media(request)
	local ok = core.dynamic_add_media({filepath = request.path}, function() end)
	return {ok = ok == true}
end

-- What a test or the teacher wants to see of the live server.
function actions.command(request)
	local def = core.registered_chatcommands[request.name]
	if not def then
		return {ok = false, error = "no command /" .. tostring(request.name)}
	end
	local success, reply = def.func(request.player or "mtedu", request.param or "")
	return {ok = true, success = success == true, reply = reply}
end

-- Per callback list: its length, the entries of `mod`, and whether every
-- slot holds a function (what the engine calls).
function actions.callbacks(request)
	local lists = {}
	for name, list in pairs(callback_lists()) do
		local mine, callable = 0, true
		for index = 1, #list do
			if type(list[index]) ~= "function" then
				callable = false
			elseif core.callback_origins[list[index]].mod == request.mod then
				mine = mine + 1
			end
		end
		lists[name] = {length = #list, mine = mine, callable = callable}
	end
	return {ok = true, lists = lists}
end

-- The teacher (`name` in the server's config, the engine's admin) gets
-- every privilege when joining: the engine alone gives the admin only
-- those marked `give_to_admin`, not /time's or /teleport's.
local function teacher_powers(name)
	if name ~= core.settings:get("name") then
		return
	end
	local all = {}
	for priv in pairs(core.registered_privileges) do
		all[priv] = true
	end
	core.set_player_privs(name, all)
end

core.register_on_joinplayer(function(player)
	teacher_powers(player:get_player_name())
end)

-- The privileges `name` has once joined (the account is made as a first
-- join makes it).
function actions.privs(request)
	local handler = core.get_auth_handler()
	if not handler.get_auth(request.name) then
		handler.create_auth(request.name, "")
	end
	teacher_powers(request.name)
	local privs = {}
	for priv in pairs(core.get_player_privs(request.name)) do
		privs[#privs + 1] = priv
	end
	table.sort(privs)
	return {ok = true, privs = privs}
end

function actions.registered(request)
	local def = core.registered_items[request.name]
	return {ok = true, registered = def ~= nil, description = def and def.description}
end

function actions.get_node(request)
	core.load_area(position(request.pos))
	return {ok = true, name = core.get_node(position(request.pos)).name}
end

function actions.set_node(request)
	core.load_area(position(request.pos))
	core.set_node(position(request.pos), {name = request.name})
	return {ok = true}
end

function actions.storage(request)
	local storage = storages[request.mod]
	if not storage then
		return {ok = false, error = "no storage for " .. tostring(request.mod)}
	end
	return {ok = true, value = storage:get_string(request.key)}
end

-- The animator's actions from the class dashboard (freeze, gather, say).
dofile(core.get_modpath(core.get_current_modname()) .. "/teacher.lua")(actions)

local last_id = 0

local function answer(text)
	local request = parse_json(text)
	if type(request) ~= "table" or type(request.id) ~= "number" or request.id <= last_id then
		return
	end
	last_id = request.id
	local action = actions[request.action]
	local result
	if action then
		local ok, value = xpcall(action, traceback_handler, request)
		result = ok and value or {ok = false, error = failure_of(value).message}
	else
		result = {ok = false, error = "unknown action " .. tostring(request.action)}
	end
	result.id = request.id
	send(result)
end

table.insert(core.registered_globalsteps, 1, function()
	local text = signed_request()
	if not text then
		return
	end
	local ok, failure = pcall(answer, text)
	if not ok then
		log("error", "[mtedu] request failed: " .. tostring(failure))
	end
end)

dofile(own_dir .. "/earlier.lua")(guard, guard_fields, callback_lists)
dofile(own_dir .. "/privileges.lua")(emit, mod_of_source, own_dir .. "/")

core.register_on_mods_loaded(function()
	mod_dirs = {}
	for _, name in ipairs(core.get_modnames()) do
		local dir = core.get_modpath(name)
		if dir then
			mod_dirs[name] = dir .. "/"
		end
	end
	emit({event = "ready"})
end)
