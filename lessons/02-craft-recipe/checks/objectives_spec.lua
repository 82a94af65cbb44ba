-- Objectives of lesson 02-craft-recipe: one describe block per objective.

local function craft(width, items)
	return minetest.get_craft_result({ method = "normal", width = width, items = items }).item:to_string()
end

local F, D, G = "default:mese_crystal_fragment", "default:diamond", "gem_craft:gem"

describe("gem-recipe", function()
	it("makes a gem from a diamond and 4 mese fragments", function()
		assert.equals(G, craft(3, { "", F, "", F, D, F, "", F, "" }))
	end)
end)

describe("block-recipe", function()
	it("makes a gem block from 9 gems", function()
		assert.equals("gem_craft:gem_block", craft(3, { G, G, G, G, G, G, G, G, G }))
	end)
end)

describe("back-recipe", function()
	it("gives 9 gems back from a gem block", function()
		assert.equals("gem_craft:gem 9", craft(1, { "gem_craft:gem_block" }))
	end)

	it("works wherever the block is in the grid", function()
		assert.equals("gem_craft:gem 9", craft(3, { "", "", "", "", "", "gem_craft:gem_block", "", "", "" }))
	end)
end)

describe("cooking", function()
	it("cooks a mese fragment into a gem", function()
		local result = minetest.get_craft_result({ method = "cooking", width = 1, items = { F } })
		assert.equals(G, result.item:to_string())
		assert.is_true(result.time > 0, "give the recipe a cooktime")
	end)
end)
