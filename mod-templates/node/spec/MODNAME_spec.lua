-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ modname }}:block", function()
	it("{{ say("existe avec sa texture", "exists with its texture") }}", function()
		local def = minetest.registered_nodes["{{ modname }}:block"]
		assert.not_nil(def)
		assert.same({ "{{ texture }}" }, def.tiles)
	end)

	it("{{ say("se pose et se creuse", "can be placed and dug") }}", function()
		local alice = sim.join("alice")
		local pos = vector.new(0, 1, 0)
		sim.place_node(alice, pos, "{{ modname }}:block")
		assert.equals("{{ modname }}:block", minetest.get_node(pos).name)
		sim.dig_node(alice, pos)
		assert.equals("air", minetest.get_node(pos).name)
		assert.is_true(alice:get_inventory():contains_item("main", "{{ modname }}:block"))
	end)

	it("{{ say("se fabrique avec 4 pierres taillées", "is made from 4 cobblestones") }}", function()
		local result = minetest.get_craft_result({
			method = "normal",
			width = 2,
			items = { "default:cobble", "default:cobble", "default:cobble", "default:cobble" },
		})
		assert.equals("{{ modname }}:block 4", result.item:to_string())
	end)
end)
