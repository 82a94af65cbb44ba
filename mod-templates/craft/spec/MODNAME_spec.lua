-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ say("les recettes de la gemme", "the gem recipes") }}", function()
	it("{{ say("fabriquent une gemme avec des feuilles et du mese", "make a gem from leaves and mese") }}", function()
		local l, m = "default:leaves", "default:mese_crystal_fragment"
		local result = minetest.get_craft_result({
			method = "normal",
			width = 3,
			items = { "", l, "", l, m, l, "", l, "" },
		})
		assert.equals("{{ modname }}:gem", result.item:get_name())
	end)

	it("{{ say("changent 3 gemmes en cristal de mese", "turn 3 gems into a mese crystal") }}", function()
		local g = "{{ modname }}:gem"
		local result = minetest.get_craft_result({ method = "normal", width = 3, items = { g, "", g, "", g } })
		assert.equals("default:mese_crystal", result.item:get_name())
	end)

	it("{{ say("cuisent une gemme en vitre", "cook a gem into glass") }}", function()
		local result = minetest.get_craft_result({ method = "cooking", width = 1, items = { "{{ modname }}:gem" } })
		assert.equals("default:glass", result.item:get_name())
		assert.equals(5, result.time)
	end)
end)
