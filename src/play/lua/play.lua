-- Play time: what `check` does with the pupil's mods for a moment, the
-- way players and the server would. Returns the list of actions; Rust runs
-- each under its own time budget and catches its error. Every action
-- starts from a fresh world (sim.reset) with players joined.
local core, private, sim, ours, formnames = ...

local SEED = 1
local HERE = { x = 0, y = 1, z = 0 }
local PLAYER, OTHER = "Alice", "Bob"

local function is_ours(mod) return mod ~= nil and ours[mod] == true end

local function origin_of(func)
	local origin = core.callback_origins[func]
	return origin and origin.mod
end

local function first_existing(names)
	for _, name in ipairs(names) do
		if core.registered_nodes[name] then return name end
	end
end

-- A ground block under HERE, so that what is placed rests on something.
local GROUND = first_existing({ "default:dirt_with_grass", "default:dirt", "default:stone", "basenodes:dirt_with_grass", "basenodes:stone" })

-- Raised when an action cannot even be set up (a join callback fails:
-- the "join" action reports that): Rust drops the action.
local SKIP = "\0mtedu play: skipped"

local join_lists = { "registered_on_joinplayers", "registered_on_newplayers" }

-- Both players join, with only the pupil's join callbacks (another mod's
-- may need what mtedu does not simulate).
local function join_both(privs)
	local saved = {}
	for _, key in ipairs(join_lists) do
		saved[key] = core[key]
		local kept = {}
		for _, func in ipairs(saved[key]) do
			local mod = origin_of(func)
			if is_ours(mod) or mod == nil or mod == "??" then kept[#kept + 1] = func end
		end
		core[key] = kept
	end
	local ok, player = pcall(sim.join, PLAYER, privs)
	local ok_other, other = pcall(sim.join, OTHER)
	for _, key in ipairs(join_lists) do core[key] = saved[key] end
	if not ok or not ok_other then error(SKIP .. ": " .. tostring(ok and other or player), 0) end
	player:set_pos(vector.offset(HERE, 0, 0, 2))
	other:set_pos(vector.offset(HERE, 2, 0, 0))
	return player, other
end

local function fresh(privs)
	sim.reset(SEED)
	if GROUND then core.set_node(vector.offset(HERE, 0, -1, 0), { name = GROUND }) end
	return join_both(privs)
end

local function pointed_node(pos)
	return { type = "node", under = vector.copy(pos), above = vector.offset(pos, 0, 1, 0) }
end

local function pointed_object(object)
	return { type = "object", ref = object }
end

local NOTHING = { type = "nothing" }

-- An item to hold: the game's dirt, else the first item of the pupil's.
local held_item
local actions = {}

local function add(when, subject, run, param)
	actions[#actions + 1] = { when = when, subject = subject or "", param = param or "", run = run }
end

local function defined(def, field, default)
	local value = rawget(def, field)
	return type(value) == "function" and value ~= default
end

local function place(name)
	core.set_node(HERE, { name = name })
end

local function our_items(registered)
	local names = {}
	for name, def in pairs(registered) do
		if is_ours(def.mod_origin) then names[#names + 1] = name end
	end
	table.sort(names)
	return names
end

for _, name in ipairs(our_items(core.registered_items)) do
	held_item = held_item or name
end
held_item = GROUND or held_item

-- Nodes.
for _, name in ipairs(our_items(core.registered_nodes)) do
	local def = core.registered_nodes[name]
	add("place-node", name, function()
		local player = fresh()
		local stack = ItemStack(name)
		local on_place = def.on_place or core.item_place
		on_place(stack, player, pointed_node(vector.offset(HERE, 0, -1, 0)))
	end)
	if defined(def, "on_punch", core.node_punch) then
		add("punch-node", name, function()
			local player = fresh()
			place(name)
			sim.punch_node(player, HERE)
		end)
	end
	if defined(def, "on_rightclick") then
		add("rightclick-node", name, function()
			local player = fresh()
			place(name)
			sim.rightclick_node(player, HERE)
		end)
		if held_item then
			add("rightclick-node-item", name, function()
				local player = fresh()
				player:set_wielded_item(ItemStack(held_item))
				place(name)
				sim.rightclick_node(player, HERE)
			end)
		end
	end
	if defined(def, "on_dig", core.node_dig) or defined(def, "can_dig") or defined(def, "after_dig_node")
		or defined(def, "on_destruct") or defined(def, "after_destruct") then
		add("dig-node", name, function()
			local player = fresh()
			place(name)
			sim.dig_node(player, HERE)
		end)
	end
	if defined(def, "on_timer") then
		add("node-timer", name, function()
			fresh()
			place(name)
			def.on_timer(vector.copy(HERE), 1.0)
		end)
	end
	if defined(def, "on_receive_fields") then
		add("node-fields", name, function()
			local player = fresh()
			place(name)
			sim.submit_node_fields(player, HERE, { quit = "true" })
		end)
		add("node-fields-empty", name, function()
			local player = fresh()
			place(name)
			sim.submit_node_fields(player, HERE, {})
		end)
	end
	local puts = { "allow_metadata_inventory_put", "on_metadata_inventory_put",
		"allow_metadata_inventory_take", "on_metadata_inventory_take" }
	for _, field in ipairs(puts) do
		if defined(def, field) and held_item then
			add("node-inventory", name, function()
				local player = fresh()
				place(name)
				local inv = core.get_meta(HERE):get_inventory()
				local listname = next(inv:get_lists()) or "main"
				def[field](vector.copy(HERE), listname, 1, ItemStack(held_item), player)
			end)
		end
	end
end

-- Tools and craftitems.
local function item_actions(registered)
	for _, name in ipairs(our_items(registered)) do
		local def = registered[name]
		if defined(def, "on_use") then
			add("use-node", name, function()
				local player = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_use(stack, player, pointed_node(vector.offset(HERE, 0, -1, 0)))
			end)
			add("use-nothing", name, function()
				local player = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_use(stack, player, NOTHING)
			end)
			add("use-object", name, function()
				local player, other = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_use(stack, player, pointed_object(other))
			end)
		end
		if defined(def, "on_place", core.item_place) then
			add("place-item", name, function()
				local player = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_place(stack, player, pointed_node(vector.offset(HERE, 0, -1, 0)))
			end)
		end
		if defined(def, "on_secondary_use", core.item_secondary_use) then
			add("secondary-nothing", name, function()
				local player = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_secondary_use(stack, player, NOTHING)
			end)
			add("secondary-object", name, function()
				local player, other = fresh()
				local stack = ItemStack(name)
				player:set_wielded_item(stack)
				def.on_secondary_use(stack, player, pointed_object(other))
			end)
		end
	end
end
item_actions(core.registered_tools)
item_actions(core.registered_craftitems)

-- Chat commands, with each kind of parameter, by a player who has the
-- command's privileges.
local commands = {}
for cmd, def in pairs(core.registered_chatcommands) do
	if is_ours(def.mod_origin) then commands[#commands + 1] = cmd end
end
table.sort(commands)
for _, cmd in ipairs(commands) do
	local def = core.registered_chatcommands[cmd]
	local params = { { "command-empty", "" }, { "command-word", "bonjour" }, { "command-number", "5" }, { "command-player", OTHER } }
	for _, entry in ipairs(params) do
		add(entry[1], cmd, function()
			fresh(def.privs)
			local line = "/" .. cmd
			if entry[2] ~= "" then line = line .. " " .. entry[2] end
			sim.chat(PLAYER, line)
		end, entry[2])
	end
end

-- Callback lists: only the pupil's callbacks (and the engine's own, for
-- core.after) run, so another mod's code never hides the pupil's.
local function only_ours(list, keep_builtin)
	local kept = {}
	for _, func in ipairs(list) do
		local mod = origin_of(func)
		if is_ours(mod) or (keep_builtin and (mod == nil or mod == "??")) then
			kept[#kept + 1] = func
		end
	end
	return kept
end

local function has_ours(list)
	return #only_ours(list, false) > 0
end

local function with_only_ours(list, keep_builtin, run)
	local saved = {}
	for i, func in ipairs(list) do saved[i] = func end
	local kept = only_ours(list, keep_builtin)
	for i = #list, 1, -1 do list[i] = nil end
	for i, func in ipairs(kept) do list[i] = func end
	local ok, err = xpcall(run, function(e) return e end)
	for i = #list, 1, -1 do list[i] = nil end
	for i, func in ipairs(saved) do list[i] = func end
	if not ok then error(err, 0) end
end

local function call_ours(list, ...)
	for _, func in ipairs(only_ours(list, false)) do func(...) end
end

-- First of all, the world as the load left it (its core.after jobs
-- pending): players join and 10 s of game time pass.
table.insert(actions, 1, { when = "playing", subject = "", param = "", run = function()
	-- Another mod's pending jobs may need what mtedu does not simulate:
	-- their errors are not the pupil's and must not stop the step.
	for _, job in ipairs(private.after_jobs()) do
		if not is_ours(job.mod_origin) then
			local func = job.func
			job.func = function(...) pcall(func, ...) end
		end
	end
	join_both()
	with_only_ours(core.registered_globalsteps, true, function()
		sim.step(10)
	end)
end })
if has_ours(core.registered_on_joinplayers) or has_ours(core.registered_on_newplayers) then
	add("join", nil, function()
		sim.reset(SEED)
		with_only_ours(core.registered_on_joinplayers, false, function()
			with_only_ours(core.registered_on_newplayers, false, function()
				sim.join(PLAYER)
			end)
		end)
	end)
end
if has_ours(core.registered_on_leaveplayers) then
	add("leave", nil, function()
		fresh()
		call_ours(core.registered_on_leaveplayers, core.get_player_by_name(PLAYER), false)
	end)
end
if has_ours(core.registered_on_dieplayers) then
	add("die", nil, function()
		local player = fresh()
		call_ours(core.registered_on_dieplayers, player, { type = "fall" })
	end)
end
if has_ours(core.registered_on_respawnplayers) then
	add("respawn", nil, function()
		local player = fresh()
		call_ours(core.registered_on_respawnplayers, player)
	end)
end

-- Forms: the pupil's receive-fields callbacks with the pupil's form names.
if has_ours(core.registered_on_player_receive_fields) then
	for _, formname in ipairs(formnames) do
		add("form", formname, function()
			local player = fresh()
			call_ours(core.registered_on_player_receive_fields, player, formname, { quit = "true" })
		end)
		add("form-field", formname, function()
			local player = fresh()
			call_ours(core.registered_on_player_receive_fields, player, formname, {})
		end)
	end
end

-- ABMs and LBMs, once on a matching node.
local function matching_node(nodenames)
	if type(nodenames) == "string" then nodenames = { nodenames } end
	for _, wanted in ipairs(nodenames or {}) do
		if core.registered_nodes[wanted] then return wanted end
		local group = type(wanted) == "string" and wanted:match("^group:(.+)$")
		if group then
			local names = {}
			for name, def in pairs(core.registered_nodes) do
				if (def.groups or {})[group] then names[#names + 1] = name end
			end
			table.sort(names)
			if names[1] then return names[1] end
		end
	end
end

for _, list in ipairs({ { core.registered_abms, "abm" }, { core.registered_lbms, "lbm" } }) do
	for _, spec in ipairs(list[1]) do
		local nodename = is_ours(spec.mod_origin) and type(spec.action) == "function"
			and matching_node(spec.nodenames)
		if nodename then
			add(list[2], nodename, function()
				fresh()
				place(nodename)
				if list[2] == "abm" then
					spec.action(vector.copy(HERE), core.get_node(HERE), 1, 1)
				else
					spec.action(vector.copy(HERE), core.get_node(HERE), 0)
				end
			end)
		end
	end
end

-- Entities.
local entities = {}
for name, def in pairs(core.registered_entities) do
	if is_ours(def.mod_origin) then entities[#entities + 1] = name end
end
table.sort(entities)
for _, name in ipairs(entities) do
	local def = core.registered_entities[name]
	local function spawn()
		local player = fresh()
		local object = core.add_entity(vector.offset(HERE, 0, 1, 0), name)
		return player, object
	end
	add("entity-activate", name, spawn)
	if type(def.on_step) == "function" then
		add("entity-step", name, function()
			spawn()
			sim.step(0.5)
		end)
	end
	if type(def.on_punch) == "function" then
		add("entity-punch", name, function()
			local player, object = spawn()
			if object then
				object:punch(player, 1.0, { full_punch_interval = 1.0, damage_groups = { fleshy = 1 } }, vector.new(0, 0, 1))
			end
		end)
	end
	if type(def.on_rightclick) == "function" then
		add("entity-rightclick", name, function()
			local player, object = spawn()
			if object then object:right_click(player) end
		end)
	end
end

return { actions = actions, skip = SKIP }
