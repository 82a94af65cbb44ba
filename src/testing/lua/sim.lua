-- `sim`: what a spec uses to drive the simulated world — players joining
-- and chatting, time passing, nodes placed, dug, punched, right-clicked.
local core, private = ...

local sim = {}
local DEDICATED_SERVER_STEP = 0.09

--- Back to a fresh world: empty map, mod storage as the mods left it
--- while loading, no players, time zero, no jobs, no recorded effects; `math.random` seeded with `seed` when given.
function sim.reset(seed)
	if seed then
		math.randomseed(seed)
	end
	private.reset_world()
	private.reset_storages()
	private.reset_effects()
	private.reset_abms()
	for key in pairs(private.bans) do private.bans[key] = nil end
	for key in pairs(private.emerged) do private.emerged[key] = nil end
	for _, list in pairs(private.forceloaded) do
		for key in pairs(list) do list[key] = nil end
	end
	private.shutdown = nil
	private.last_run_mod = nil
	for name in pairs(private.players) do private.players[name] = nil end
	for name in pairs(private.auth) do private.auth[name] = nil end
	for name in pairs(private.received) do private.received[name] = nil end
	private.reset_after()
	for name in pairs(private.shown_formspecs) do private.shown_formspecs[name] = nil end
	private.reset_entities()
	private.gametime = 0
	private.timeofday = 0.25
end

local function privileges_from(list)
	local privs = {}
	for key, value in pairs(list or {}) do
		if type(key) == "number" then
			privs[value] = true
		elseif value then
			privs[key] = true
		end
	end
	return privs
end

--- A player joins, with the default privileges plus `privs`
--- (`{"fly"}` or `{fly = true}`). Returns the player object.
function sim.join(name, privs)
	local first = private.auth[name] == nil
	if first then
		private.auth[name] = core.string_to_privs(core.settings:get("default_privs") or "interact, shout")
	end
	for priv in pairs(privileges_from(privs)) do
		private.auth[name][priv] = true
	end
	local player = private.new_player(name)
	private.players[name] = player
	private.received[name] = {}
	if first then
		for _, callback in ipairs(core.registered_on_newplayers) do callback(player) end
	end
	for _, callback in ipairs(core.registered_on_joinplayers) do callback(player, nil) end
	return player
end

--- The player leaves (register_on_leaveplayer callbacks run, `timed_out`
--- passed on); an error when they are not connected.
function sim.leave(name, timed_out)
	local player = private.players[name]
	if not player then
		error("sim.leave: " .. tostring(name) .. " is not connected", 2)
	end
	private.leave(name, timed_out)
end

local function player_of(who)
	local player = type(who) == "string" and private.players[who] or who
	if not player then
		error("no player " .. tostring(who) .. ": call sim.join first", 3)
	end
	return player
end

--- Everything a player has read in the chat, as plain text.
function sim.messages(name)
	local list = {}
	for i, text in ipairs(private.received[name] or {}) do
		list[i] = private.plain_text(text)
	end
	return list
end

--- The player says `message` (a chat command when it starts with "/"),
--- through the engine's chat-message callbacks (builtin's runs commands);
--- a line no callback takes is sent to everybody. Returns the plain
--- messages the player received because of it.
function sim.chat(name, message)
	player_of(name)
	local before = #private.received[name]
	if not core.run_callbacks(core.registered_on_chat_messages, 5, name, message) then
		core.chat_send_all(core.format_chat_message(name, message))
	end
	local new = {}
	for i = before + 1, #private.received[name] do
		new[#new + 1] = private.plain_text(private.received[name][i])
	end
	return new
end

--- Lets `seconds` of game time pass in server steps of `dtime` (0.09 s,
--- the server's step), each in the engine's order: node timers, ABMs (in
--- passes, once a second), globalsteps (core.after jobs run from
--- builtin's, the first), then entities, as they come due. Always at least
--- one step: `sim.step(0)` is a step of no time, as the server's first,
--- where `core.after(0, ...)` jobs run.
function sim.step(seconds, dtime)
	dtime = dtime or DEDICATED_SERVER_STEP
	local remaining = seconds or dtime
	if remaining < 0 or (dtime <= 0 and remaining > 0) then
		error("sim.step: the time must not be negative, the step must be longer than 0", 2)
	end
	repeat
		local step = math.min(dtime, remaining)
		remaining = remaining - step
		private.gametime = private.gametime + step
		private.timeofday = (private.timeofday + step / 1200) % 1
		-- ServerEnvironment::step: node timers and ABMs come before the
		-- globalsteps of the same step. The engine counts the globalsteps
		-- before running them: one registered by a globalstep first runs
		-- at the next step.
		private.step_node_timers(step)
		private.step_abms(step)
		core.run_callbacks(core.registered_globalsteps, 0, step)
		private.step_entities(step)
	until remaining <= 1e-9
end

local function pointed(pos)
	return { type = "node", under = vector.copy(pos), above = vector.offset(pos, 0, 1, 0) }
end

--- The player places a node of `itemname` at `pos` (after_place_node and
--- register_on_placenode callbacks run).
function sim.place_node(who, pos, itemname)
	local player = player_of(who)
	local node = { name = itemname, param1 = 0, param2 = 0 }
	local old = core.get_node(pos)
	core.set_node(pos, node)
	local itemstack = ItemStack(itemname)
	local def = core.registered_nodes[itemname]
	if def and def.after_place_node then
		def.after_place_node(vector.copy(pos), player, itemstack, pointed(pos))
	end
	for _, callback in ipairs(core.registered_on_placenodes) do
		callback(vector.copy(pos), node, player, old, itemstack, pointed(pos))
	end
end

--- The player punches the node at `pos`.
function sim.punch_node(who, pos)
	local player = player_of(who)
	local node = core.get_node(pos)
	local def = core.registered_nodes[node.name]
	if def and def.on_punch then
		def.on_punch(vector.copy(pos), node, player, pointed(pos))
	end
end

--- The player right-clicks the node at `pos`, holding their wielded item.
function sim.rightclick_node(who, pos)
	local player = player_of(who)
	local node = core.get_node(pos)
	local def = core.registered_nodes[node.name]
	if def and def.on_rightclick then
		-- As the engine's item_place: the stack returned (or the one handed
		-- over, changed or not) becomes the wielded item.
		local stack = player:get_wielded_item()
		local returned = def.on_rightclick(vector.copy(pos), node, player, stack, pointed(pos))
		player:set_wielded_item(returned or stack)
		return returned
	end
end

--- The player digs the node at `pos` (can_dig, on_dig: drops go into the
--- player's inventory, after_dig_node and register_on_dignode run).
function sim.dig_node(who, pos)
	local player = player_of(who)
	local node = core.get_node(pos)
	local def = core.registered_nodes[node.name]
	if def and def.on_dig and def.on_dig ~= core.nodedef_default.on_dig then
		return def.on_dig(vector.copy(pos), node, player)
	end
	return core.node_dig(vector.copy(pos), node, player)
end

--- The formspec last shown to a player: `{ formname, formspec, elements,
--- fields }` (fields by name), or nil.
function sim.formspec(name)
	local shown = private.shown_formspecs[name]
	if not shown then
		return nil
	end
	local copy = table.copy(shown)
	copy.fields = private.formspec_fields(copy.elements)
	return copy
end

--- The player submits `fields` from the form `formname`, as when clicking
--- a button: register_on_player_receive_fields callbacks run until one
--- returns true.
function sim.submit_fields(who, formname, fields)
	local player = player_of(who)
	for _, callback in ipairs(core.registered_on_player_receive_fields) do
		if callback(player, formname, fields) then
			return true
		end
	end
	return false
end

--- The player submits `fields` from the formspec of the node at `pos`
--- (its on_receive_fields runs).
function sim.submit_node_fields(who, pos, fields)
	local player = player_of(who)
	local def = core.registered_nodes[core.get_node(pos).name]
	if def and def.on_receive_fields then
		def.on_receive_fields(vector.copy(pos), "", fields, player)
	end
end

--- Every sound played so far: `{ spec, parameters, ephemeral, heard_by,
--- handle, stopped, fade }` (spec is `{ name = ... }`).
function sim.sounds()
	return table.copy(private.effects.sounds)
end

--- Particles and particle spawners added so far: `{ def, seen_by }`
--- (spawners also `deleted`), spawners by their id.
function sim.particles()
	return table.copy(private.effects.particles), table.copy(private.effects.spawners)
end

--- The item entities in the world: `{ pos, itemstring, object }`.
function sim.items()
	local list = {}
	for _, object in ipairs(private.entities) do
		local entity = object:get_luaentity()
		if entity and entity.name == "__builtin:item" then
			list[#list + 1] = { pos = object:get_pos(), itemstring = entity.itemstring, object = object }
		end
	end
	return list
end

--- The shutdown a mod asked for (`{ message, reconnect, delay }`), or nil.
function sim.shutdown_request()
	return private.shutdown and table.copy(private.shutdown)
end

--- ABM chances always succeed (true) or are drawn with math.random (false,
--- the default; seeded by `mtedu test --seed`).
function sim.always_run_abms(always)
	private.abm_always = always and true or false
end

--- Runs the LBMs as if the map's blocks were loaded again from disk.
function sim.reload_map()
	private.run_lbms()
end

return sim
