-- mtedu companion, the safety net: every callback a mod registers, and
-- every function of a definition it registers, is wrapped so that an error
-- is reported (a `callback_error` event) and that callback turned off
-- until the mod is reloaded, instead of stopping the server. Jobs of
-- `core.after` stop with the code that started them; each mod's storage is
-- kept for its reloads.
--
-- Loaded by init.lua, before any other mod runs, with its `running` (see
-- running.lua) and `emit`; gives back the wrappers and what soft reload
-- shares with them (the table at the end).

local core, type, tostring, xpcall = core, type, tostring, xpcall

return function(running, emit)
	local storages = {}
	local epoch = {}
	local guards = setmetatable({}, {__mode = "k"})

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

	-- Once all mods are loaded: from then on, code is told apart by its
	-- folder.
	local function know_mods()
		mod_dirs = {}
		for _, name in ipairs(core.get_modnames()) do
			local dir = core.get_modpath(name)
			if dir then
				mod_dirs[name] = dir .. "/"
			end
		end
	end

	return {
		guard = guard,
		guard_fields = guard_fields,
		mod_of_source = mod_of_source,
		traceback_handler = traceback_handler,
		failure_of = failure_of,
		know_mods = know_mods,
		-- The engine's registration functions, before the net's wrappers.
		original = original,
		-- Each mod's storage, and the count of its reloads.
		storages = storages,
		epoch = epoch,
	}
end
