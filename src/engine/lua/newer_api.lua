-- What Luanti 5.10 and 5.15 add to the API, simulated where pupils and
-- popular mods use it. Defined for every target: engine_version.lua then
-- takes away what the target engine lacks, and not_simulated.lua makes the
-- target's other new names fail loudly.
local core, host, private = ...

local ESC = "\27"

-- 4dir: the four horizontal rotations of param2 (0 = +Z, 1 = +X, 2 = -Z, 3 = -X).
local fourdir_dirs = {
	[0] = { x = 0, y = 0, z = 1 }, { x = 1, y = 0, z = 0 }, { x = 0, y = 0, z = -1 }, { x = -1, y = 0, z = 0 },
}

function core.fourdir_to_dir(fourdir)
	return vector.copy(fourdir_dirs[fourdir % 4])
end

function core.dir_to_fourdir(dir)
	if math.abs(dir.x) > math.abs(dir.z) then
		return dir.x < 0 and 3 or 1
	end
	return dir.z < 0 and 2 or 0
end

-- The object searches as iterators that skip objects removed meanwhile.
local function valid_objects(list)
	local i = 0
	return function()
		while true do
			i = i + 1
			local object = list[i]
			if object == nil or object:is_valid() then
				return object
			end
		end
	end
end

function core.objects_inside_radius(center, radius)
	return valid_objects(core.get_objects_inside_radius(center, radius))
end

function core.objects_in_area(min_pos, max_pos)
	return valid_objects(core.get_objects_in_area(min_pos, max_pos))
end

-- A backslash before every backslash, < and > (hypertext formspec elements).
function core.hypertext_escape(text)
	return (text:gsub("[\\<>]", "\\%0"))
end

function core.sha256(data, raw)
	return host.sha256(data, raw and true or false)
end

-- Percent-encoding of everything but letters, digits and `-_.~`.
function core.urlencode(text)
	return (tostring(text):gsub("[^%w%-_%.~]", function(c)
		return string.format("%%%02X", c:byte())
	end))
end

function core.is_valid_player_name(name)
	return type(name) == "string" and #name > 0 and #name <= 20 and not name:find("[^%w%-_]")
end

-- Escape sequences (`ESC(…)` and `ESC` + one character) removed.
function core.strip_escapes(text)
	text = tostring(text)
	local out, i = {}, 1
	while i <= #text do
		local c = text:sub(i, i)
		if c ~= ESC then
			out[#out + 1] = c
			i = i + 1
		elseif text:sub(i + 1, i + 1) == "(" then
			local close = text:find(")", i + 2, true)
			i = close and close + 1 or #text + 1
		else
			i = i + 2
		end
	end
	return table.concat(out)
end

function core.get_game_info()
	local info = host.game_info()
	if not info then
		return { id = "", title = "", author = "", path = "" }
	end
	return info
end
private.partial.get_game_info = "the game mtedu loaded; empty fields for loose mods"

function core.translate_n(textdomain, str, str_plural, n, ...)
	assert(type(n) == "number")
	assert(n >= 0)
	assert(math.floor(n) == n)
	if n >= 2000000 then
		n = n % 1000000 + 1000000
	end
	if n == 1 then
		return private.translate(textdomain, str, "1", ...)
	end
	return private.translate(textdomain, str_plural, tostring(n), ...)
end

function core.bulk_swap_node(positions, node)
	for _, pos in ipairs(positions) do
		core.swap_node(pos, node)
	end
end

-- Nothing while mods load (no map yet); then the whole simulated map is
-- loaded: the position is always valid.
function core.get_node_raw(x, y, z)
	if not private.load_done then
		return
	end
	local node = core.get_node({ x = x, y = y, z = z })
	return core.get_content_id(node.name), node.param1, node.param2, true
end

function core.path_exists(path)
	return host.path_exists(path)
end

function table.keyof(t, value)
	for key, v in pairs(t) do
		if v == value then
			return key
		end
	end
	return nil
end

function vector.random_direction()
	local x, y, z, length2
	repeat
		x, y, z = math.random() * 2 - 1, math.random() * 2 - 1, math.random() * 2 - 1
		length2 = x * x + y * y + z * z
	until length2 <= 1 and length2 >= 1e-6
	local length = math.sqrt(length2)
	return vector.new(x / length, y / length, z / length)
end

function vector.random_in_area(min, max)
	return vector.new(math.random(min.x, max.x), math.random(min.y, max.y), math.random(min.z, max.z))
end

-- The on_item_pickup callbacks (register.lua) run first; the first giving
-- a stack decides what is left.
function core.item_pickup(itemstack, picker, pointed_thing, ...)
	itemstack = ItemStack(itemstack)
	for _, callback in ipairs(core.registered_on_item_pickups) do
		local result = callback(itemstack, picker, pointed_thing, ...)
		if result then
			return ItemStack(result)
		end
	end
	local inv = picker and picker:get_inventory()
	if inv then
		return inv:add_item("main", itemstack)
	end
	return itemstack
end
