-- Objectives of lesson 04-punch-block: one describe block per objective.

local pos = vector.new(0, 1, 0)

local function punch(times)
	local alice = sim.join("alice")
	minetest.set_node(pos, { name = "punch_block:block" })
	for _ = 1, times do
		sim.punch_node(alice, pos)
	end
	return sim.messages("alice")
end

describe("block", function()
	it("is registered", function()
		assert.not_nil(minetest.registered_nodes["punch_block:block"])
	end)
end)

describe("message", function()
	it("talks to the player who punches it", function()
		assert.is_true(#punch(1) >= 1, "the player got no message")
	end)
end)

describe("counter", function()
	it("counts punches in the node's metadata", function()
		punch(3)
		assert.equals(3, minetest.get_meta(pos):get_int("punches"))
	end)

	it("says the number", function()
		local said = punch(3)
		assert.matches("3", said[#said])
	end)
end)

describe("gold", function()
	it("registers punch_block:gold with its picture", function()
		local gold = minetest.registered_nodes["punch_block:gold"]
		assert.not_nil(gold)
		assert.same({ "punch_block_gold.png" }, gold.tiles)
	end)

	it("stays a block for 4 punches", function()
		punch(4)
		assert.equals("punch_block:block", minetest.get_node(pos).name)
	end)

	it("turns into gold at the fifth punch", function()
		punch(5)
		assert.equals("punch_block:gold", minetest.get_node(pos).name)
	end)
end)
