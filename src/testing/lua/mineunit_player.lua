-- mineunit's `Player(name, privs)`: an mtedu player (so core.is_player and
-- every engine function know it) with mineunit's test methods — chat,
-- placing and using the wielded item, controls, looking, moving items in
-- and out of node inventories.
local core, private, mineunit = ...

local DEFAULT_PRIVS = { server = true, interact = true, test_priv = true }
local EYE_HEIGHT = 1.625

local methods = {}

function methods:send_chat_message(message)
	return mineunit:execute_on_chat_message(self:get_player_name(), message)
end

function methods:_set_player_control_state(control, value)
	self._controls[control] = value
end
function methods:_reset_player_controls()
	rawset(self, "_controls", {})
end
function methods:get_player_control()
	return table.copy(self._controls)
end

function methods:set_look_vertical(radians) rawset(self, "_pitch", radians) end
function methods:set_look_horizontal(radians) rawset(self, "_yaw", radians) end
function methods:get_look_vertical() return self._pitch end
function methods:get_look_horizontal() return self._yaw end
function methods:get_look_dir()
	local pitch, yaw = self._pitch, self._yaw
	return vector.new(-math.cos(pitch) * math.sin(yaw), -math.sin(pitch), math.cos(pitch) * math.cos(yaw))
end

local looks = {
	["X+"] = { 0, math.pi * 1.5 }, ["X-"] = { 0, math.pi / 2 },
	["Y+"] = { -math.pi / 2 }, ["Y-"] = { math.pi / 2 },
	["Z+"] = { 0, 0 }, ["Z-"] = { 0, math.pi },
}
function methods:do_set_look_xyz(direction)
	local look = type(direction) == "string" and looks[direction:sub(1, 2):upper()]
	if not look then
		-- mineunit's own words.
		error("do_set_look_xyz requires string X+, X-, Y+, Y-, Z+ or Z-", 2)
	end
	self:set_look_vertical(look[1])
	if look[2] then
		self:set_look_horizontal(look[2])
	end
end

--- Puts the player's eyes at `pos` (first-person camera).
function methods:do_set_pos_fp(pos)
	self:set_pos({ x = pos.x, y = pos.y - EYE_HEIGHT, z = pos.z })
end

local function with_controls(player, controls, fn)
	local saved = player._controls
	if controls then rawset(player, "_controls", controls) end
	local results = { fn() }
	rawset(player, "_controls", saved)
	return unpack(results)
end

--- (pointed_thing or pos or nothing, controls): what the action points at.
local function action_arguments(first, second)
	if first == nil or first.x or first.under then
		return first, second
	elseif second == nil then
		return nil, first
	end
	error("Invalid arguments for player action", 3)
end

local function pointed_at(player, target)
	if target and target.under then
		return table.copy(target)
	end
	local eyes = vector.add(player:get_pos(), { x = 0, y = EYE_HEIGHT, z = 0 })
	if target and target.x then
		local dir = vector.direction(eyes, target)
		return { type = "node", above = vector.round(target), under = vector.round(vector.add(target, dir)) }
	end
	local dir = player:get_look_dir()
	for distance = 1, 4 do
		local pos = vector.round(vector.add(eyes, vector.multiply(dir, distance)))
		local def = core.registered_nodes[core.get_node(pos).name]
		if def and def.pointable ~= false and core.get_node(pos).name ~= "air" then
			return { type = "node", under = pos, above = vector.round(vector.subtract(pos, dir)) }
		end
	end
	return { type = "nothing" }
end

local function wield_result(player, returned)
	if returned ~= nil then
		player:set_wielded_item(ItemStack(returned))
	end
end

function methods:do_use(...)
	local target, controls = action_arguments(...)
	local item = self:get_wielded_item()
	local def = item:get_definition()
	if def and def.on_use then
		local pointed = pointed_at(self, target)
		wield_result(self, with_controls(self, controls, function()
			return def.on_use(item, self, pointed)
		end))
	end
end

function methods:do_place(...)
	local target, controls = action_arguments(...)
	local item = self:get_wielded_item()
	local def = item:get_definition()
	if def then
		local pointed = pointed_at(self, target)
		wield_result(self, with_controls(self, controls, function()
			if def.on_place and pointed.type == "node" then
				return def.on_place(item, self, pointed)
			elseif def.on_secondary_use and pointed.type ~= "node" then
				return def.on_secondary_use(item, self, pointed)
			end
		end))
	end
end

local function from_above(player, pos, controls, action)
	player:set_pos(vector.offset(pos, 0, 1, 0))
	player:do_set_look_xyz("Y-")
	local pointed = { type = "node", above = vector.offset(pos, 0, 1, 0), under = vector.copy(pos) }
	player[action](player, pointed, controls)
end
function methods:do_use_from_above(pos, controls) from_above(self, pos, controls, "do_use") end
function methods:do_place_from_above(pos, controls) from_above(self, pos, controls, "do_place") end
function methods:do_set_wieldslot(slot) self:set_wield_index(slot) end

--- Moves a stack (slot `from` of the player's main list, or the stack
--- given) into list `tolist` slot `toindex` of the node at `pos`, through
--- the node's allow/on_metadata_inventory_put callbacks.
function methods:do_metadata_inventory_put(pos, tolist, toindex, slot_or_stack)
	local def = core.registered_nodes[core.get_node(pos).name] or {}
	local inventory = core.get_meta(pos):get_inventory()
	local own = self:get_inventory()
	local stack, from_slot
	if type(slot_or_stack) == "number" or slot_or_stack == nil then
		from_slot = slot_or_stack or self:get_wield_index()
		stack = own:get_stack("main", from_slot)
	else
		stack = ItemStack(slot_or_stack)
	end
	local count = stack:get_count()
	if def.allow_metadata_inventory_put then
		count = math.min(count, def.allow_metadata_inventory_put(vector.copy(pos), tolist, toindex, ItemStack(stack), self))
	end
	if count <= 0 then
		return
	end
	local moved = stack:take_item(count)
	local there = inventory:get_stack(tolist, toindex)
	local leftover = there:add_item(moved)
	inventory:set_stack(tolist, toindex, there)
	if from_slot then
		stack:add_item(leftover)
		own:set_stack("main", from_slot, stack)
	end
	if def.on_metadata_inventory_put then
		def.on_metadata_inventory_put(vector.copy(pos), tolist, toindex, moved, self)
	end
end

--- Takes the stack in slot `index` of list `listname` of the node at `pos`
--- into the player's main list, through allow/on_metadata_inventory_take.
function methods:do_metadata_inventory_take(pos, listname, index)
	local def = core.registered_nodes[core.get_node(pos).name] or {}
	local inventory = core.get_meta(pos):get_inventory()
	local stack = inventory:get_stack(listname, index)
	local count = stack:get_count()
	if def.allow_metadata_inventory_take then
		count = math.min(count, def.allow_metadata_inventory_take(vector.copy(pos), listname, index, ItemStack(stack), self))
	end
	if count <= 0 then
		return
	end
	local taken = stack:take_item(count)
	inventory:set_stack(listname, index, stack)
	local leftover = self:get_inventory():add_item("main", taken)
	if not leftover:is_empty() then
		stack:add_item(leftover)
		inventory:set_stack(listname, index, stack)
	end
	if def.on_metadata_inventory_take then
		def.on_metadata_inventory_take(vector.copy(pos), listname, index, taken, self)
	end
end

function methods:is_player() return self._is_player end
function methods:_set_is_player(value) rawset(self, "_is_player", not not value) end

--- `Player(name, privs)`: a player with these privileges (default server,
--- interact and test_priv), online at once unless the spec loaded
--- mineunit("server"), where it joins through execute_on_joinplayer.
local function new_player(name, privs)
	name = name or "SX"
	local player = private.new_player(name)
	for key, fn in pairs(methods) do
		rawset(player, key, fn)
	end
	rawset(player, "_controls", {})
	rawset(player, "_pitch", 0)
	rawset(player, "_yaw", 0)
	rawset(player, "_is_player", true)
	player.properties.eye_height = EYE_HEIGHT
	local granted = {}
	for key, value in pairs(privs or DEFAULT_PRIVS) do
		if type(key) == "number" then
			granted[value] = true
		elseif value then
			granted[key] = true
		end
	end
	private.auth[name] = granted
	mineunit._players[name] = player
	if not mineunit:has_module("server") then
		private.players[name] = player
		private.received[name] = private.received[name] or {}
		rawset(player, "_online", true)
	end
	return player
end

-- The classes `Player` and `ObjectRef`, as under mineunit: a method a
-- spec (or its fixture) defines on them is every player's, the one of
-- `Player` before the one of `ObjectRef`, both before mtedu's.
local player_class, object_class = {}, {}
local function share(key, fn, from_object)
	for _, player in pairs(mineunit._players) do
		if not (from_object and rawget(player_class, key) ~= nil) then
			rawset(player, key, fn)
		end
	end
end
rawset(_G, "ObjectRef", setmetatable(object_class, {
	__newindex = function(_, key, fn)
		rawset(object_class, key, fn)
		share(key, fn, true)
	end,
}))
rawset(_G, "Player", setmetatable(player_class, {
	__call = function(_, name, privs)
		local player = new_player(name, privs)
		for key, fn in pairs(object_class) do rawset(player, key, fn) end
		for key, fn in pairs(player_class) do rawset(player, key, fn) end
		return player
	end,
	__newindex = function(_, key, fn)
		rawset(player_class, key, fn)
		share(key, fn, false)
	end,
}))
