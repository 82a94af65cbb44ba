-- Play time: what `check` does with the pupil's mods for a moment, the
-- way players and the server would. Returns the list of actions; Rust runs
-- each under its own time budget and catches its error. Every action
-- starts from a fresh world (sim.reset) with players joined.
local core, private, sim, ours, formnames, spawned = ...

local SEED = 1
local HERE = { x = 0, y = 1, z = 0 }
local PLAYER, OTHER = "Alice", "Bob"

local function is_ours(mod) return mod ~= nil and ours[mod] == true end

-- Mods whose error while playing the world was told: the world plays on
-- without their callbacks, so that another mod's mistake shows too.
local told = {}
local function still_playing(mod) return is_ours(mod) and not told[mod] end

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

-- Callback lists an action narrowed to the pupil's, put back before the
-- next action (an error leaves the action midway, and must keep its
-- traceback: nothing catches it here).
local narrowed = {}
local function restore()
	for i = #narrowed, 1, -1 do
		local entry = narrowed[i]
		local list = entry.list
		for k = #list, 1, -1 do list[k] = nil end
		for k, func in ipairs(entry.saved) do list[k] = func end
		narrowed[i] = nil
	end
end

local function add(when, subject, run, param)
	actions[#actions + 1] = { when = when, subject = subject or "", param = param or "", run = function()
		restore()
		run()
		restore()
	end }
end

local function defined(def, field, default)
	local value = rawget(def, field)
	return type(value) == "function" and value ~= default
end

-- The node at HERE, placed as a player places it (after_place_node runs),
-- else set there.
local function place(name, player)
	if player then
		local def = core.registered_nodes[name]
		local on_place = def.on_place or core.item_place
		on_place(ItemStack(name), player, pointed_node(vector.offset(HERE, 0, -1, 0)))
	end
	if core.get_node(HERE).name ~= name then
		core.set_node(HERE, { name = name })
	end
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
-- A node kept out of the creative inventory is a state the mod's own code
-- swaps in (a lit lamp, a full chest): a player never places it.
local function placeable(def)
	return not (def.groups and (def.groups.not_in_creative_inventory or 0) > 0)
end

for _, name in ipairs(our_items(core.registered_nodes)) do
	local def = core.registered_nodes[name]
	if placeable(def) then
	add("place-node", name, function()
		local player = fresh()
		local stack = ItemStack(name)
		local on_place = def.on_place or core.item_place
		on_place(stack, player, pointed_node(vector.offset(HERE, 0, -1, 0)))
	end)
	if defined(def, "on_punch", core.node_punch) then
		add("punch-node", name, function()
			local player = fresh()
			place(name, player)
			sim.punch_node(player, HERE)
		end)
	end
	if defined(def, "on_rightclick") then
		add("rightclick-node", name, function()
			local player = fresh()
			place(name, player)
			sim.rightclick_node(player, HERE)
		end)
		if held_item then
			add("rightclick-node-item", name, function()
				local player = fresh()
				place(name, player)
				player:set_wielded_item(ItemStack(held_item))
				sim.rightclick_node(player, HERE)
			end)
		end
	end
	if defined(def, "on_dig", core.node_dig) or defined(def, "can_dig") or defined(def, "after_dig_node")
		or defined(def, "on_destruct") or defined(def, "after_destruct") then
		add("dig-node", name, function()
			local player = fresh()
			place(name, player)
			sim.dig_node(player, HERE)
		end)
	end
	if defined(def, "on_timer") then
		add("node-timer", name, function()
			place(name, (fresh()))
			def.on_timer(vector.copy(HERE), 1.0)
		end)
	end
	if defined(def, "on_receive_fields") then
		add("node-fields", name, function()
			local player = fresh()
			place(name, player)
			sim.submit_node_fields(player, HERE, { quit = "true" })
		end)
	end
	-- A player puts an item into the node's first list: allowed first
	-- (allow_metadata_inventory_put), then put, then on_metadata_inventory_put.
	if (defined(def, "allow_metadata_inventory_put") or defined(def, "on_metadata_inventory_put")) and held_item then
		add("node-inventory", name, function()
			local player = fresh()
			place(name, player)
			local inv = core.get_meta(HERE):get_inventory()
			local lists = {}
			for listname in pairs(inv:get_lists()) do lists[#lists + 1] = listname end
			table.sort(lists)
			local listname = inv:get_size("main") > 0 and "main" or lists[1]
			if not listname then return end
			local stack = ItemStack(held_item)
			local allowed = stack:get_count()
			if def.allow_metadata_inventory_put then
				allowed = def.allow_metadata_inventory_put(vector.copy(HERE), listname, 1, ItemStack(stack), player)
			end
			if type(allowed) ~= "number" or allowed <= 0 then return end
			stack:set_count(math.min(allowed, stack:get_count()))
			inv:set_stack(listname, 1, stack)
			if def.on_metadata_inventory_put then
				def.on_metadata_inventory_put(vector.copy(HERE), listname, 1, ItemStack(stack), player)
			end
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

-- Callback lists: only the pupil's callbacks (and the engine's own, for
-- core.after) run, so another mod's code never hides the pupil's.
local function only_ours(list, keep_builtin, mine)
	mine = mine or is_ours
	local kept = {}
	for _, func in ipairs(list) do
		local mod = origin_of(func)
		if mine(mod) or (keep_builtin and (mod == nil or mod == "??")) then
			kept[#kept + 1] = func
		end
	end
	return kept
end

local function has_ours(list)
	return #only_ours(list, false) > 0
end

local function with_only_ours(list, keep_builtin, run, mine)
	local saved = {}
	for i, func in ipairs(list) do saved[i] = func end
	local kept = only_ours(list, keep_builtin, mine)
	narrowed[#narrowed + 1] = { list = list, saved = saved }
	for i = #list, 1, -1 do list[i] = nil end
	for i, func in ipairs(kept) do list[i] = func end
	run()
	restore()
end

local function call_ours(list, ...)
	for _, func in ipairs(only_ours(list, false)) do func(...) end
end

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
			-- What the command started with core.after runs too.
			with_only_ours(core.registered_globalsteps, true, function()
				sim.step(3)
			end)
		end, entry[2])
	end
end


-- First of all, the world as the load left it (its core.after jobs
-- pending): players join and 10 s of game time pass. Played again after
-- a mod's error was told (`tell`), on the world as it is then, without
-- that mod's callbacks.
local guarded_jobs = setmetatable({}, { __mode = "k" })
table.insert(actions, 1, { when = "playing", subject = "", param = "", run = function()
	restore()
	-- Another mod's pending jobs may need what mtedu does not simulate:
	-- their errors are not the pupil's and must not stop the step.
	for _, job in ipairs(private.after_jobs()) do
		if not still_playing(job.mod_origin) and not guarded_jobs[job] then
			local func = job.func
			job.func = function(...) pcall(func, ...) end
			guarded_jobs[job] = true
		end
	end
	with_only_ours(core.registered_globalsteps, true, function()
		if not core.get_player_by_name(PLAYER) then
			-- The server's first step (core.after(0, …) jobs) comes before
			-- anybody can join.
			sim.step(0)
			join_both()
		end
		sim.step(10)
	end, still_playing)
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
	if is_ours(def.mod_origin) and not spawned[name] then entities[#entities + 1] = name end
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

return { actions = actions, skip = SKIP, restore = restore, tell = function(mod) told[mod] = true end }
