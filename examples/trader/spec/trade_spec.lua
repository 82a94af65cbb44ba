-- Specs for trading: what a click on "Trade" does to the inventory.

local STALL = vector.new(2, 0, 0)
local FORM = "trader:stall"

local alice, inventory

-- A formspec text as the player reads it: translation marks removed.
local function plain(text)
	return (text:gsub("\27%(T@[^)]*%)", ""):gsub("\27[FE]", ""))
end

-- The status line of the window alice sees (its last label).
local function status()
	local last
	for _, element in ipairs(sim.formspec("alice").elements) do
		if element.type == "label" then
			last = element
		end
	end
	return plain(last.args[2])
end

-- alice clicks the button of offer `i`, with `times` typed in the field.
local function click(i, times)
	return sim.submit_fields("alice", FORM, { ["trade_" .. i] = "Trade", times = times or "1" })
end

local function count(itemname)
	return trader.count(inventory, itemname)
end

before_each(function()
	alice = sim.join("alice")
	inventory = alice:get_inventory()
	sim.place_node("alice", STALL, "trader:stall")
	sim.rightclick_node("alice", STALL)
end)

describe("each offer", function()
	for i, offer in ipairs(trader.offers) do
		local give, get = ItemStack(offer.give), ItemStack(offer.get)

		it("trades " .. offer.give .. " for " .. offer.get, function()
			inventory:add_item("main", offer.give)
			assert.is_true(click(i))
			assert.equals(0, count(give:get_name()))
			assert.equals(get:get_count(), count(get:get_name()))
		end)

		it("refuses " .. offer.give .. " minus one", function()
			local short = ItemStack(offer.give)
			short:set_count(give:get_count() - 1)
			inventory:add_item("main", short)
			click(i)
			assert.equals(give:get_count() - 1, count(give:get_name()))
			assert.equals(0, count(get:get_name()))
			assert.matches("^You need " .. give:get_count() .. " .*, you have " .. (give:get_count() - 1) .. "%.$", status())
		end)
	end
end)

describe("a trade", function()
	it("says what was given and got", function()
		inventory:add_item("main", "default:apple 5")
		click(1)
		assert.equals("You gave 5 Apple and got 1 Gold coin.", status())
	end)

	it("keeps the window open with the result", function()
		inventory:add_item("main", "default:apple 5")
		click(1)
		assert.equals(FORM, sim.formspec("alice").formname)
	end)

	it("is counted in the player's metadata and shown", function()
		inventory:add_item("main", "default:apple 10")
		click(1)
		click(1)
		assert.equals(2, alice:get_meta():get_int("trader:trades"))
		assert.matches("Trades made: 2", plain(sim.formspec("alice").formspec))
	end)

	it("does not count refused trades", function()
		click(5)
		assert.equals(0, alice:get_meta():get_int("trader:trades"))
	end)

	it("takes the payment from several stacks", function()
		inventory:set_stack("main", 1, "trader:coin 4")
		inventory:set_stack("main", 7, "trader:coin 4")
		inventory:set_stack("main", 20, "trader:coin 4")
		click(5)
		assert.equals(2, count("trader:coin"))
		assert.equals(1, count("default:diamond"))
	end)

	it("leaves the other items alone", function()
		inventory:add_item("main", "default:apple 7")
		inventory:add_item("main", "default:dirt 3")
		click(1)
		assert.equals(2, count("default:apple"))
		assert.equals(3, count("default:dirt"))
	end)

	it("can pay with coins just earned", function()
		inventory:add_item("main", "default:apple 10")
		click(1, "2")
		click(3)
		assert.equals(1, count("default:steel_ingot"))
		assert.equals(0, count("trader:coin"))
	end)

	it("is refused when the inventory has no room, and nothing is taken", function()
		for i = 1, inventory:get_size("main") do
			inventory:set_stack("main", i, "default:apple 99")
		end
		click(1)
		assert.equals(99 * inventory:get_size("main"), count("default:apple"))
		assert.equals("Your inventory is full: make room for 1 Gold coin.", status())
	end)

	it("is made when a stack of the bought item still has room", function()
		for i = 1, inventory:get_size("main") do
			inventory:set_stack("main", i, "default:apple 99")
		end
		inventory:set_stack("main", 32, "trader:coin 5")
		click(1)
		assert.equals(6, count("trader:coin"))
	end)
end)

describe("how many times", function()
	-- What can be typed in the field, and the number of trades it makes.
	local cases = {
		{ "1", 1 }, { "3", 3 }, { "10", 10 }, { " 4 ", 4 },
		{ "", nil }, { "abc", nil }, { "0", nil }, { "-2", nil }, { "11", nil }, { "2.5", nil }, { "1e1", nil }, { "007", 7 },
	}
	for _, case in ipairs(cases) do
		local typed, times = case[1], case[2]
		it(string.format("%s %q", times and "accepts" or "refuses", typed), function()
			inventory:add_item("main", "default:apple 99")
			click(1, typed)
			if times then
				assert.equals(times, count("trader:coin"))
				assert.equals(99 - 5 * times, count("default:apple"))
			else
				assert.equals(0, count("trader:coin"))
				assert.equals("Type a whole number from 1 to 10.", status())
			end
		end)
	end

	it("refuses the whole trade when the payment is for fewer times", function()
		inventory:add_item("main", "default:apple 14")
		click(1, "3")
		assert.equals(14, count("default:apple"))
		assert.equals("You need 15 Apple, you have 14.", status())
	end)

	it("treats a missing field as a wrong number", function()
		inventory:add_item("main", "default:apple 5")
		sim.submit_fields("alice", FORM, { trade_1 = "Trade" })
		assert.equals(5, count("default:apple"))
	end)
end)

describe("what the window sends back", function()
	it("is left to other mods when it comes from another window", function()
		inventory:add_item("main", "default:apple 5")
		assert.is_false(sim.submit_fields("alice", "othermod:form", { trade_1 = "Trade", times = "1" }))
		assert.equals(5, count("default:apple"))
	end)

	it("closes the stall on quit", function()
		inventory:add_item("main", "default:apple 5")
		assert.is_true(sim.submit_fields("alice", FORM, { quit = "true" }))
		click(1)
		assert.equals(5, count("default:apple"), "trading after closing the window")
	end)

	it("does nothing without a button", function()
		inventory:add_item("main", "default:apple 5")
		assert.is_true(sim.submit_fields("alice", FORM, { times = "1" }))
		assert.equals(5, count("default:apple"))
	end)

	it("is ignored from a player who never opened a stall", function()
		local bob = sim.join("bob")
		bob:get_inventory():add_item("main", "default:apple 5")
		sim.submit_fields("bob", FORM, { trade_1 = "Trade", times = "1" })
		assert.equals(5, trader.count(bob:get_inventory(), "default:apple"))
	end)

	it("is ignored when the stall was dug meanwhile", function()
		inventory:add_item("main", "default:apple 5")
		minetest.remove_node(STALL)
		click(1)
		assert.equals(5, count("default:apple"))
	end)

	it("is ignored when the player walked away", function()
		inventory:add_item("main", "default:apple 5")
		alice:set_pos(vector.new(50, 0, 0))
		click(1)
		assert.equals(5, count("default:apple"))
	end)

	it("is ignored after the player left and came back", function()
		inventory:add_item("main", "default:apple 5")
		sim.leave("alice")
		alice = sim.join("alice")
		alice:get_inventory():add_item("main", "default:apple 5")
		click(1)
		assert.equals(5, trader.count(alice:get_inventory(), "default:apple"))
	end)

	it("works again after the stall is opened again", function()
		inventory:add_item("main", "default:apple 5")
		sim.submit_fields("alice", FORM, { quit = "true" })
		sim.rightclick_node("alice", STALL)
		click(1)
		assert.equals(1, count("trader:coin"))
	end)
end)
