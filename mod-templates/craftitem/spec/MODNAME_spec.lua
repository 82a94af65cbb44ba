-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ modname }}:apple", function()
	it("{{ say("existe avec son image", "exists with its picture") }}", function()
		local def = minetest.registered_items["{{ modname }}:apple"]
		assert.not_nil(def)
		assert.equals("{{ texture }}", def.inventory_image)
	end)

	it("{{ say("se mange", "can be eaten") }}", function()
		local def = minetest.registered_items["{{ modname }}:apple"]
		assert.equals("function", type(def.on_use))
		assert.equals(4, {{ modname }}.heal)
	end)
end)
