-- Specs for /welcome and what players read when they join.

-- Mod storage outlives a test: every test starts from an empty one.
before_each(function()
	chat_greeter.storage:from_table({})
end)

local REFUSED = "You don't have permission to run this command (missing privileges: greeter)."

describe("joining", function()
	it("greets a newcomer on the first visit", function()
		sim.join("alice")
		assert.same({ "Welcome, alice! This is your first visit." }, sim.messages("alice"))
	end)

	it("counts the visits of a player who comes back", function()
		sim.join("alice")
		sim.leave("alice")
		sim.join("alice")
		sim.leave("alice")
		sim.join("alice")
		assert.same({ "Welcome back, alice! This is visit number 3." }, sim.messages("alice"))
	end)

	it("counts each player's visits apart", function()
		sim.join("alice")
		sim.leave("alice")
		sim.join("alice")
		sim.join("bob")
		assert.same({ "Welcome, bob! This is your first visit." }, sim.messages("bob"))
		assert.equals(2, chat_greeter.storage:get_int("visits:alice"))
		assert.equals(1, chat_greeter.storage:get_int("visits:bob"))
	end)

	it("tells the others nothing", function()
		sim.join("alice")
		sim.join("bob")
		assert.same({ "Welcome, alice! This is your first visit." }, sim.messages("alice"))
	end)

	it("shows the welcome text after the hello, when there is one", function()
		chat_greeter.storage:set_string("welcome", "Build a house!")
		sim.join("alice")
		assert.same({ "Welcome, alice! This is your first visit.", "Build a house!" }, sim.messages("alice"))
	end)
end)

describe("/welcome", function()
	it("is refused to players without the greeter privilege", function()
		sim.join("bob")
		assert.same({ REFUSED }, sim.chat("bob", "/welcome Hi all"))
	end)

	it("keeps the old text when it is refused", function()
		sim.join("bob")
		sim.chat("bob", "/welcome Hi all")
		assert.equals("", chat_greeter.storage:get_string("welcome"))
	end)

	it("sets the text that the next players read", function()
		sim.join("alice", { "greeter" })
		assert.same({ "New welcome text: Today we build a castle" }, sim.chat("alice", "/welcome Today we build a castle"))
		sim.join("bob")
		assert.same({ "Welcome, bob! This is your first visit.", "Today we build a castle" }, sim.messages("bob"))
	end)

	it("trims the spaces around the text", function()
		sim.join("alice", { greeter = true })
		sim.chat("alice", "/welcome    Be kind   ")
		assert.equals("Be kind", chat_greeter.storage:get_string("welcome"))
	end)

	it("clears the text when given none", function()
		sim.join("alice", { "greeter" })
		sim.chat("alice", "/welcome Be kind")
		assert.same({ "The welcome text is cleared." }, sim.chat("alice", "/welcome"))
		sim.join("bob")
		assert.same({ "Welcome, bob! This is your first visit." }, sim.messages("bob"))
	end)

	it("works as soon as an admin grants the privilege", function()
		sim.join("bob")
		assert.same({ REFUSED }, sim.chat("bob", "/welcome Hello"))
		local privs = minetest.get_player_privs("bob")
		privs.greeter = true
		minetest.set_player_privs("bob", privs)
		assert.same({ "New welcome text: Hello" }, sim.chat("bob", "/welcome Hello"))
	end)

	it("stops working when the privilege is revoked", function()
		sim.join("bob", { "greeter" })
		minetest.set_player_privs("bob", { interact = true, shout = true })
		assert.same({ REFUSED }, sim.chat("bob", "/welcome Hello"))
	end)

	-- Lengths the text may have: at most 80 letters.
	for _, case in ipairs({ { 1, true }, { 79, true }, { 80, true }, { 81, false }, { 200, false } }) do
		local letters, accepted = case[1], case[2]
		it((accepted and "accepts" or "refuses") .. " a text of " .. letters .. " letters", function()
			sim.join("alice", { "greeter" })
			local text = string.rep("a", letters)
			local answer = sim.chat("alice", "/welcome " .. text)
			if accepted then
				assert.same({ "New welcome text: " .. text }, answer)
				assert.equals(text, chat_greeter.storage:get_string("welcome"))
			else
				assert.same({ "That text is too long: " .. letters .. " letters, at most 80." }, answer)
				assert.equals("", chat_greeter.storage:get_string("welcome"))
			end
		end)
	end

	it("counts a letter with an accent as one letter", function()
		sim.join("alice", { "greeter" })
		local text = string.rep("é", 80)
		assert.same({ "New welcome text: " .. text }, sim.chat("alice", "/welcome " .. text))
	end)
end)

describe("counting letters", function()
	for text, count in pairs({ [""] = 0, abc = 3, ["été"] = 3, ["Noël à l'école"] = 14, ["ça va ?"] = 7 }) do
		it(string.format("finds %d letters in %q", count, text), function()
			assert.equals(count, chat_greeter.letters(text))
		end)
	end
end)
