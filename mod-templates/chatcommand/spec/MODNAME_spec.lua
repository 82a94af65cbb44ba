-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("/star", function()
	it("{{ say("répond au joueur", "answers the player") }}", function()
		sim.join("alice")
		assert.same({ "Here is a star for you, alice!" }, sim.chat("alice", "/star"))
	end)

	it("{{ say("met une étoile dans l'inventaire", "puts a star in the inventory") }}", function()
		local alice = sim.join("alice")
		sim.chat("alice", "/star")
		assert.is_true(alice:get_inventory():contains_item("main", "{{ modname }}:star"))
	end)
end)
