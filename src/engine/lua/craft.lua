-- Craft recipes: checked like the engine checks them, stored for
-- counting and for get_craft_result later.
local core, host, private = ...

local function is_item_string(value)
	return type(value) == "string"
end

local function check_shaped(recipe)
	if type(recipe.recipe) ~= "table" or #recipe.recipe == 0 then
		return "Crafting definition (shaped) is missing a recipe (or the recipe is empty)"
	end
	local width
	for _, row in ipairs(recipe.recipe) do
		if type(row) ~= "table" then
			return "Crafting definition (shaped) has a recipe row that is not a table"
		end
		width = width or #row
		if #row ~= width then
			return "Invalid crafting recipe (shaped): rows are not all the same length"
		end
		for _, item in ipairs(row) do
			if not is_item_string(item) then
				return "Crafting definition (shaped) has an ingredient that is not a string"
			end
		end
	end
end

local function check_shapeless(recipe)
	if type(recipe.recipe) ~= "table" or #recipe.recipe == 0 then
		return "Crafting definition (shapeless) is missing a recipe (or the recipe is empty)"
	end
	for _, item in ipairs(recipe.recipe) do
		if not is_item_string(item) then
			return "Crafting definition (shapeless) has an ingredient that is not a string"
		end
	end
end

local checks = {
	shaped = check_shaped,
	shapeless = check_shapeless,
	toolrepair = function(recipe)
		if tonumber(recipe.additional_wear) == nil then
			return "Crafting definition (toolrepair) is missing additional_wear"
		end
	end,
	cooking = function(recipe)
		if not is_item_string(recipe.recipe) then
			return "Crafting definition (cooking) is missing a recipe"
		end
	end,
	fuel = function(recipe)
		if not is_item_string(recipe.recipe) then
			return "Crafting definition (fuel) is missing a recipe"
		end
	end,
}

local needs_output = { shaped = true, shapeless = true, cooking = true }

function core.register_craft(recipe)
	if type(recipe) ~= "table" then
		error("register_craft: the recipe must be a table", 2)
	end
	local kind = recipe.type or "shaped"
	local check = checks[kind]
	if not check then
		error("Unknown crafting definition type: \"" .. tostring(kind) .. "\"", 2)
	end
	if needs_output[kind] and (type(recipe.output) ~= "string" or recipe.output == "") then
		error("Crafting definition (" .. kind .. ") is missing an output", 2)
	end
	local problem = check(recipe)
	if problem then
		error(problem, 2)
	end
	private.crafts[#private.crafts + 1] = { kind = kind, def = recipe, mod = private.current_modname }
end

function core.clear_craft(query)
	if private.load_done and query.output then
		error("mtedu: clear_craft({output=…}) after load time crashes the real server (5.6.1); call it while the mod loads", 2)
	end
	local removed = private.clear_crafts(query)
	if not removed then
		if type(query.output) == "string" and query.output ~= "" then
			core.log("warning", "No craft recipe known for output")
		else
			core.log("warning", "No craft recipe matches input")
		end
	end
	return removed
end
