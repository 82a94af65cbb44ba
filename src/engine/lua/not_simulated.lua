-- Loaded last: every name of the real engine's core table that mtedu does
-- not simulate becomes a function that fails loudly, never a silent no-op.
local core, host, private = ...

function private.not_simulated(name)
	error("not simulated yet: core." .. name, 3)
end

private.stubbed = {}

local function raising_table(name)
	return setmetatable({}, {
		__index = function(_, key)
			error("not simulated yet: core." .. name .. "." .. tostring(key), 2)
		end,
		__newindex = function(_, key)
			error("not simulated yet: core." .. name .. "." .. tostring(key), 2)
		end,
	})
end

for _, entry in ipairs(host.catalogue()) do
	local name, kind = entry[1], entry[2]
	if rawget(core, name) == nil then
		private.stubbed[name] = true
		if kind == "function" then
			core[name] = function()
				private.not_simulated(name)
			end
		elseif kind == "table" then
			core[name] = raising_table(name)
		end
	end
end

-- Engine classes mtedu does not simulate yet: constructing one fails loudly.
for _, class in ipairs({ "AreaStore", "PerlinNoise", "PerlinNoiseMap", "Raycast", "SecureRandom", "VoxelManip" }) do
	if rawget(_G, class) == nil then
		rawset(_G, class, function()
			error("not simulated yet: " .. class, 2)
		end)
	end
end
