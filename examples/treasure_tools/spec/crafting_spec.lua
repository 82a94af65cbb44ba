-- Specs for treasure_tools' recipes: run them with `mtedu test examples/treasure_tools`.

local gem, stick, steel = "treasure_tools:gem", "default:stick", "default:steel_ingot"
local gravel, fragment = "default:gravel", "default:mese_crystal_fragment"

-- What a 3×3 crafting grid (9 names, "" for empty) makes.
local function craft(items)
	return minetest.get_craft_result({ method = "normal", width = 3, items = items }).item:to_string()
end

local function cook(item)
	return minetest.get_craft_result({ method = "cooking", width = 1, items = { item } })
end

describe("the items", function()
	local items = {
		{ "treasure_tools:raw_gem", "craft", "treasure_tools_raw_gem.png" },
		{ "treasure_tools:gem", "craft", "treasure_tools_gem.png" },
		{ "treasure_tools:pickaxe", "tool", "treasure_tools_pickaxe.png" },
		{ "treasure_tools:shovel", "tool", "treasure_tools_shovel.png" },
		{ "treasure_tools:sword", "tool", "treasure_tools_sword.png" },
		{ "treasure_tools:finder", "tool", "treasure_tools_finder.png" },
	}
	for _, item in ipairs(items) do
		local name, kind, image = item[1], item[2], item[3]
		-- The engine calls craftitems "craft" in def.type.
		it(name .. " is of type " .. kind .. " with its picture", function()
			local def = minetest.registered_items[name]
			assert.not_nil(def)
			assert.equals(kind, def.type)
			assert.equals(image, def.inventory_image)
		end)
	end

	it("tools do not stack", function()
		assert.equals(1, ItemStack("treasure_tools:pickaxe"):get_stack_max())
	end)
end)

describe("the raw gem (shapeless)", function()
	-- The two ingredients anywhere in the grid.
	local grids = {
		{ gravel, fragment, "", "", "", "", "", "", "" },
		{ fragment, gravel, "", "", "", "", "", "", "" },
		{ "", "", "", "", gravel, "", "", "", fragment },
		{ "", "", fragment, "", "", "", gravel, "", "" },
	}
	for i, grid in ipairs(grids) do
		it("is made from gravel and a mese fragment, placed as in grid " .. i, function()
			assert.equals("treasure_tools:raw_gem", craft(grid))
		end)
	end

	it("needs both ingredients", function()
		assert.equals("", craft({ gravel, "", "", "", "", "", "", "", "" }))
		assert.equals("", craft({ fragment, "", "", "", "", "", "", "", "" }))
	end)

	it("refuses an extra ingredient", function()
		assert.equals("", craft({ gravel, fragment, gravel, "", "", "", "", "", "" }))
	end)

	it("uses one of each ingredient", function()
		local result, left = minetest.get_craft_result({
			method = "normal", width = 3,
			items = { gravel .. " 5", fragment .. " 3", "", "", "", "", "", "", "" },
		})
		assert.equals("treasure_tools:raw_gem", result.item:to_string())
		assert.equals(gravel .. " 4", left.items[1]:to_string())
		assert.equals(fragment .. " 2", left.items[2]:to_string())
	end)
end)

describe("the gem (cooking)", function()
	it("is cooked from a raw gem", function()
		assert.equals(gem, cook("treasure_tools:raw_gem").item:to_string())
	end)

	it("cooks in 5 seconds", function()
		assert.equals(5, cook("treasure_tools:raw_gem").time)
	end)

	it("does not cook any further", function()
		assert.is_true(cook(gem).item:is_empty())
	end)

	it("is not made in the crafting grid", function()
		assert.equals("", craft({ "treasure_tools:raw_gem", "", "", "", "", "", "", "", "" }))
	end)
end)

describe("the tools (shaped)", function()
	local recipes = {
		{ "treasure_tools:pickaxe", { gem, gem, gem, "", stick, "", "", stick, "" } },
		{ "treasure_tools:shovel", { gem, "", "", stick, "", "", stick, "", "" } },
		{ "treasure_tools:sword", { "", gem, "", "", gem, "", "", stick, "" } },
		{ "treasure_tools:finder", { "", gem, "", steel, stick, steel, "", "", "" } },
	}
	for _, recipe in ipairs(recipes) do
		local tool, grid = recipe[1], recipe[2]
		it(tool .. " has its recipe", function()
			assert.equals(tool, craft(grid))
		end)

		it(tool .. " needs sticks, not gems, for its handle", function()
			local wrong = {}
			for i, item in ipairs(grid) do
				wrong[i] = item == stick and gem or item
			end
			assert.are_not.equal(tool, craft(wrong))
		end)
	end

	-- A recipe narrower than the grid works in any column.
	for column = 1, 3 do
		it("makes the sword in column " .. column, function()
			local grid = { "", "", "", "", "", "", "", "", "" }
			grid[column], grid[column + 3], grid[column + 6] = gem, gem, stick
			assert.equals("treasure_tools:sword", craft(grid))
		end)
	end

	it("makes the finder in the bottom two rows too", function()
		assert.equals("treasure_tools:finder", craft({ "", "", "", "", gem, "", steel, stick, steel }))
	end)

	it("does not make a pickaxe upside down", function()
		assert.equals("", craft({ "", stick, "", "", stick, "", gem, gem, gem }))
	end)

	it("lists one recipe per tool", function()
		for _, recipe in ipairs(recipes) do
			assert.equals(1, #minetest.get_all_craft_recipes(recipe[1]))
		end
	end)
end)
