-- VoxelManip: a copy of a box of the map, read and written in bulk. As in
-- the engine, reads cover whole map blocks (16³ nodes), writes store nodes
-- without running node callbacks and keep metadata, and "ignore" entries
-- are not written. Light is not simulated: param1 is kept as stored, and
-- calc_lighting / set_lighting / update_liquids change nothing.
local core, host, private = ...

local floor = math.floor
local BLOCK = 16
local IGNORE = core.CONTENT_IGNORE

local VoxelManip = {}
VoxelManip.__index = VoxelManip
private.classes.VoxelManip = { VoxelManip }

for _, name in ipairs({ "calc_lighting", "set_lighting", "update_liquids" }) do
	private.partial["VoxelManip:" .. name] = "light and liquids are not simulated: nothing changes"
end

local function block_edges(p1, p2)
	local minp, maxp = vector.sort(p1, p2)
	local low = vector.new(floor(floor(minp.x + 0.5) / BLOCK) * BLOCK, floor(floor(minp.y + 0.5) / BLOCK) * BLOCK,
		floor(floor(minp.z + 0.5) / BLOCK) * BLOCK)
	local high = vector.new(floor(floor(maxp.x + 0.5) / BLOCK) * BLOCK + BLOCK - 1,
		floor(floor(maxp.y + 0.5) / BLOCK) * BLOCK + BLOCK - 1, floor(floor(maxp.z + 0.5) / BLOCK) * BLOCK + BLOCK - 1)
	return low, high
end

local function area_of(self)
	return VoxelArea:new({ MinEdge = self.emin, MaxEdge = self.emax })
end

--- Reads the map blocks covering p1..p2 (added to what was read before);
--- returns the emerged area.
function VoxelManip:read_from_map(p1, p2)
	local low, high = block_edges(p1, p2)
	if self.emin then
		low = vector.new(math.min(low.x, self.emin.x), math.min(low.y, self.emin.y), math.min(low.z, self.emin.z))
		high = vector.new(math.max(high.x, self.emax.x), math.max(high.y, self.emax.y), math.max(high.z, self.emax.z))
	end
	self.emin, self.emax = low, high
	local content, light, param2 = {}, {}, {}
	local i = 0
	for z = low.z, high.z do
		for y = low.y, high.y do
			for x = low.x, high.x do
				i = i + 1
				local node = private.world.nodes[x .. "," .. y .. "," .. z]
				if node then
					content[i] = core.get_content_id(node.name)
					light[i], param2[i] = node.param1, node.param2
				else
					content[i], light[i], param2[i] = core.CONTENT_AIR, 0, 0
				end
			end
		end
	end
	self.content, self.light, self.param2 = content, light, param2
	return vector.copy(low), vector.copy(high)
end

function VoxelManip:get_emerged_area()
	if not self.emin then
		return vector.new(1, 1, 1), vector.new(0, 0, 0)
	end
	return vector.copy(self.emin), vector.copy(self.emax)
end

local function copy_into(source, buffer)
	local result = type(buffer) == "table" and buffer or {}
	for i = 1, #source do
		result[i] = source[i]
	end
	return result
end

local function store(self, field, data)
	if type(data) ~= "table" then
		error("bad argument #1 to 'set_" .. field .. "' (table expected, got " .. type(data) .. ")", 3)
	end
	local target = self[field]
	for i = 1, #target do
		if data[i] ~= nil then
			target[i] = floor(data[i])
		end
	end
end

function VoxelManip:get_data(buffer) return copy_into(self.content or {}, buffer) end
function VoxelManip:set_data(data) store(self, "content", data) end
function VoxelManip:get_light_data(buffer) return copy_into(self.light or {}, buffer) end
function VoxelManip:set_light_data(data) store(self, "light", data) end
function VoxelManip:get_param2_data(buffer) return copy_into(self.param2 or {}, buffer) end
function VoxelManip:set_param2_data(data) store(self, "param2", data) end

function VoxelManip:get_node_at(pos)
	if not self.emin or not area_of(self):containsp(vector.round(pos)) then
		return { name = "ignore", param1 = 0, param2 = 0 }
	end
	local i = area_of(self):indexp(vector.round(pos))
	return { name = core.get_name_from_content_id(self.content[i]), param1 = self.light[i], param2 = self.param2[i] }
end

function VoxelManip:set_node_at(pos, node)
	if not self.emin or not area_of(self):containsp(vector.round(pos)) then
		return
	end
	local i = area_of(self):indexp(vector.round(pos))
	self.content[i] = core.get_content_id(node.name or "air")
	self.light[i], self.param2[i] = node.param1 or 0, node.param2 or 0
end

--- Stores every node of the area in the map, as swap_node would: no node
--- callbacks run and metadata stays.
function VoxelManip:write_to_map()
	if not self.emin then
		return
	end
	local area = area_of(self)
	for i = 1, #self.content do
		local id = self.content[i]
		if id ~= IGNORE then
			local pos = area:position(i)
			local name = core.get_name_from_content_id(id)
			local key = pos.x .. "," .. pos.y .. "," .. pos.z
			if name == "air" and self.light[i] == 0 and self.param2[i] == 0 then
				private.world.nodes[key] = nil
			else
				private.world.nodes[key] = { name = name, param1 = self.light[i], param2 = self.param2[i] }
			end
		end
	end
end

--- Only the mapgen's VoxelManip is kept in sync with the map by the
--- engine; any other never reports changes.
function VoxelManip:was_modified()
	return false
end

function VoxelManip:update_map() end
function VoxelManip:calc_lighting() end
function VoxelManip:set_lighting() end
function VoxelManip:update_liquids() end

local function new(p1, p2)
	local vm = setmetatable({}, VoxelManip)
	if p1 and p2 then
		vm:read_from_map(p1, p2)
	end
	return vm
end
rawset(_G, "VoxelManip", new)

function core.get_voxel_manip(p1, p2)
	return new(p1, p2)
end
