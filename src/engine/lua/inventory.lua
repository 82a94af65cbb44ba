-- Inventories (InvRef): named lists of ItemStacks, used by players, nodes
-- and detached inventories.
local core, host, private = ...

local to_stack = private.to_stack

local InvRef = {}
InvRef.__index = InvRef
private.classes.InvRef = { InvRef }
private.InvRef = InvRef

function private.new_inventory(location)
	return setmetatable({ lists = {}, widths = {}, location = location }, InvRef)
end

local check_string, check_number, check_item = private.check_string, private.check_number, private.check_item

local function list_of(self, listname)
	return self.lists[listname]
end

-- Each method checks its arguments as the engine's InvRef does (the list's
-- name a text, an index a number, an item something an ItemStack reads);
-- `n` is how many were given after self.

function InvRef:is_empty(...)
	local listname = check_string(..., 2, select("#", ...) + 1)
	local list = list_of(self, listname)
	if not list then
		return true
	end
	for _, stack in ipairs(list) do
		if not stack:is_empty() then
			return false
		end
	end
	return true
end

function InvRef:get_size(...)
	local listname = check_string(..., 2, select("#", ...) + 1)
	local list = list_of(self, listname)
	return list and #list or 0
end

function InvRef:set_size(...)
	local listname, size = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	size = check_number(size, 3, n)
	if size == 0 then
		self.lists[listname] = nil
		return true
	end
	local list = self.lists[listname] or {}
	for i = #list + 1, size do
		list[i] = ItemStack(nil)
	end
	for i = size + 1, #list do
		list[i] = nil
	end
	self.lists[listname] = list
	return true
end

function InvRef:get_width(...)
	local listname = check_string(..., 2, select("#", ...) + 1)
	return self.widths[listname] or 0
end

function InvRef:set_width(...)
	local listname, width = ...
	check_string(listname, 2, select("#", ...) + 1)
	self.widths[listname] = width
	return true
end

function InvRef:get_stack(...)
	local listname, i = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	i = check_number(i, 3, n)
	local list = list_of(self, listname)
	if not list or not list[i] then
		return ItemStack(nil)
	end
	return ItemStack(list[i])
end

function InvRef:set_stack(...)
	local listname, i, stack = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	i = check_number(i, 3, n)
	check_item(stack, 4, n)
	local list = list_of(self, listname)
	if not list or i < 1 or i > #list then
		return false
	end
	list[i] = ItemStack(to_stack(stack))
	return true
end

function InvRef:get_list(...)
	local listname = check_string(..., 2, select("#", ...) + 1)
	local list = list_of(self, listname)
	if not list then
		return nil
	end
	local copy = {}
	for i, stack in ipairs(list) do
		copy[i] = ItemStack(stack)
	end
	return copy
end

function InvRef:set_list(...)
	local listname, items = ...
	check_string(listname, 2, select("#", ...) + 1)
	local list = list_of(self, listname)
	if not list then
		self:set_size(listname, #items)
		list = self.lists[listname]
	end
	for i = 1, #list do
		list[i] = ItemStack(items[i] and to_stack(items[i]) or nil)
	end
end

function InvRef:get_lists()
	local lists = {}
	for name in pairs(self.lists) do
		lists[name] = self:get_list(name)
	end
	return lists
end

function InvRef:set_lists(lists)
	for name, items in pairs(lists) do
		self:set_list(name, items)
	end
end

function InvRef:add_item(...)
	local listname, stack = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	check_item(stack, 3, n)
	local leftover = ItemStack(to_stack(stack))
	local list = list_of(self, listname)
	if not list then
		return leftover
	end
	for _, slot in ipairs(list) do
		if leftover:is_empty() then
			break
		end
		if not slot:is_empty() then
			leftover = slot:add_item(leftover)
		end
	end
	for _, slot in ipairs(list) do
		if leftover:is_empty() then
			break
		end
		if slot:is_empty() then
			leftover = slot:add_item(leftover)
		end
	end
	return leftover
end

function InvRef:room_for_item(...)
	local listname, stack = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	check_item(stack, 3, n)
	local list = self:get_list(listname)
	if not list then
		return false
	end
	local copy = private.new_inventory(nil)
	copy:set_list(listname, list)
	return copy:add_item(listname, stack):is_empty()
end

function InvRef:contains_item(...)
	local listname, stack, match_meta = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	check_item(stack, 3, n)
	stack = to_stack(stack)
	local list = list_of(self, listname)
	if not list then
		return false
	end
	local needed = stack:get_count()
	for _, slot in ipairs(list) do
		if slot:get_name() == stack:get_name() and (not match_meta or slot:get_meta():equals(stack:get_meta())) then
			needed = needed - slot:get_count()
			if needed <= 0 then
				return true
			end
		end
	end
	return false
end

function InvRef:remove_item(...)
	local listname, stack = ...
	local n = select("#", ...) + 1
	check_string(listname, 2, n)
	check_item(stack, 3, n)
	stack = to_stack(stack)
	local removed = ItemStack(nil)
	local list = list_of(self, listname)
	if not list then
		return removed
	end
	local needed = stack:get_count()
	for i = #list, 1, -1 do
		local slot = list[i]
		if needed > 0 and slot:get_name() == stack:get_name() then
			local taken = slot:take_item(needed)
			needed = needed - taken:get_count()
			if removed:is_empty() then
				removed = taken
			else
				removed:set_count(removed:get_count() + taken:get_count())
			end
		end
	end
	return removed
end

function InvRef:get_location()
	return table.copy(self.location or { type = "undefined" })
end

private.detached = {}

function core.create_detached_inventory(name, callbacks, player_name)
	local stuff = {}
	for key, value in pairs(callbacks or {}) do
		stuff[key] = value
	end
	stuff.mod_origin = private.current_modname or "??"
	core.detached_inventories[name] = stuff
	local inventory = private.new_inventory({ type = "detached", name = name })
	private.detached[name] = { inventory = inventory, player_name = player_name }
	return inventory
end

function core.remove_detached_inventory(name)
	core.detached_inventories[name] = nil
	local existed = private.detached[name] ~= nil
	private.detached[name] = nil
	return existed
end

function core.get_inventory(location)
	if location.type == "detached" then
		local detached = private.detached[location.name]
		return detached and detached.inventory or nil
	end
	private.not_simulated("get_inventory for " .. tostring(location.type) .. " inventories")
end
private.partial.get_inventory = "detached inventories only, until the simulated world exists"
