-- {{ say("Les objectifs de la leçon : un describe par objectif (même nom que son id).", "The lesson's objectives: one describe per objective (named like its id).") }}

describe("block", function()
	it("{{ say("existe", "exists") }}", function()
		assert.not_nil(minetest.registered_nodes["{{ modname }}:block"])
	end)

	it("{{ say("se pose", "can be placed") }}", function()
		local alice = sim.join("alice")
		local pos = vector.new(0, 1, 0)
		sim.place_node(alice, pos, "{{ modname }}:block")
		assert.equals("{{ modname }}:block", minetest.get_node(pos).name)
	end)
end)
