-- Specs for the trading stall and its window: run them with
-- `mtedu test examples/trader`.

local STALL = vector.new(2, 0, 0)

-- A formspec text as the player reads it: translation marks removed.
local function plain(text)
	return (text:gsub("\27%(T@[^)]*%)", ""):gsub("\27[FE]", ""))
end

-- The elements of the window alice sees, of one type.
local function elements_of(name, kind)
	local found = {}
	for _, element in ipairs(sim.formspec(name).elements) do
		if element.type == kind then
			found[#found + 1] = element
		end
	end
	return found
end

-- What the 3×3 crafting grid makes from `items` (row by row).
local function crafted(items)
	return minetest.get_craft_result({ method = "normal", width = 3, items = items }).item:get_name()
end

describe("the stall", function()
	it("is registered with its texture", function()
		local def = minetest.registered_nodes["trader:stall"]
		assert.not_nil(def)
		assert.same({ "trader_stall.png" }, def.tiles)
	end)

	it("registers the gold coin, stacking up to 999", function()
		local coin = ItemStack("trader:coin")
		assert.equals("trader_coin.png", coin:get_definition().inventory_image)
		assert.equals(999, coin:get_stack_max())
	end)

	it("is crafted from wool, sticks and wood", function()
		local wood, stick = "default:wood", "default:stick"
		assert.equals("trader:stall", crafted({ "wool:red", "wool:white", "wool:red", stick, wood, stick, stick, wood, stick }))
	end)

	it("takes any wood in its recipe", function()
		local wood, stick = "default:pine_wood", "default:stick"
		assert.equals("trader:stall", crafted({ "wool:red", "wool:white", "wool:red", stick, wood, stick, stick, wood, stick }))
	end)

	it("needs its wool (without it, it is the fence gate's recipe)", function()
		local wood, stick = "default:wood", "default:stick"
		assert.equals("doors:gate_wood_closed", crafted({ "", "", "", stick, wood, stick, stick, wood, stick }))
	end)
end)

describe("the window", function()
	before_each(function()
		sim.join("alice")
		sim.place_node("alice", STALL, "trader:stall")
	end)

	it("opens on a right-click", function()
		assert.is_nil(sim.formspec("alice"))
		sim.rightclick_node("alice", STALL)
		assert.equals("trader:stall", sim.formspec("alice").formname)
	end)

	it("opens only for the player who clicked", function()
		sim.join("bob")
		sim.rightclick_node("alice", STALL)
		assert.is_nil(sim.formspec("bob"))
	end)

	it("has the stall's title", function()
		sim.rightclick_node("alice", STALL)
		assert.equals("Trading stall", plain(elements_of("alice", "label")[1].args[2]))
	end)

	it("has one Trade button per offer", function()
		sim.rightclick_node("alice", STALL)
		assert.equals(#trader.offers, #elements_of("alice", "button"))
	end)

	for i, offer in ipairs(trader.offers) do
		it("shows offer " .. i .. ": " .. offer.give .. " for " .. offer.get, function()
			sim.rightclick_node("alice", STALL)
			local shown = sim.formspec("alice")
			local images = elements_of("alice", "item_image")
			assert.equals(offer.give, images[2 * i - 1].args[3])
			assert.equals(offer.get, images[2 * i].args[3])
			assert.equals("Trade", plain(shown.fields["trade_" .. i].args[4]))
		end)
	end

	it("asks how many times, 1 at first", function()
		sim.rightclick_node("alice", STALL)
		local field = sim.formspec("alice").fields.times
		assert.equals("field", field.type)
		assert.equals("How many times?", plain(field.args[4]))
		assert.equals("1", field.args[5])
	end)

	it("counts no trades for a newcomer", function()
		sim.rightclick_node("alice", STALL)
		assert.equals("Trades made: 0", plain(elements_of("alice", "label")[2].args[2]))
	end)

	it("has an empty status line at first", function()
		sim.rightclick_node("alice", STALL)
		local labels = elements_of("alice", "label")
		assert.equals("", labels[#labels].args[2])
	end)

	it("is big enough for every offer", function()
		sim.rightclick_node("alice", STALL)
		local size = elements_of("alice", "size")[1].args[1]
		assert.equals("10," .. (3 + #trader.offers * 1.25), size)
	end)

	it("leaves the item in hand as it was", function()
		local alice = minetest.get_player_by_name("alice")
		alice:set_wielded_item("default:apple 3")
		assert.equals("default:apple 3", sim.rightclick_node("alice", STALL):to_string())
	end)
end)
