-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ modname }}:apple", function()
	it("{{ say("existe avec son image", "exists with its picture") }}", function()
		local def = minetest.registered_items["{{ modname }}:apple"]
		assert.not_nil(def)
		assert.equals("{{ texture }}", def.inventory_image)
	end)

	it("{{ say("soigne quand on la mange", "heals when eaten") }}", function()
		local alice = sim.join("alice")
		alice:set_hp(10)
		local left = minetest.registered_items["{{ modname }}:apple"].on_use(ItemStack("{{ modname }}:apple 3"), alice, { type = "nothing" })
		assert.equals(10 + {{ modname }}.heal, alice:get_hp())
		assert.equals(2, left:get_count())
	end)
end)
