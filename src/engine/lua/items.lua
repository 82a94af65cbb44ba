-- Item helpers used while mods load: item_eat builds the on_use callback,
-- inventorycube and other texture strings, group lookups.
local core, host, private = ...

function core.item_eat(hp_change, replace_with_item)
	return function(itemstack, user, pointed_thing)
		if user then
			return core.do_item_eat(hp_change, replace_with_item, itemstack, user, pointed_thing)
		end
	end
end

function core.inventorycube(img1, img2, img3)
	img2 = img2 or img1
	img3 = img3 or img1
	return "[inventorycube{" .. img1:gsub("%^", "&") .. "{" .. img2:gsub("%^", "&") .. "{" .. img3:gsub("%^", "&")
end

function core.get_item_group(name, group)
	local def = core.registered_items[name]
	if not def or not def.groups then
		return 0
	end
	return def.groups[group] or 0
end
core.get_node_group = core.get_item_group

function core.dir_to_facedir(dir, is6d)
	if is6d and math.abs(dir.y) > math.abs(dir.x) and math.abs(dir.y) > math.abs(dir.z) then
		return dir.y < 0 and 4 or 8
	end
	if math.abs(dir.x) > math.abs(dir.z) then
		return dir.x < 0 and 3 or 1
	end
	return dir.z < 0 and 2 or 0
end

-- The direction each facedir (0 to 23) points to: four rotations around
-- each of the six axes (+Y, +Z, -Z, +X, -X, -Y); 24 to 31 point nowhere.
local facedir_dirs = {}
do
	local Zp, Xp, Zn, Xn, Yn, Yp = { 0, 0, 1 }, { 1, 0, 0 }, { 0, 0, -1 }, { -1, 0, 0 }, { 0, -1, 0 }, { 0, 1, 0 }
	local by_facedir = {
		Zp, Xp, Zn, Xn, Yn, Xp, Yp, Xn, Yp, Xp, Yn, Xn,
		Zp, Yn, Zn, Yp, Zp, Yp, Zn, Yn, Zp, Xn, Zn, Xp,
	}
	for index, dir in ipairs(by_facedir) do
		facedir_dirs[index - 1] = dir
	end
end
function core.facedir_to_dir(facedir)
	local dir = facedir_dirs[facedir % 32]
	if not dir and private.since("5.15") then
		-- 5.15 copies the vector it found: nothing found fails there.
		error("attempt to index local 'v' (a nil value)")
	end
	return dir and vector.new(dir[1], dir[2], dir[3])
end

function core.dir_to_wallmounted(dir)
	if math.abs(dir.y) > math.max(math.abs(dir.x), math.abs(dir.z)) then
		return dir.y < 0 and 1 or 0
	elseif math.abs(dir.x) > math.abs(dir.z) then
		return dir.x < 0 and 3 or 2
	end
	return dir.z < 0 and 5 or 4
end

local wallmounted_dirs = {
	[0] = vector.new(0, 1, 0), vector.new(0, -1, 0), vector.new(1, 0, 0), vector.new(-1, 0, 0), vector.new(0, 0, 1), vector.new(0, 0, -1),
}
function core.wallmounted_to_dir(wallmounted)
	local dir = wallmounted_dirs[wallmounted % 8]
	return dir and vector.copy(dir) or nil
end

function core.dir_to_yaw(dir)
	return -math.atan2(dir.x, dir.z)
end

function core.yaw_to_dir(yaw)
	return vector.new(-math.sin(yaw), 0, math.cos(yaw))
end

function core.is_colored_paramtype(ptype)
	return ptype == "color" or ptype == "colorfacedir" or ptype == "colorwallmounted" or ptype == "colordegrotate"
end

-- The colour part of param2 (the palette index); nil when the node has
-- no colour.
function core.strip_param2_color(param2, paramtype2)
	if not core.is_colored_paramtype(paramtype2) then
		return nil
	end
	if paramtype2 == "colorfacedir" or paramtype2 == "colordegrotate" then
		return math.floor(param2 / 32) * 32
	elseif paramtype2 == "colorwallmounted" then
		return math.floor(param2 / 8) * 8
	end
	return param2
end

local raillike_ids, raillike_count = {}, 0
function core.raillike_group(name)
	if not raillike_ids[name] then
		raillike_count = raillike_count + 1
		raillike_ids[name] = raillike_count
	end
	return raillike_ids[name]
end
