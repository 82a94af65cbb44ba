-- Objectives of lesson 06-treasure-hunt: one describe block per objective.

local CHEST = "treasure_hunt:chest"

-- Puts `count` chests in a row and lets alice punch each one.
local function find_chests(alice, count)
	for i = 1, count do
		local pos = vector.new(i * 2, 1, 0)
		minetest.set_node(pos, { name = CHEST })
		sim.punch_node(alice, pos)
	end
end

describe("treasure", function()
	it("is registered", function()
		assert.not_nil(minetest.registered_nodes[CHEST])
	end)
end)

describe("hide", function()
	it("hides 3 chests near the player", function()
		local alice = sim.join("alice")
		local center = vector.new(20, 2, -30)
		alice:set_pos(center)
		sim.chat("alice", "/hide")
		local found = minetest.find_nodes_in_area(vector.offset(center, -10, -3, -10), vector.offset(center, 10, 3, 10), { CHEST })
		assert.equals(3, #found)
	end)
end)

describe("found", function()
	it("disappears when punched", function()
		local alice = sim.join("alice")
		find_chests(alice, 1)
		assert.equals("air", minetest.get_node(vector.new(2, 1, 0)).name)
	end)

	it("congratulates the player", function()
		local alice = sim.join("alice")
		find_chests(alice, 1)
		assert.is_true(#sim.messages("alice") >= 1, "the player got no message")
	end)
end)

describe("score", function()
	it("starts at 0", function()
		sim.join("alice")
		assert.matches("0", sim.chat("alice", "/score")[1])
	end)

	it("counts the chests found", function()
		local alice = sim.join("alice")
		find_chests(alice, 2)
		assert.matches("2", sim.chat("alice", "/score")[1])
	end)
end)

describe("reward", function()
	it("gives no diamond after 2 chests", function()
		local alice = sim.join("alice")
		find_chests(alice, 2)
		assert.is_false(alice:get_inventory():contains_item("main", "default:diamond"))
	end)

	it("gives a diamond at the 3rd chest", function()
		local alice = sim.join("alice")
		find_chests(alice, 3)
		assert.is_true(alice:get_inventory():contains_item("main", "default:diamond"))
	end)
end)
