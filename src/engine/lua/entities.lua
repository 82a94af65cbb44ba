-- Lua entities of the simulated world: add_entity makes an object whose
-- luaentity inherits the registered prototype; on_activate runs at once,
-- on_step on every sim.step (velocity and acceleration move it, with no
-- collisions), on_punch / on_rightclick when specs call them. A punch
-- deals the engine's damage; at 0 hp the entity dies, and a gone object
-- answers as the engine's does.
local core, host, private = ...

local entities = {}
private.entities = entities

local Entity = {}
Entity.__index = Entity
private.classes.ObjectRef = private.classes.ObjectRef or {}
table.insert(private.classes.ObjectRef, Entity)
private.Entity = Entity

-- What the engine answers for an object that is gone (removed or dead):
-- most methods give no value at all, these few a fixed one. A removed
-- object takes this metatable, so live objects pay nothing for it.
local gone_answers = {
	get_hp = function() return 1 end,
	is_player = function() return false end,
	get_player_name = function() return "" end,
	is_valid = function() return false end,
}
local function no_value() end
local Gone = {
	__index = function(_, key)
		if type(Entity[key]) == "function" then
			return gone_answers[key] or no_value
		end
	end,
}

function Entity:get_pos() return vector.copy(self.pos) end
function Entity:set_pos(pos) self.pos = vector.copy(pos) end
function Entity:move_to(pos) self.pos = vector.copy(pos) end
function Entity:is_player() return false end
function Entity:is_valid() return true end
function Entity:get_luaentity() return self.luaentity end
function Entity:get_velocity() return vector.copy(self.velocity) end
function Entity:set_velocity(v) self.velocity = vector.copy(v) end
function Entity:add_velocity(v) self.velocity = vector.add(self.velocity, v) end
function Entity:get_acceleration() return vector.copy(self.acceleration) end
function Entity:set_acceleration(a) self.acceleration = vector.copy(a) end
function Entity:get_yaw() return self.yaw end
function Entity:set_yaw(yaw) self.yaw = yaw end
function Entity:get_hp() return self.hp end

-- Changes the hp as the engine does: within 0..65535, and at 0 the entity
-- dies (on_death with the killer, if a punch killed it) and is removed.
local function change_hp(object, hp, killer)
	object.hp = math.max(0, math.min(math.floor(hp), 65535))
	if object.hp == 0 then
		local luaentity = object.luaentity
		if luaentity.on_death then luaentity:on_death(killer) end
		object:remove()
	end
end

function Entity:set_hp(hp) change_hp(self, hp, nil) end
function Entity:get_properties() return table.copy(self.properties) end
function Entity:set_properties(properties)
	for key, value in pairs(properties) do self.properties[key] = value end
end
function Entity:get_armor_groups() return table.copy(self.armor_groups) end
function Entity:set_armor_groups(groups) self.armor_groups = table.copy(groups) end
function Entity:set_animation() end
function Entity:get_player_name() return "" end
function Entity:remove()
	if self.removed then return end
	self.removed = true
	setmetatable(self, Gone)
	local luaentity = self.luaentity
	if luaentity.on_deactivate then luaentity:on_deactivate(true) end
	for i, other in ipairs(entities) do
		if other == self then table.remove(entities, i) break end
	end
end
private.partial["ObjectRef:set_animation"] = "accepted; no animation is played"

--- A punch as the engine deals it: the damage comes from the tool
--- capabilities and the armor groups; on_punch sees it first and keeps the
--- hp by returning true. Returns the wear the tool would take.
function Entity:punch(puncher, time_from_last_punch, tool_capabilities, dir)
	if type(tool_capabilities) ~= "table" then
		error("attempt to index a nil value", 2)
	end
	time_from_last_punch = time_from_last_punch or 1000000
	dir = vector.normalize(dir or vector.subtract(self.pos, puncher:get_pos()))
	local hit = core.get_hit_params(self.armor_groups, tool_capabilities, time_from_last_punch)
	local luaentity = self.luaentity
	local handled = luaentity.on_punch
		and luaentity:on_punch(puncher, time_from_last_punch, tool_capabilities, dir, hit.hp)
	if not handled and not self.removed and hit.hp ~= 0 then
		change_hp(self, self.hp - hit.hp, puncher)
	end
	return hit.wear
end

function Entity:right_click(clicker)
	local luaentity = self.luaentity
	if luaentity.on_rightclick then
		return luaentity:on_rightclick(clicker)
	end
end

function core.add_entity(pos, name, staticdata)
	private.check_pos(pos)
	local prototype = core.registered_entities[name]
	if not prototype then
		return nil
	end
	local properties = table.copy(prototype.initial_properties or {})
	local object = setmetatable({
		pos = vector.copy(pos), velocity = vector.zero(), acceleration = vector.zero(), yaw = 0,
		hp = properties.hp_max or 10, properties = properties, armor_groups = { fleshy = 100 },
	}, Entity)
	local luaentity = setmetatable({ object = object, name = name }, prototype)
	object.luaentity = luaentity
	entities[#entities + 1] = object
	if luaentity.on_activate then
		luaentity:on_activate(staticdata or "", 0)
	end
	return object
end

function core.get_objects_inside_radius(pos, radius)
	private.check_pos(pos)
	local found = {}
	for _, player in ipairs(core.get_connected_players()) do
		if vector.distance(player:get_pos(), pos) <= radius then found[#found + 1] = player end
	end
	for _, object in ipairs(entities) do
		if vector.distance(object.pos, pos) <= radius then found[#found + 1] = object end
	end
	return found
end

--- Moves and steps every entity by `dtime`.
function private.step_entities(dtime)
	local current = {}
	for i, object in ipairs(entities) do current[i] = object end
	for _, object in ipairs(current) do
		if not object.removed then
			object.velocity = vector.add(object.velocity, vector.multiply(object.acceleration, dtime))
			object.pos = vector.add(object.pos, vector.multiply(object.velocity, dtime))
			local luaentity = object.luaentity
			if luaentity.on_step then
				luaentity:on_step(dtime, { touching_ground = false, collides = false, collisions = {} })
			end
		end
	end
end

function private.reset_entities()
	for i = #entities, 1, -1 do entities[i] = nil end
end

-- The deprecated names (players.lua lists them).
for old, new in pairs(private.deprecated_object_methods) do
	Entity[old] = function(self, ...) return self[new](self, ...) end
end

-- Other methods of the real ObjectRef fail loudly; names it does not have
-- stay nil, as in the engine.
local real_methods = {}
for _, name in ipairs(host.objectref_methods()) do
	real_methods[name] = true
end
setmetatable(Entity, {
	__index = function(_, name)
		if real_methods[name] then
			return function()
				error("not simulated yet: ObjectRef:" .. name, 2)
			end
		end
	end,
})
