-- VoxelArea: index arithmetic over a box of nodes, as used with VoxelManip.
local core, host, private = ...

local VoxelArea = {}
VoxelArea.__index = VoxelArea
rawset(_G, "VoxelArea", VoxelArea)

function VoxelArea:new(o)
	o = o or {}
	setmetatable(o, self)
	local e = o:getExtent()
	o.ystride = e.x
	o.zstride = e.x * e.y
	return o
end

function VoxelArea:getExtent()
	local min, max = self.MinEdge, self.MaxEdge
	return vector.new(max.x - min.x + 1, max.y - min.y + 1, max.z - min.z + 1)
end

function VoxelArea:getVolume()
	local e = self:getExtent()
	return e.x * e.y * e.z
end

function VoxelArea:index(x, y, z)
	local min = self.MinEdge
	local i = (z - min.z) * self.zstride + (y - min.y) * self.ystride + (x - min.x) + 1
	return math.floor(i)
end

function VoxelArea:indexp(p)
	return self:index(p.x, p.y, p.z)
end

function VoxelArea:position(i)
	local min = self.MinEdge
	i = i - 1
	local z = math.floor(i / self.zstride)
	i = i % self.zstride
	local y = math.floor(i / self.ystride)
	local x = i % self.ystride
	return vector.new(x + min.x, y + min.y, z + min.z)
end

function VoxelArea:contains(x, y, z)
	local min, max = self.MinEdge, self.MaxEdge
	return x >= min.x and x <= max.x and y >= min.y and y <= max.y and z >= min.z and z <= max.z
end

function VoxelArea:containsp(p)
	return self:contains(p.x, p.y, p.z)
end

function VoxelArea:containsi(i)
	return i >= 1 and i <= self:getVolume()
end

function VoxelArea:iter(minx, miny, minz, maxx, maxy, maxz)
	local i = self:index(minx, miny, minz) - 1
	local xrange = maxx - minx + 1
	local nextaction = i + 1 + xrange
	local y, z = 0, 0
	local yrange, zrange = maxy - miny + 1, maxz - minz + 1
	local row_start = i
	return function()
		i = i + 1
		if i ~= nextaction then
			return i
		end
		y = y + 1
		if y == yrange then
			y = 0
			z = z + 1
			if z == zrange then
				return nil
			end
		end
		row_start = self:index(minx, miny + y, minz + z) - 1
		i = row_start + 1
		nextaction = i + xrange
		return i
	end
end

function VoxelArea:iterp(minp, maxp)
	return self:iter(minp.x, minp.y, minp.z, maxp.x, maxp.y, maxp.z)
end
