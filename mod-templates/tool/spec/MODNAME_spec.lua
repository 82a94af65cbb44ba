-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ modname }}:pickaxe", function()
	it("{{ say("casse la pierre", "breaks stone") }}", function()
		local def = minetest.registered_tools["{{ modname }}:pickaxe"]
		assert.not_nil(def)
		assert.equals(0.5, def.tool_capabilities.groupcaps.cracky.times[3])
	end)

	it("{{ say("se fabrique avec de l'acier et des bâtons", "is made from steel and sticks") }}", function()
		local steel, stick = "default:steel_ingot", "default:stick"
		local result = minetest.get_craft_result({
			method = "normal",
			width = 3,
			items = { steel, steel, steel, "", stick, "", "", stick, "" },
		})
		assert.equals("{{ modname }}:pickaxe", result.item:get_name())
	end)
end)
