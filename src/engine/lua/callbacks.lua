-- How the engine runs lists of callbacks: run_callbacks with its modes
-- (first, last, and, and short-circuit, or, or short-circuit), privilege
-- grant/revoke callbacks, HP change modifiers then loggers, crafting
-- callbacks, and the "last run mod" the engine names in error messages.
local core, host, private = ...

private.last_run_mod = nil

function core.get_last_run_mod()
	return private.last_run_mod or private.current_modname
end

function core.set_last_run_mod(name)
	private.last_run_mod = name
end

local function origin_mod(func)
	local origin = core.callback_origins[func]
	return origin and origin.mod
end

function core.run_callbacks(callbacks, mode, ...)
	assert(type(callbacks) == "table")
	local count = #callbacks
	if count == 0 then
		if mode == 2 or mode == 3 then
			return true
		elseif mode == 4 or mode == 5 then
			return false
		end
	end
	local result
	for i = 1, count do
		core.set_last_run_mod(origin_mod(callbacks[i]))
		local value = callbacks[i](...)
		if mode == 0 then
			if i == 1 then result = value end
		elseif mode == 1 then
			if i == count then result = value end
		elseif mode == 2 then
			if i == 1 or not value then result = value end
		elseif mode == 3 then
			if value then return value end
			result = value
		elseif mode == 4 then
			if i == 1 or (value and not result) then result = value end
		elseif mode == 5 and value then
			return value
		end
	end
	return result
end

function core.run_priv_callbacks(name, priv, caller, method)
	local def = core.registered_privileges[priv]
	local handler = def and def["on_" .. method]
	if handler and handler(name, caller) then
		return
	end
	for _, func in ipairs(core["registered_on_priv_" .. method]) do
		if not func(name, caller, priv) then
			break
		end
	end
end

--- What the engine calls when a player's HP changes: modifiers (newest
--- first, until one says it is the last) then loggers.
function core.registered_on_player_hpchange(player, hp_change, reason)
	local modifiers = core.registered_on_player_hpchanges.modifiers
	for i = #modifiers, 1, -1 do
		local last
		hp_change, last = modifiers[i](player, hp_change, reason)
		if type(hp_change) ~= "number" then
			error("The register_on_hp_changes function has to return a number", 2)
		end
		if last then
			break
		end
	end
	for _, func in ipairs(core.registered_on_player_hpchanges.loggers) do
		func(player, hp_change, reason)
	end
	return hp_change
end

-- The crafting callbacks: the first one returning an item decides.
local function crafted(list)
	return function(itemstack, player, old_craft_grid, craft_inv)
		for _, func in ipairs(list) do
			itemstack = ItemStack(func(itemstack, player, old_craft_grid, craft_inv) or itemstack)
		end
		return itemstack
	end
end

function core.on_craft(itemstack, player, old_craft_grid, craft_inv)
	return crafted(core.registered_on_crafts)(itemstack, player, old_craft_grid, craft_inv)
end

function core.craft_predict(itemstack, player, old_craft_grid, craft_inv)
	return crafted(core.registered_craft_predicts)(itemstack, player, old_craft_grid, craft_inv)
end
