-- More of the simulated map: searches (metadata, objects in a box, nodes
-- under air, line of sight), area protection checks, loading and emerging
-- areas (everything is always loaded; emerge callbacks come at the next
-- step), forceloading, and the "as a player would" place/dig/punch.
local core, host, private = ...

local floor = math.floor
local world = private.world

local function rounded(pos)
	return vector.new(floor(pos.x + 0.5), floor(pos.y + 0.5), floor(pos.z + 0.5))
end

local position_of = private.position_of
local before = private.map_order

local function meta_is_empty(meta)
	if next(meta.fields) then
		return false
	end
	local inventory = meta.inventory
	return not inventory or next(inventory.lists) == nil
end

function core.find_nodes_with_meta(p1, p2)
	local minp, maxp = vector.sort(rounded(p1), rounded(p2))
	local found = {}
	for key, meta in pairs(world.metas) do
		local pos = position_of(key)
		if not meta_is_empty(meta) and pos.x >= minp.x and pos.x <= maxp.x and pos.y >= minp.y
			and pos.y <= maxp.y and pos.z >= minp.z and pos.z <= maxp.z then
			found[#found + 1] = pos
		end
	end
	table.sort(found, before)
	return found
end

function core.get_objects_in_area(p1, p2)
	local minp, maxp = vector.sort(p1, p2)
	local found = {}
	local function inside(pos)
		return pos.x >= minp.x and pos.x <= maxp.x and pos.y >= minp.y and pos.y <= maxp.y and pos.z >= minp.z and pos.z <= maxp.z
	end
	for _, player in ipairs(core.get_connected_players()) do
		if inside(player:get_pos()) then found[#found + 1] = player end
	end
	for _, object in ipairs(private.entities) do
		if inside(object.pos) then found[#found + 1] = object end
	end
	return found
end

function core.find_nodes_in_area_under_air(p1, p2, nodenames)
	p1, p2 = private.search_area(p1, p2)
	local found = core.find_nodes_in_area(p1, p2, nodenames)
	local result = {}
	for _, pos in ipairs(found) do
		if core.get_node(vector.offset(pos, 0, 1, 0)).name == "air" then
			result[#result + 1] = pos
		end
	end
	return result
end

--- True when every node on the segment is air; else false and the first
--- node that is not (nodes are walked in order along the line).
function core.line_of_sight(pos1, pos2)
	local direction = vector.subtract(pos2, pos1)
	local current = rounded(pos1)
	local last = rounded(pos2)
	local step, next_t, delta = {}, {}, {}
	for _, axis in ipairs({ "x", "y", "z" }) do
		local d = direction[axis]
		if d > 0 then
			step[axis], next_t[axis] = 1, (current[axis] + 0.5 - pos1[axis]) / d
		elseif d < 0 then
			step[axis], next_t[axis] = -1, (current[axis] - 0.5 - pos1[axis]) / d
		else
			step[axis], next_t[axis] = 0, math.huge
		end
		delta[axis] = d ~= 0 and math.abs(1 / d) or math.huge
	end
	while true do
		if core.get_node(current).name ~= "air" then
			return false, vector.copy(current)
		end
		if vector.equals(current, last) then
			return true
		end
		local axis = "x"
		if next_t.y < next_t[axis] then axis = "y" end
		if next_t.z < next_t[axis] then axis = "z" end
		if next_t[axis] > 1 then
			return true
		end
		current[axis] = current[axis] + step[axis]
		next_t[axis] = next_t[axis] + delta[axis]
	end
end

function core.is_area_protected(minp, maxp, player_name, interval)
	interval = interval or 4
	local step = {}
	for _, c in ipairs({ "x", "y", "z" }) do
		if minp[c] > maxp[c] then
			minp[c], maxp[c] = maxp[c], minp[c]
		end
		if maxp[c] > minp[c] then
			step[c] = (maxp[c] - minp[c]) / math.ceil((maxp[c] - minp[c]) / interval) - 1e-4
		else
			step[c] = 1
		end
	end
	for zf = minp.z, maxp.z, step.z do
		for yf = minp.y, maxp.y, step.y do
			for xf = minp.x, maxp.x, step.x do
				local pos = vector.new(floor(xf + 0.5), floor(yf + 0.5), floor(zf + 0.5))
				if core.is_protected(pos, player_name) then
					return pos
				end
			end
		end
	end
	return false
end

function core.get_player_radius_area(player_name, radius)
	local player = core.get_player_by_name(player_name)
	if not player then
		return nil
	end
	local p1 = player:get_pos()
	local p2 = p1
	if radius then
		p1, p2 = vector.subtract(p1, radius), vector.add(p2, radius)
	end
	return p1, p2
end

-- The whole simulated map is always loaded.
function core.load_area() end

local function blocks_of(p1, p2)
	local minp, maxp = vector.sort(p1, p2)
	local blocks = {}
	for z = floor(minp.z / 16), floor(maxp.z / 16) do
		for y = floor(minp.y / 16), floor(maxp.y / 16) do
			for x = floor(minp.x / 16), floor(maxp.x / 16) do
				blocks[#blocks + 1] = vector.new(x, y, z)
			end
		end
	end
	return blocks
end

private.emerged = {}

--- The callback runs once a block at the next server step, the first
--- time as generated, then as already in memory.
function core.emerge_area(p1, p2, callback, param)
	local blocks = blocks_of(p1, p2)
	core.after(0, function()
		for i, blockpos in ipairs(blocks) do
			local key = private.pos_key(blockpos)
			local action = private.emerged[key] and core.EMERGE_FROM_MEMORY or core.EMERGE_GENERATED
			private.emerged[key] = true
			if callback then
				callback(blockpos, action, #blocks - i, param)
			end
		end
	end)
end

function core.delete_area(p1, p2)
	for _, blockpos in ipairs(blocks_of(p1, p2)) do
		local low = vector.multiply(blockpos, 16)
		for _, store in ipairs({ world.nodes, world.metas, world.timers }) do
			for key in pairs(store) do
				local pos = position_of(key)
				if pos.x >= low.x and pos.x < low.x + 16 and pos.y >= low.y and pos.y < low.y + 16
					and pos.z >= low.z and pos.z < low.z + 16 then
					store[key] = nil
				end
			end
		end
		private.emerged[private.pos_key(blockpos)] = nil
	end
	return true
end

-- Forceloaded blocks, counted per block, persistent and transient apart,
-- with the max_forceloaded_blocks limit.
local forceloaded = { [false] = {}, [true] = {} }
private.forceloaded = forceloaded
local function blockpos_key(pos)
	return private.pos_key(vector.new(floor(pos.x / 16), floor(pos.y / 16), floor(pos.z / 16)))
end

function core.forceload_block(pos, transient)
	transient = transient and true or false
	local key = blockpos_key(pos)
	local mine, other = forceloaded[transient], forceloaded[not transient]
	if mine[key] then
		mine[key] = mine[key] + 1
		return true
	elseif not other[key] then
		local total = 0
		for _, list in pairs(forceloaded) do
			for k in pairs(list) do
				if list == mine or not mine[k] then total = total + 1 end
			end
		end
		if total >= (tonumber(core.settings:get("max_forceloaded_blocks")) or 16) then
			return false
		end
	end
	mine[key] = 1
	return true
end

function core.forceload_free_block(pos, transient)
	transient = transient and true or false
	local key = blockpos_key(pos)
	local mine = forceloaded[transient]
	if not mine[key] then
		return
	end
	mine[key] = mine[key] > 1 and mine[key] - 1 or nil
end

-- The object the engine passes as digger or puncher when nobody acts: an
-- ObjectRef to nothing, whose methods return nothing (it is no player,
-- its name is "", it wields an empty stack).
local NullObject = {}
local null_methods = {
	is_player = function() return false end,
	get_player_name = function() return "" end,
	get_wielded_item = function() return ItemStack("") end,
	set_wielded_item = function() return false end,
}
setmetatable(NullObject, {
	__index = function(_, name)
		return null_methods[name] or function() end
	end,
})
private.null_object = setmetatable({}, { __index = NullObject })

-- What a player's action would do, with no player: the engine places the
-- node's item above the node under `pos`, digs and punches with the
-- object to nothing above.
function core.place_node(pos, node)
	pos = rounded(pos)
	local def = core.registered_nodes[node.name]
	if not def then
		return false
	end
	local pointed_thing = { type = "node", under = vector.offset(pos, 0, -1, 0), above = vector.copy(pos) }
	local stack = ItemStack(node.name)
	def.on_place(stack, nil, pointed_thing)
	return true
end

function core.dig_node(pos)
	pos = rounded(pos)
	local node = core.get_node(pos)
	local def = core.registered_nodes[node.name]
	if not def or not def.diggable then
		return false
	end
	return def.on_dig(pos, node, private.null_object) ~= false
end

function core.punch_node(pos)
	pos = rounded(pos)
	local node = core.get_node(pos)
	local def = core.registered_nodes[node.name]
	if def and def.on_punch then
		def.on_punch(pos, node, private.null_object, { type = "node", under = vector.copy(pos), above = vector.copy(pos) })
	end
	return true
end

function core.clear_objects()
	for i = #private.entities, 1, -1 do
		private.entities[i]:remove()
	end
end

--- param1 keeps daylight in its low 4 bits and artificial light in the high ones.
function core.get_artificial_light(param1)
	return floor((param1 or 0) / 16) % 16
end
