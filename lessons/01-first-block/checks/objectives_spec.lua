-- Objectives of lesson 01-first-block: one describe block per objective,
-- named like the objective's id in lesson.toml.

local function block()
	return minetest.registered_nodes["first_block:block"]
end

describe("block", function()
	it("is registered", function()
		assert.not_nil(block(), "first_block:block is not registered")
	end)

	it("has a description", function()
		assert.is_true(type(block().description) == "string" and block().description ~= "")
	end)
end)

describe("texture", function()
	it("shows first_block_block.png", function()
		local tile = block().tiles and block().tiles[1]
		if type(tile) == "table" then
			tile = tile.name
		end
		assert.equals("first_block_block.png", tile)
	end)
end)

describe("dig", function()
	it("is in a group a tool can dig", function()
		local groups = block().groups or {}
		local level = (groups.cracky or 0) + (groups.crumbly or 0) + (groups.choppy or 0)
			+ (groups.snappy or 0) + (groups.oddly_breakable_by_hand or 0)
		assert.is_true(level > 0, "no dig group (cracky, crumbly, choppy, snappy…)")
	end)

	it("can be placed, dug and picked up", function()
		local alice = sim.join("alice")
		local pos = vector.new(0, 1, 0)
		sim.place_node(alice, pos, "first_block:block")
		assert.equals("first_block:block", minetest.get_node(pos).name)
		sim.dig_node(alice, pos)
		assert.equals("air", minetest.get_node(pos).name)
		assert.is_true(alice:get_inventory():contains_item("main", "first_block:block"))
	end)
end)

describe("glow", function()
	it("gives light", function()
		local light = block().light_source or 0
		assert.is_true(light >= 1 and light <= minetest.LIGHT_MAX, "light_source must be between 1 and 14")
	end)
end)
