-- mineunit's helpers (`mineunit.utils`, the global `count`) and the
-- assertions it adds to luassert: gt, lt, integer, indexed, hashed,
-- in_array, nodename, param2, close_enough, is_coordinate, itemname,
-- itemstring, player_or_name, has_item and the type checks is_ItemStack,
-- is_InvRef, is_MetaDataRef, is_NodeMetaRef, is_Player.
local core, private, lib, mineunit = ...
local assert = lib.assert
local type = type -- Lua's, before the override at the end of this file

local function count(t)
	if type(t) == "table" or type(t) == "userdata" then
		local n = 0
		for _ in pairs(t) do n = n + 1 end
		return n
	end
end

local function sequential(t)
	local expected = 1
	for key in pairs(t) do
		if key ~= expected then return false end
		expected = expected + 1
	end
	return true
end

local function in_array(t, value)
	for i, v in ipairs(t) do
		if v == value then return i end
	end
	return false
end

local function is_coordinate(thing)
	if type(thing) ~= "table" then return false end
	for key, value in pairs(thing) do
		if type(value) ~= "number" or not (key == "x" or key == "y" or key == "z") then
			return false
		end
	end
	return true
end

--- What mineunit calls an object's type name: ItemStack, InvRef,
--- NodeMetaRef, MetaDataRef, Player, or nil.
local function typename(thing)
	if type(thing) ~= "table" then return nil end
	local meta = getmetatable(thing)
	if meta == private.ItemStack then return "ItemStack" end
	if meta == private.InvRef then return "InvRef" end
	if core.is_player(thing) then return "Player" end
	if type(meta) == "table" and type(meta.get_string) == "function" then
		return type(meta.get_inventory) == "function" and "NodeMetaRef" or "MetaDataRef"
	end
end

local function tabletype(t)
	if type(t) == "table" then
		return (count(t) == #t and sequential(t)) and "array" or "hash"
	end
end

mineunit.utils = {
	count = count, sequential = sequential, in_array = in_array, tabletype = tabletype,
	is_coordinate = is_coordinate, type = typename, luatype = type,
	round = function(v) return v < 0 and math.ceil(v - 0.5) or math.floor(v + 0.5) end,
	is_valid_name = function(name)
		return type(name) == "string" and #name > 0 and #name < 21 and not name:find("[^%w%-_]")
	end,
	format_coordinate = function(p)
		return "{x=" .. tostring(p.x) .. ",y=" .. tostring(p.y) .. ",z=" .. tostring(p.z) .. "}"
	end,
}
rawset(_G, "count", count)

--- An assertion over `arity` values, with a message built from them.
local function register(name, arity, message, test)
	assert:register("assertion", name, function(state, arguments)
		local own = arguments[arity + 1]
		local text = type(own) == "string" and own or message
		local shown = {}
		for i = 1, arity do shown[i] = lib.show(arguments[i]) end
		local ok, formatted = pcall(string.format, text, unpack(shown, 1, arity))
		rawset(state, "failure_message", ok and formatted or text)
		return test(arguments)
	end)
end

register("table", 1, "Expected %s to be table", function(a) return type(a[1]) == "table" end)
register("indexed", 1, "Expected %s to be indexed array", function(a) return tabletype(a[1]) == "array" end)
register("hashed", 1, "Expected %s to be hash table", function(a) return tabletype(a[1]) == "hash" end)
register("integer", 1, "Expected %s to be integer", function(a)
	return type(a[1]) == "number" and a[1] == math.floor(a[1])
end)
register("gt", 2, "Expected %s to be more than %s", function(a) return a[1] > a[2] end)
register("lt", 2, "Expected %s to be less than %s", function(a) return a[1] < a[2] end)
register("in_array", 2, "Expected %s to be in array %s", function(a) return in_array(a[2], a[1]) end)
register("param2", 2, "Expected param2 to be %s at %s", function(a) return core.get_node(a[2]).param2 == a[1] end)
register("itemname", 1, "Expected %s to be valid item name", function(a)
	return type(a[1]) == "string" and (a[1]:match("^[%w_]+:[%w_]+$") or a[1]:match("^[%w_]+$")) ~= nil
end)
register("itemstring", 1, "Expected %s to be valid item string", function(a)
	if type(a[1]) ~= "string" then return false end
	local name = ItemStack(a[1]):get_name()
	return #name > 0 and (name:match("^[%w_]+:[%w_]+$") or name:match("^[%w_]+$")) ~= nil
end)
register("player_or_name", 1, "Expected %s to be player or name", function(a)
	return mineunit.utils.is_valid_name(a[1]) or typename(a[1]) == "Player"
end)
register("is_coordinate", 1, "Expected %s to be valid coordinates", function(a) return is_coordinate(a[1]) end)

assert:register("assertion", "nodename", function(state, arguments)
	local wanted, pos = arguments[1], arguments[2]
	local node = world.get_node(pos)
	rawset(state, "failure_message", ("Expected node %s at x=%s,y=%s,z=%s but found %s"):format(
		tostring(wanted), tostring(pos.x), tostring(pos.y), tostring(pos.z), node and node.name or "nothing"))
	return node ~= nil and node.name == wanted
end)

assert:register("assertion", "close_enough", function(state, arguments)
	local a, b = arguments[1], arguments[2]
	rawset(state, "failure_message", ("Expected %s to be %s"):format(tostring(a), tostring(b)))
	return math.abs(a - b) * 1000000000 < 0.000001
end)

for _, name in ipairs({ "ItemStack", "InvRef", "MetaDataRef", "NodeMetaRef", "Player" }) do
	assert:register("assertion", name, function(state, arguments)
		if type(arguments[2]) == "string" then
			rawset(state, "failure_message", arguments[2])
		else
			rawset(state, "failure_message", "Expected " .. lib.show(arguments[1]) .. " to be " .. name)
		end
		local found = typename(arguments[1])
		return found == name or (name == "MetaDataRef" and found == "NodeMetaRef")
	end)
end

--- has_item(player or pos, [listname, [slot,]] item): the inventory holds it.
assert:register("assertion", "has_item", function(state, arguments)
	local owner, a, b, c = arguments[1], arguments[2], arguments[3], arguments[4]
	local inventory
	if typename(owner) == "Player" then
		inventory = owner:get_inventory()
	elseif is_coordinate(owner) then
		inventory = core.get_meta(owner):get_inventory()
	else
		error("assert.has_item expected Player or coordinates, got " .. type(owner), 2)
	end
	local list, slot = (b ~= nil) and a or nil, (c ~= nil) and b or nil
	local wanted = c or b or a
	wanted = ItemStack(wanted)
	rawset(state, "failure_message", "Expected an inventory to have item " .. wanted:to_string())
	if list and slot then
		local found = inventory:get_stack(list, slot)
		return found:get_name() == wanted:get_name() and found:get_count() == wanted:get_count()
	end
	if list then
		return inventory:contains_item(list, wanted)
	end
	for name in pairs(inventory:get_lists()) do
		if inventory:contains_item(name, wanted) then return true end
	end
	return false
end)

-- mineunit's spy.on sets the spy with rawset: a table whose __newindex
-- refuses new keys can still be spied on.
local spy = lib.spy
function spy.on(target, key)
	if target == nil then
		error("Invalid argument #1 for spy.on(target_table, target_key)", 2)
	end
	local s = spy.new(target[key])
	rawset(target, key, s)
	s.target_table, s.target_key = target, key
	return s
end

-- As under mineunit (and the real engine, where they are userdata),
-- players answer "userdata" to type(): mods tell real players from fake
-- ones with `type(player) == "userdata"`. (mtedu's own Lua reads other
-- engine objects as tables, so only players are told apart.)
local player_meta = getmetatable(private.new_player(""))
local lua_type = type
rawset(_G, "type", function(value)
	local kind = lua_type(value)
	if kind == "table" and getmetatable(value) == player_meta then
		return "userdata"
	end
	return kind
end)
