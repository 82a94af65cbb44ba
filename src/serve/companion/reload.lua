-- mtedu companion, soft reload: re-running a mod's files in the live
-- server with its definitions replaced in place and its old callbacks
-- swapped for the new ones (`callback_origins`), no callback list ever
-- shorter while the engine walks it. What cannot change at run time (a new
-- name, a first storage) fails with RESTART: mtedu then restarts the
-- server.
--
-- Loaded by init.lua with the safety net's table (see net.lua), `running`
-- and the watched mods; gives back `soft_reload` and `callback_lists`.

local core, type, tostring, xpcall = core, type, tostring, xpcall

return function(net, running, watched)
	local guard_fields, original, storages, epoch = net.guard_fields, net.original, net.storages, net.epoch
	local traceback_handler, failure_of = net.traceback_handler, net.failure_of
	local RESTART = "mtedu:needs-restart: "

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

	return {soft_reload = soft_reload, callback_lists = callback_lists}
end
