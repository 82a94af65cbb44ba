-- The engine's own checks on the arguments of its C functions, with the
-- real server's words (measured on 5.6.1 by the step probe's "argument
-- mistakes"): `bad argument #2 to 'chat_send_player' (string expected, got
-- nil)`, `Invalid vector (expected table got nil).`, `Node name is not set
-- or is not a string!`… They are raised without a place (level 0), as a C
-- function's are: the pupil's line is the caller's frame.
local core, host, private = ...

local getinfo = debug.getinfo
local type, select, tonumber, error, format = type, select, tonumber, error, string.format

-- Methods wrapped by check_self_of_methods: their wrapper is the function
-- the mod called, so the wrapper's name is the one Lua gives.
local wrapped = setmetatable({}, { __mode = "k" })

--- Raises luaL_argerror's message for argument `index` (counted as the C
--- function counts, self first) of the function `level` frames up (1: the
--- caller of argument_error). A method call counts after self.
function private.argument_error(index, expected, got, level)
	local at = (level or 1) + 1
	local info = getinfo(at, "nf")
	if info and wrapped[info.func] then
		info = getinfo(at + 1, "n")
	end
	local name, namewhat = info and info.name, info and info.namewhat
	if namewhat == "method" then
		index = index - 1
		if index == 0 then
			error(format("calling '%s' on bad self (%s expected, got %s)", name, expected, got), 0)
		end
	end
	error(format("bad argument #%d to '%s' (%s expected, got %s)", index, name or "?", expected, got), 0)
end

--- True when `value` is one of the engine's objects (a player, an
--- inventory, a stack…): userdata on the real server, tables here.
local function engine_object(value)
	local mt = type(value) == "table" and getmetatable(value)
	if not mt then
		return false
	end
	for _, tables in pairs(private.classes) do
		for _, methods in ipairs(tables) do
			if methods == mt then
				return true
			end
		end
	end
	return false
end
private.engine_object = engine_object

--- The type Lua's messages name: "no value" for a missing argument,
--- "userdata" for an engine object.
local function got(count, index, value)
	if index > count then
		return "no value"
	end
	if engine_object(value) then
		return "userdata"
	end
	return type(value)
end
private.type_or_none = got

--- luaL_checkstring: a string or a number. `count` is select("#", ...) of
--- the caller's arguments, so a missing one reads "no value".
function private.check_string(value, index, count, level)
	local kind = type(value)
	if kind ~= "string" and kind ~= "number" then
		private.argument_error(index, "string", got(count, index, value), (level or 1) + 1)
	end
	return value
end

--- luaL_checknumber: a number or a text that reads as one.
function private.check_number(value, index, count, level)
	local number = tonumber(value)
	if number == nil or (type(value) ~= "number" and type(value) ~= "string") then
		private.argument_error(index, "number", got(count, index, value), (level or 1) + 1)
	end
	return number
end

local function vector_table(pos)
	if type(pos) ~= "table" or engine_object(pos) then
		error("Invalid vector (expected table got " .. got(1, 1, pos) .. ").", 0)
	end
end

--- A node position as the engine reads most of them (read_v3s16): a
--- table, whose missing coordinates read as 0.
function private.read_pos(pos)
	vector_table(pos)
	return { x = tonumber(pos.x) or 0, y = tonumber(pos.y) or 0, z = tonumber(pos.z) or 0 }
end

--- A position the engine checks coordinate by coordinate (check_v3f:
--- add_entity, get_objects_inside_radius).
function private.check_pos(pos)
	vector_table(pos)
	for _, axis in ipairs({ "x", "y", "z" }) do
		if type(pos[axis]) ~= "number" then
			error("Invalid vector coordinate " .. axis .. " (expected number got " .. type(pos[axis]) .. ").", 0)
		end
	end
	return pos
end

--- A node table (readnode): its name must be a text.
function private.check_node(node)
	if engine_object(node) then
		error("Node name is not set or is not a string!", 0)
	end
	if type(node) ~= "table" and type(node) ~= "string" then
		-- Lua's own error when the engine reads `name` from it.
		error("attempt to index a " .. type(node) .. " value", 0)
	end
	local name = type(node) == "table" and node.name or nil
	if type(name) ~= "string" and type(name) ~= "number" then
		error("Node name is not set or is not a string!", 0)
	end
	return node
end

--- An item as the engine reads one (read_item): an ItemStack, a text (a
--- number reads as one), a table or nil, and never nothing at all.
function private.check_item(value, index, count)
	local kind = type(value)
	if index > count or not (kind == "nil" or kind == "string" or kind == "number" or kind == "table") then
		error("Expecting itemstack, itemstring, table or nil", 0)
	end
	return value
end

--- An item's groups as register_item_raw reads them (read_groups): names
--- (or numbers, which then break its walk) and whole numbers.
function private.check_groups(groups)
	if groups == nil then
		return
	end
	if type(groups) ~= "table" then
		error("bad argument #5 to 'register_item_raw' (table expected, got " .. type(groups) .. ")", 0)
	end
	for name, rating in next, groups do
		local kind = type(name)
		if kind ~= "string" and kind ~= "number" then
			error("bad argument #6 to 'register_item_raw' (string expected, got " .. kind .. ")", 0)
		end
		if tonumber(rating) == nil or (type(rating) ~= "number" and type(rating) ~= "string") then
			error("bad argument #7 to 'register_item_raw' (number expected, got " .. type(rating) .. ")", 0)
		end
		if kind == "number" then
			error("invalid key to 'next'", 0)
		end
	end
end

local function pass(...)
	return ...
end

--- Wraps every method of the engine's classes so that a call with a dot
--- (`inv.add_item(…)`, self missing) fails as on the real server. Run once
--- every class is defined.
function private.check_self_of_methods()
	local owner = {}
	for class, tables in pairs(private.classes) do
		for _, methods in ipairs(tables) do
			owner[methods] = class
		end
	end
	for class, tables in pairs(private.classes) do
		-- ItemStack's check names its class; the others check for userdata first.
		local expected = class == "ItemStack" and "ItemStack" or "userdata"
		for _, methods in ipairs(tables) do
			for name, method in pairs(methods) do
				if type(method) == "function" and name:sub(1, 2) ~= "__" and name ~= "new" then
					wrapped[method] = true
					methods[name] = function(...)
						local self = ...
						local mt = type(self) == "table" and getmetatable(self)
						if not (mt and owner[mt] == class) then
							local seen = (mt and owner[mt]) and "userdata" or got(select("#", ...), 1, self)
							private.argument_error(1, expected, seen, 1)
						end
						-- Not a tail call: this frame keeps the name the mod called.
						return pass(method(...))
					end
				end
			end
		end
	end
end
