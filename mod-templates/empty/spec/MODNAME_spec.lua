-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

describe("{{ modname }}", function()
	it("{{ say("dit bonjour aux joueurs qui arrivent", "says hello to players who arrive") }}", function()
		sim.join("alice")
		assert.same({ "Hello alice, welcome!" }, sim.messages("alice"))
	end)
end)
