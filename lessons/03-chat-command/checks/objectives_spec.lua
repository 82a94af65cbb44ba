-- Objectives of lesson 03-chat-command: one describe block per objective.

local function has_star(player)
	return player:get_inventory():contains_item("main", "my_commands:star")
end

describe("hello", function()
	it("answers with the player's name", function()
		sim.join("alice")
		local said = table.concat(sim.chat("alice", "/hello"), "\n")
		assert.matches("alice", said)
	end)
end)

describe("dice", function()
	it("gives numbers from 1 to 6", function()
		sim.join("alice")
		for _ = 1, 30 do
			local said = sim.chat("alice", "/dice")
			local number = tonumber(tostring(said[1]):match("%d+"))
			assert.is_true(number ~= nil and number >= 1 and number <= 6, "got " .. tostring(said[1]))
		end
	end)
end)

describe("gift", function()
	it("gives a star", function()
		local alice = sim.join("alice", { "gifts" })
		sim.chat("alice", "/gift")
		assert.is_true(has_star(alice), "no my_commands:star in the inventory")
	end)
end)

describe("privilege", function()
	it("registers the gifts privilege", function()
		assert.not_nil(minetest.registered_privileges.gifts)
	end)

	it("refuses /gift to players without it", function()
		local bob = sim.join("bob")
		sim.chat("bob", "/gift")
		assert.is_false(has_star(bob), "bob has no gifts privilege but got a star")
	end)

	it("still gives the star to players with it", function()
		local carol = sim.join("carol", { "gifts" })
		sim.chat("carol", "/gift")
		assert.is_true(has_star(carol))
	end)
end)
