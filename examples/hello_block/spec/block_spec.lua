-- Specs for hello_block: run them with `mtedu test examples/hello_block`.

describe("the hello block", function()
	it("is registered with its texture", function()
		local def = minetest.registered_nodes["hello_block:block"]
		assert.not_nil(def)
		assert.same({ "hello_block_block.png" }, def.tiles)
	end)

	it("can be placed and dug, and goes into the inventory", function()
		local alice = sim.join("alice")
		local pos = vector.new(0, 1, 0)
		sim.place_node(alice, pos, "hello_block:block")
		assert.equals("hello_block:block", minetest.get_node(pos).name)
		sim.dig_node(alice, pos)
		assert.equals("air", minetest.get_node(pos).name)
		assert.is_true(alice:get_inventory():contains_item("main", "hello_block:block"))
	end)

	it("is crafted from four cobblestones", function()
		local result = minetest.get_craft_result({
			method = "normal",
			width = 2,
			items = { "default:cobble", "default:cobble", "default:cobble", "default:cobble" },
		})
		assert.equals("hello_block:block 4", result.item:to_string())
	end)
end)
