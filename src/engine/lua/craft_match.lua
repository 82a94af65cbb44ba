-- Finding the recipe that matches a crafting grid, a cooking input or a
-- fuel: get_craft_result, get_craft_recipe, get_all_craft_recipes.
-- The newest matching recipe wins, as in the engine.
local core, host, private = ...

local to_stack = private.to_stack

local function item_matches(wanted, name)
	if name == wanted then
		return true
	end
	if wanted == "" then
		return name == ""
	end
	if name == "" then
		return false
	end
	local groups = wanted:match("^group:(.+)$")
	if groups then
		for group in groups:gmatch("[^,]+") do
			if core.get_item_group(name, group) == 0 then
				return false
			end
		end
		return true
	end
	local target = core.registered_aliases[wanted]
	return name == wanted or (target ~= nil and name == target)
end

-- The grid as rows of names, trimmed to the smallest rectangle holding items.
local function trimmed_grid(rows)
	local min_x, max_x, min_y, max_y = math.huge, 0, math.huge, 0
	for y, row in ipairs(rows) do
		for x = 1, #row do
			if row[x] ~= "" then
				min_x, max_x = math.min(min_x, x), math.max(max_x, x)
				min_y, max_y = math.min(min_y, y), math.max(max_y, y)
			end
		end
	end
	if max_x == 0 then
		return {}
	end
	local grid = {}
	for y = min_y, max_y do
		local row = {}
		for x = min_x, max_x do
			row[#row + 1] = rows[y][x] or ""
		end
		grid[#grid + 1] = row
	end
	return grid
end

local function input_rows(input)
	local width = input.width or 3
	if width == 0 then
		width = 3
	end
	local rows = {}
	for i, item in ipairs(input.items) do
		local y = math.floor((i - 1) / width) + 1
		rows[y] = rows[y] or {}
		rows[y][(i - 1) % width + 1] = to_stack(item):get_name()
	end
	for y = 1, #rows do
		for x = 1, width do
			rows[y][x] = rows[y][x] or ""
		end
	end
	return rows
end

-- Each shaped recipe's trimmed grid, worked out once per definition.
local trimmed_recipes = setmetatable({}, { __mode = "k" })

local function shaped_matches(def, names_grid)
	local wanted = trimmed_recipes[def]
	if not wanted then
		local recipe_rows = {}
		for y, row in ipairs(def.recipe) do
			recipe_rows[y] = {}
			for x, item in ipairs(row) do
				recipe_rows[y][x] = item
			end
		end
		wanted = trimmed_grid(recipe_rows)
		trimmed_recipes[def] = wanted
	end
	if #wanted ~= #names_grid then
		return false
	end
	for y, row in ipairs(wanted) do
		if #row ~= #names_grid[y] then
			return false
		end
		for x, item in ipairs(row) do
			if not item_matches(item, names_grid[y][x]) then
				return false
			end
		end
	end
	return true
end

local function shapeless_matches(def, names)
	if #def.recipe ~= #names then
		return false
	end
	local used = {}
	for _, wanted in ipairs(def.recipe) do
		local found = false
		for i, name in ipairs(names) do
			if not used[i] and item_matches(wanted, name) then
				used[i], found = true, true
				break
			end
		end
		if not found then
			return false
		end
	end
	return true
end

local function decremented(input, replacements)
	local items = {}
	for i, item in ipairs(input.items) do
		local stack = to_stack(item)
		stack = ItemStack(stack)
		if not stack:is_empty() then
			local replaced
			for _, pair in ipairs(replacements or {}) do
				if item_matches(pair[1], stack:get_name()) then
					replaced = pair[2]
				end
			end
			stack:take_item(1)
			if replaced and stack:is_empty() then
				stack = ItemStack(replaced)
			end
		end
		items[i] = stack
	end
	return { method = input.method, width = input.width, items = items }
end

local empty_output = function()
	return { item = ItemStack(""), time = 0, replacements = {} }
end

-- What an input is, worked out once for all the recipes tried: the trimmed
-- grid and its item names, or the one item cooked or burnt.
local function prepared_input(input)
	local prepared = { method = input.method or "normal" }
	if prepared.method == "normal" then
		local rows = input_rows(input)
		prepared.grid = trimmed_grid(rows)
		prepared.names = {}
		for _, row in ipairs(rows) do
			for _, name in ipairs(row) do
				if name ~= "" then
					prepared.names[#prepared.names + 1] = name
				end
			end
		end
	else
		prepared.name = to_stack(input.items[1]):get_name()
	end
	return prepared
end

local function recipe_matches(stored, prepared)
	local def = stored.def
	if prepared.method == "normal" then
		if stored.kind == "shaped" then
			return shaped_matches(def, prepared.grid)
		elseif stored.kind == "shapeless" then
			return shapeless_matches(def, prepared.names)
		end
	elseif prepared.method == stored.kind then
		return item_matches(def.recipe, prepared.name)
	end
	return false
end

-- The recipes an input's method can meet, in registration order, kept in
-- step with private.crafts (which only grows, or is replaced by
-- clear_crafts): "normal" holds the shaped and shapeless recipes, any other
-- method the recipes of that type. stairs asks for fuel times while it
-- registers, hundreds of times over the whole list.
local by_method, method_list, method_count = {}, nil, 0

local function recipes_for(method)
	local crafts = private.crafts
	if method_list ~= crafts or method_count > #crafts then
		by_method, method_list, method_count = {}, crafts, 0
	end
	for i = method_count + 1, #crafts do
		local stored = crafts[i]
		local kind = stored.kind
		local lists = (kind == "shaped" or kind == "shapeless") and { "normal", kind } or { kind }
		for _, key in ipairs(lists) do
			local list = by_method[key] or {}
			by_method[key] = list
			list[#list + 1] = stored
		end
	end
	method_count = #crafts
	return by_method[method] or {}
end

function core.get_craft_result(input)
	local prepared = prepared_input(input)
	local candidates = recipes_for(prepared.method)
	for i = #candidates, 1, -1 do
		local stored = candidates[i]
		local def = stored.def
		if recipe_matches(stored, prepared) then
			local time = 0
			if stored.kind == "cooking" then
				time = def.cooktime or 3
			elseif stored.kind == "fuel" then
				time = def.burntime or 1
			end
			local item = stored.kind == "fuel" and ItemStack("") or ItemStack(def.output)
			return { item = item, time = time, replacements = def.replacements or {} },
				decremented(input, def.replacements)
		end
	end
	return empty_output(), { method = input.method, width = input.width, items = input.items }
end

-- clear_craft's input: the recipe as the grid (or item) it asks for. A
-- shapeless query only meets shapeless recipes.
local function query_input(query)
	local kind = query.type or "shaped"
	if kind == "cooking" or kind == "fuel" then
		return prepared_input({ method = kind, items = { query.recipe or "" } })
	end
	if type(query.recipe) ~= "table" then
		error("clear_craft: the recipe must be a table", 3)
	end
	if kind == "shapeless" then
		local names = {}
		for _, item in ipairs(query.recipe) do
			if item ~= "" then
				names[#names + 1] = item
			end
		end
		return { method = "normal", grid = { names }, names = names, shapeless_only = true }
	end
	local items, width = {}, #(query.recipe[1] or {})
	for _, row in ipairs(query.recipe) do
		for x = 1, width do
			items[#items + 1] = row[x] or ""
		end
	end
	return prepared_input({ method = "normal", width = width, items = items })
end

-- The engine's clear_craft: by output, every recipe making that item,
-- whatever the type; by recipe, every recipe that input would craft.
function private.clear_crafts(query)
	local test
	if type(query.output) == "string" and query.output ~= "" then
		test = function(stored)
			return (stored.def.output or ""):match("^%S*") == query.output
		end
	else
		local prepared = query_input(query)
		test = function(stored)
			if prepared.shapeless_only and stored.kind ~= "shapeless" then
				return false
			end
			return recipe_matches(stored, prepared)
		end
	end
	local kept, removed = {}, false
	for _, stored in ipairs(private.crafts) do
		if test(stored) then
			removed = true
		else
			kept[#kept + 1] = stored
		end
	end
	private.crafts = kept
	return removed
end

local function recipe_view(stored)
	local def = stored.def
	local items, width = {}, 0
	if stored.kind == "shaped" then
		width = #def.recipe[1]
		for _, row in ipairs(def.recipe) do
			for _, item in ipairs(row) do
				items[#items + 1] = item
			end
		end
	elseif stored.kind == "shapeless" then
		items = table.copy(def.recipe)
	else
		items = { def.recipe }
	end
	local method = (stored.kind == "shaped" or stored.kind == "shapeless") and "normal" or stored.kind
	return { method = method, type = method, width = width, items = items, output = def.output }
end

local function output_name(output)
	return (ItemStack(output or ""):get_name())
end

-- Recipes by output name, rebuilt when the recipe list changes.
local index, indexed_list, indexed_count

local function recipes_by_output()
	if indexed_list ~= private.crafts or indexed_count ~= #private.crafts then
		index = {}
		for i = #private.crafts, 1, -1 do
			local stored = private.crafts[i]
			if stored.def.output then
				local name = output_name(stored.def.output)
				index[name] = index[name] or {}
				table.insert(index[name], stored)
			end
		end
		indexed_list, indexed_count = private.crafts, #private.crafts
	end
	return index
end

function core.get_all_craft_recipes(query)
	local stored = recipes_by_output()[output_name(query)]
	if not stored then
		return nil
	end
	local found = {}
	for i, recipe in ipairs(stored) do
		found[i] = recipe_view(recipe)
	end
	return found
end

function core.get_craft_recipe(output)
	local all = core.get_all_craft_recipes(output)
	if not all then
		return { method = "normal", width = 0 }
	end
	return all[1]
end
