-- The simulated map: nodes, their metadata and timers, and the node
-- callbacks the engine fires. A fresh world is air everywhere (no terrain
-- is generated); positions are rounded to whole nodes as in the engine.
local core, host, private = ...

local floor = math.floor
local nodes, metas, timers = {}, {}, {}
private.world = { nodes = nodes, metas = metas, timers = timers }

local function key(pos)
	return floor(pos.x + 0.5) .. "," .. floor(pos.y + 0.5) .. "," .. floor(pos.z + 0.5)
end
private.pos_key = key

local function rounded(pos)
	return vector.new(floor(pos.x + 0.5), floor(pos.y + 0.5), floor(pos.z + 0.5))
end

function private.reset_world()
	for k in pairs(nodes) do nodes[k] = nil end
	for k in pairs(metas) do metas[k] = nil end
	for k in pairs(timers) do timers[k] = nil end
end

local function copy_node(node)
	return { name = node.name, param1 = node.param1 or 0, param2 = node.param2 or 0 }
end

function core.get_node(pos)
	pos = private.read_pos(pos)
	local node = nodes[key(pos)]
	if not node then
		return { name = "air", param1 = 0, param2 = 0 }
	end
	return copy_node(node)
end

function core.get_node_or_nil(pos)
	return core.get_node(private.read_pos(pos))
end

local function def_of(name)
	return core.registered_nodes[name]
end

--- The node an alias stands for (the engine stores that one), else `name`.
local function unaliased(name)
	return rawget(core.registered_aliases, name) or name
end

--- Stores a node, firing on_destruct / after_destruct / on_construct like set_node.
function core.set_node(pos, node)
	pos = rounded(private.read_pos(pos))
	local name = unaliased(private.check_node(node).name)
	if name ~= "air" and not def_of(name) then
		error("Tried to set node of unknown type \"" .. tostring(name) .. "\" at " .. core.pos_to_string(pos), 2)
	end
	local old = core.get_node(pos)
	local old_def = def_of(old.name)
	if old_def and old_def.on_destruct then
		old_def.on_destruct(vector.copy(pos))
	end
	metas[key(pos)] = nil
	timers[key(pos)] = nil
	if name == "air" then
		nodes[key(pos)] = nil
	else
		nodes[key(pos)] = copy_node({ name = name, param1 = node.param1, param2 = node.param2 })
	end
	if old_def and old_def.after_destruct then
		old_def.after_destruct(vector.copy(pos), old)
	end
	local new_def = def_of(name)
	if new_def and new_def.on_construct then
		new_def.on_construct(vector.copy(pos))
	end
	return true
end
core.add_node = core.set_node

function core.remove_node(pos)
	return core.set_node(private.read_pos(pos), { name = "air" })
end

function core.swap_node(pos, node)
	pos = private.read_pos(pos)
	local name = unaliased(private.check_node(node).name)
	if name == "air" then
		nodes[key(pos)] = nil
	else
		nodes[key(pos)] = copy_node({ name = name, param1 = node.param1, param2 = node.param2 })
	end
	return true
end

function core.bulk_set_node(positions, node)
	for _, pos in ipairs(positions) do
		core.set_node(pos, node)
	end
	return true
end

-- True when node `name` is one of `wanted` (names and "group:x"; a single
-- name may be given as a string).
local function matches(name, wanted)
	if type(wanted) == "string" then
		wanted = { wanted }
	end
	for _, item in ipairs(wanted) do
		if item == name then
			return true
		end
		local group = item:match("^group:(.+)$")
		if group and core.get_item_group(name, group) ~= 0 then
			return true
		end
	end
	return false
end

private.node_matches = matches

--- The position a map key ("x,y,z") stands for.
function private.position_of(k)
	local x, y, z = k:match("^(-?%d+),(-?%d+),(-?%d+)$")
	return vector.new(tonumber(x), tonumber(y), tonumber(z))
end

--- Map order: z, then y, then x, as the engine walks a box.
function private.map_order(a, b)
	if a.z ~= b.z then
		return a.z < b.z
	elseif a.y ~= b.y then
		return a.y < b.y
	end
	return a.x < b.x
end

--- The positions of the stored (non-air) nodes, in map order.
function private.stored_positions()
	local list = {}
	for k in pairs(nodes) do
		list[#list + 1] = private.position_of(k)
	end
	table.sort(list, private.map_order)
	return list
end

-- Positions in the area [minp, maxp] where `nodenames` match, in the
-- engine's order (z, then y, then x). The map is air except for stored
-- nodes, so unless air itself matches, only stored nodes are looked at.
local function matching_positions(minp, maxp, nodenames)
	local found = {}
	if matches("air", nodenames) then
		for z = minp.z, maxp.z do
			for y = minp.y, maxp.y do
				for x = minp.x, maxp.x do
					local pos = vector.new(x, y, z)
					if matches(core.get_node(pos).name, nodenames) then
						found[#found + 1] = pos
					end
				end
			end
		end
		return found
	end
	for k, node in pairs(nodes) do
		local pos = private.position_of(k)
		if pos.x >= minp.x and pos.x <= maxp.x and pos.y >= minp.y and pos.y <= maxp.y
				and pos.z >= minp.z and pos.z <= maxp.z and matches(node.name, nodenames) then
			found[#found + 1] = pos
		end
	end
	table.sort(found, private.map_order)
	return found
end

-- The engine refuses to search more nodes than this at once (Luanti 5.11
-- raised the limit).
local MAX_SEARCHED_VOLUME = private.since("5.15") and 150000000 or 4096000

--- Sorted, rounded corners of a search area, refused when too large.
function private.search_area(p1, p2)
	local minp, maxp = vector.sort(rounded(p1), rounded(p2))
	local extent = vector.add(vector.subtract(maxp, minp), 1)
	if extent.x * extent.y * extent.z > MAX_SEARCHED_VOLUME then
		private.cpp_error("Area volume exceeds allowed value of " .. MAX_SEARCHED_VOLUME)
	end
	return minp, maxp
end

function core.find_nodes_in_area(minp, maxp, nodenames, grouped)
	minp, maxp = private.search_area(minp, maxp)
	local counts = {}
	if type(nodenames) == "string" then
		nodenames = { nodenames }
	end
	for _, wanted in ipairs(nodenames) do
		counts[wanted] = 0
	end
	local found = matching_positions(minp, maxp, nodenames)
	for _, pos in ipairs(found) do
		local name = core.get_node(pos).name
		counts[name] = (counts[name] or 0) + 1
	end
	if grouped then
		local by_name = {}
		for _, pos in ipairs(found) do
			local name = core.get_node(pos).name
			by_name[name] = by_name[name] or {}
			table.insert(by_name[name], pos)
		end
		return by_name
	end
	return found, counts
end

function core.find_node_near(pos, radius, nodenames, search_center)
	pos = rounded(pos)
	if type(nodenames) == "string" then
		nodenames = { nodenames }
	end
	local offset = vector.new(radius, radius, radius)
	local best, best_distance
	for _, p in ipairs(matching_positions(vector.subtract(pos, offset), vector.add(pos, offset), nodenames)) do
		if search_center or not vector.equals(p, pos) then
			local d = vector.distance(pos, p)
			if not best or d < best_distance then
				best, best_distance = p, d
			end
		end
	end
	return best
end

-- Node metadata: key/value fields plus an inventory, per position.
local NodeMetaRef = {}
NodeMetaRef.__index = NodeMetaRef
private.classes.NodeMetaRef = { NodeMetaRef }
private.add_key_value_methods(NodeMetaRef)

function NodeMetaRef:get_inventory()
	self.inventory = self.inventory or private.new_inventory({ type = "node", pos = vector.copy(self.pos) })
	return self.inventory
end

function NodeMetaRef:mark_as_private()
end

-- As the engine's: node metadata's table also holds its inventory, one
-- list of ItemStacks per list name (empty when it has none), which
-- after_dig_node's oldmetadata carries.
function NodeMetaRef:to_table()
	local inventory = {}
	if self.inventory then
		for name, list in pairs(self.inventory:get_lists()) do
			inventory[name] = list
		end
	end
	return { fields = table.copy(self.fields), inventory = inventory }
end

function NodeMetaRef:from_table(t)
	self.fields = {}
	for field, value in pairs((t or {}).fields or {}) do
		self.fields[field] = tostring(value)
	end
	if type(t) == "table" and type(t.inventory) == "table" then
		local inventory = self:get_inventory()
		for name in pairs(inventory:get_lists()) do
			if t.inventory[name] == nil then
				inventory:set_size(name, 0)
			end
		end
		for name, list in pairs(t.inventory) do
			inventory:set_list(name, list)
		end
	end
	return true
end

function core.get_meta(pos)
	pos = private.read_pos(pos)
	local k = key(pos)
	local meta = metas[k]
	if not meta then
		meta = setmetatable({ fields = {}, pos = rounded(pos) }, NodeMetaRef)
		metas[k] = meta
	end
	return meta
end

-- Node timers, advanced by sim.step.
local NodeTimerRef = {}
NodeTimerRef.__index = NodeTimerRef
private.classes.NodeTimerRef = { NodeTimerRef }

function NodeTimerRef:set(timeout, elapsed)
	self.timeout, self.elapsed, self.started = timeout, elapsed or 0, true
end
function NodeTimerRef:start(timeout)
	self:set(timeout, 0)
end
function NodeTimerRef:stop()
	self.started = false
end
function NodeTimerRef:get_timeout()
	return self.started and self.timeout or 0
end
function NodeTimerRef:get_elapsed()
	return self.started and self.elapsed or 0
end
function NodeTimerRef:is_started()
	return self.started
end

function core.get_node_timer(pos)
	pos = private.read_pos(pos)
	local k = key(pos)
	local timer = timers[k]
	if not timer then
		timer = setmetatable({ pos = rounded(pos), timeout = 0, elapsed = 0, started = false }, NodeTimerRef)
		timers[k] = timer
	end
	return timer
end

--- Advances every started node timer by `dtime`, calling on_timer when due.
function private.step_node_timers(dtime)
	for _, timer in pairs(timers) do
		if timer.started then
			timer.elapsed = timer.elapsed + dtime
			if timer.elapsed >= timer.timeout then
				timer.started = false
				local node = core.get_node(timer.pos)
				local def = def_of(node.name)
				if def and def.on_timer then
					local again = def.on_timer(vector.copy(timer.pos), timer.elapsed)
					if again then
						timer:start(timer.timeout)
					end
				end
			end
		end
	end
end

-- Punching, as the engine's default callback does it (digging is in
-- item_actions.lua).
function core.node_punch(pos, node, puncher, pointed_thing)
	for _, callback in ipairs(core.registered_on_punchnodes) do
		callback(vector.copy(pos), node, puncher, pointed_thing)
	end
end
