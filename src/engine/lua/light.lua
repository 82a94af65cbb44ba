-- Light as the engine computes it for core.get_node_light: each node has
-- a day light (the sun, falling straight down through nodes that let
-- sunlight through, and light sources) and a night light (light sources
-- only); light spreads to the six neighbours through nodes of paramtype
-- "light", one level less per node. The time of day blends the two.
-- The world is open sky above every position (as a singlenode map near
-- the ground): below y = -32 a real singlenode map is dark, here it is not.
local core, host, private = ...

local LIGHT_SUN, LIGHT_MAX = 15, 14
local floor, max, min = math.floor, math.max, math.min

-- The day/night ratio (0 to 1000) at a time of day in 1/24000 days, with
-- the engine's table of points and its smooth interpolation between them;
-- the darkest night is brighter from 5.10 on.
local night_ratio = private.since("5.10") and 175 or 150
local ratio_points = {
	{ 4375, night_ratio }, { 4625, night_ratio }, { 4875, 250 }, { 5125, 350 }, { 5375, 500 },
	{ 5625, 675 }, { 5875, 875 }, { 6125, 1000 }, { 6375, 1000 },
}
local function day_night_ratio(time)
	if time > 12000 then
		time = 24000 - time
	end
	if time <= 4625 then
		return night_ratio
	elseif time >= 6125 then
		return 1000
	end
	for i = 2, #ratio_points do
		local at, value = ratio_points[i][1], ratio_points[i][2]
		if time < at then
			local before = ratio_points[i - 1]
			local f = (time - before[1]) / (at - before[1])
			-- The engine returns the blend as an unsigned integer.
			return floor(f * value + (1 - f) * before[2])
		end
	end
	return 1000
end

--- What a node does with light: lets it through, lets sunlight through
--- undiminished, gives its own. Unknown names are solid and dark.
local function optics(name)
	if name == "air" then
		return true, true, 0
	end
	local def = core.registered_nodes[name]
	if not def then
		return false, false, 0
	end
	local through = def.paramtype == "light"
	local source = min(tonumber(def.light_source) or 0, LIGHT_MAX)
	return through, through and def.sunlight_propagates == true, source
end

local function node_at(x, y, z)
	local node = private.world.nodes[x .. "," .. y .. "," .. z]
	return node and node.name or "air"
end

--- For each column "x,z" the highest stored node that stops sunlight.
local function sun_blockers()
	local highest = {}
	for key, node in pairs(private.world.nodes) do
		local _, sun = optics(node.name)
		if not sun then
			local x, y, z = key:match("^(-?%d+),(-?%d+),(-?%d+)$")
			local column = x .. "," .. z
			y = tonumber(y)
			if y and (highest[column] == nil or highest[column] < y) then
				highest[column] = y
			end
		end
	end
	return highest
end

local neighbours = { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 } }

--- The light of one bank at a light-passing position: the brightest of
--- what each node within reach gives, less one per node on the way
--- (breadth first, through light-passing nodes only).
local function bank_light(x, y, z, blockers)
	local best = 0
	local seen = { [x .. "," .. y .. "," .. z] = true }
	local layer = { { x, y, z } }
	for distance = 0, LIGHT_MAX do
		if best >= LIGHT_SUN - distance or #layer == 0 then
			break
		end
		local next_layer = {}
		for _, p in ipairs(layer) do
			local through, _, source = optics(node_at(p[1], p[2], p[3]))
			local own = source
			-- Sunlight reaches a node that lets it through when nothing
			-- above it stops it.
			local highest = blockers and blockers[p[1] .. "," .. p[3]]
			if blockers and through and (highest == nil or highest < p[2]) then
				local _, sun = optics(node_at(p[1], p[2], p[3]))
				if sun then
					own = LIGHT_SUN
				end
			end
			best = max(best, own - distance)
			if through then
				for _, d in ipairs(neighbours) do
					local q = { p[1] + d[1], p[2] + d[2], p[3] + d[3] }
					local k = q[1] .. "," .. q[2] .. "," .. q[3]
					if not seen[k] then
						seen[k] = true
						next_layer[#next_layer + 1] = q
					end
				end
			end
		end
		layer = next_layer
	end
	return best
end

function core.get_node_light(pos, timeofday)
	pos = private.read_pos(pos)
	local x, y, z = floor(pos.x + 0.5), floor(pos.y + 0.5), floor(pos.z + 0.5)
	local time = floor(24000 * (tonumber(timeofday) or core.get_timeofday())) % 24000
	local through, _, source = optics(node_at(x, y, z))
	if not through then
		return source
	end
	local day, night = bank_light(x, y, z, sun_blockers()), bank_light(x, y, z, nil)
	local ratio = day_night_ratio(time)
	return min(LIGHT_SUN, floor((ratio * day + (1000 - ratio) * night) / 1000))
end
private.partial.get_node_light = "the sky is open above every position (a real singlenode map is dark below y = -32)"
