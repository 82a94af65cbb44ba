-- Tool arithmetic of the engine: wear after a number of uses, dig times
-- and wear from tool capabilities and node groups, punch damage, and the
-- builtin knockback formula. Times are single-precision floats there.
local core, host, private = ...

local floor = math.floor

--- x rounded to the nearest single-precision float (ties to even).
function private.float32(x)
	if x == 0 or x ~= x or x == math.huge or x == -math.huge then
		return x
	end
	local m, e = math.frexp(x)
	local scaled = m * 16777216
	local rounded = floor(scaled + 0.5)
	if rounded - scaled == 0.5 and rounded % 2 == 1 then
		rounded = rounded - 1
	end
	return math.ldexp(rounded / 16777216, e)
end

--- Wear of one use among `uses`: 65536 / uses, plus one point for the
--- last uses when it does not divide evenly, so that the tool breaks
--- exactly after `uses` uses.
function core.get_tool_wear_after_use(uses, initial_wear)
	uses = floor(tonumber(uses) or 0)
	initial_wear = floor(tonumber(initial_wear) or 0)
	if uses <= 0 or uses > 65535 then
		return 0
	end
	local normal = floor(65536 / uses)
	local oversize = 65536 % uses
	if oversize > 0 and initial_wear >= (uses - oversize) * normal then
		return normal + 1
	end
	return normal
end

local function group_rating(groups, name)
	return floor(tonumber(groups and groups[name]) or 0)
end

function core.get_dig_params(groups, tool_capabilities, wear)
	groups = groups or {}
	local caps = tool_capabilities or {}
	wear = wear or 0
	local immediate = group_rating(groups, "dig_immediate")
	if immediate == 2 then
		return { diggable = true, time = 0.5, wear = 0 }
	elseif immediate == 3 then
		return { diggable = true, time = 0, wear = 0 }
	end
	local diggable, best_time, best_wear = false, 0, 0
	local level = group_rating(groups, "level")
	for name, cap in pairs(caps.groupcaps or {}) do
		local rating = group_rating(groups, name)
		local time = cap.times and cap.times[rating]
		local leveldiff = floor(cap.maxlevel or 1) - level
		-- A rating of 0 (the node lacks the group) digs too when the tool
		-- has a time for it: `times = { [0] = … }` (measured on 5.6.1).
		if time and leveldiff >= 0 then
			time = private.float32(time)
			if leveldiff > 1 then
				time = private.float32(time / leveldiff)
			end
			if not diggable or time < best_time then
				diggable, best_time = true, time
				local uses = floor(cap.uses or 20)
				best_wear = uses ~= 0 and core.get_tool_wear_after_use(uses * 3 ^ leveldiff, wear) or 0
			end
		end
	end
	return { diggable = diggable, time = best_time, wear = best_wear }
end

function core.get_hit_params(groups, tool_capabilities, time_from_last_punch, wear)
	groups = groups or {}
	local caps = tool_capabilities or {}
	time_from_last_punch = time_from_last_punch or 1000000
	local interval = private.float32(caps.full_punch_interval or 1.4)
	local multiplier = math.max(0, math.min(1, private.float32(time_from_last_punch / interval)))
	local damage = 0
	for name, value in pairs(caps.damage_groups or {}) do
		local armor = group_rating(groups, name)
		local added = value * multiplier * armor / 100
		damage = damage + (added < 0 and math.ceil(added) or floor(added))
	end
	local result_wear = 0
	local uses = floor(caps.punch_attack_uses or 0)
	if uses > 0 then
		result_wear = core.get_tool_wear_after_use(uses, wear or 0) * multiplier
	end
	return { hp = damage, wear = floor(result_wear) }
end

function core.calculate_knockback(player, hitter, time_from_last_punch, tool_capabilities, dir, distance, damage)
	if damage == 0 or player:get_armor_groups().immortal then
		return 0.0
	end
	local knockback = 8 - 8 * math.exp(-0.17328 * damage)
	if distance < 2.0 then
		knockback = knockback * 1.1
	elseif distance > 4.0 then
		knockback = knockback * 0.9
	end
	return knockback
end
