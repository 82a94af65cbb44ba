-- Specs for magic_lamp: run them with `mtedu test examples/magic_lamp`.

local OFF, ON = "magic_lamp:lamp_off", "magic_lamp:lamp_on"
local POS = vector.new(0, 1, 0)

local function name_at(pos)
	return minetest.get_node(pos).name
end

local function infotext(pos)
	return minetest.get_meta(pos):get_string("infotext")
end

-- The text a player reads, without translation marks.
local function plain(text)
	return (text:gsub("\27%(T@[^)]*%)", ""):gsub("\27[FE]", ""))
end

describe("the lamps", function()
	it("registers the lamp that is off, with its texture and no light", function()
		local def = minetest.registered_nodes[OFF]
		assert.not_nil(def)
		assert.same({ "magic_lamp_lamp_off.png" }, def.tiles)
		assert.equals(0, def.light_source or 0)
	end)

	it("registers the lit lamp with the brightest light", function()
		local def = minetest.registered_nodes[ON]
		assert.same({ "magic_lamp_lamp_on.png" }, def.tiles)
		assert.equals(minetest.LIGHT_MAX, def.light_source)
		assert.equals(14, def.light_source)
	end)

	it("keeps the lit lamp out of the creative inventory", function()
		assert.equals(1, minetest.get_item_group(ON, "not_in_creative_inventory"))
		assert.equals(0, minetest.get_item_group(OFF, "not_in_creative_inventory"))
	end)

	for _, name in ipairs({ OFF, ON }) do
		it(name .. " drops the lamp that is off", function()
			local drops = minetest.get_node_drops(name, "")
			assert.equals(1, #drops)
			assert.equals(OFF, ItemStack(drops[1]):get_name())
		end)

		it(name .. " can be dug by hand", function()
			assert.equals(3, minetest.get_item_group(name, "oddly_breakable_by_hand"))
		end)
	end
end)

describe("the recipe", function()
	local glass, fragment, torch = "default:glass", "default:mese_crystal_fragment", "default:torch"

	local function craft(items)
		return minetest.get_craft_result({ method = "normal", width = 3, items = items })
	end

	it("makes a lamp from glass, a torch and a mese fragment", function()
		local result = craft({ glass, fragment, glass, glass, torch, glass, glass, glass, glass })
		assert.equals(OFF, result.item:to_string())
	end)

	it("needs the fragment on top", function()
		local result = craft({ glass, glass, glass, glass, torch, glass, glass, fragment, glass })
		assert.is_true(result.item:is_empty())
	end)

	it("needs the torch in the middle", function()
		local result = craft({ glass, fragment, glass, glass, glass, glass, glass, glass, glass })
		assert.is_true(result.item:is_empty())
	end)

	it("is the lamp's only recipe", function()
		local recipes = minetest.get_all_craft_recipes(OFF)
		assert.equals(1, #recipes)
		assert.equals(9, #recipes[1].items)
	end)
end)

describe("a placed lamp", function()
	before_each(function()
		sim.place_node(sim.join("alice"), POS, OFF)
	end)

	it("is off and says how to light it", function()
		assert.equals(OFF, name_at(POS))
		assert.equals("Magic lamp (off, lit 0 times): punch it!", plain(infotext(POS)))
	end)

	it("has no timer running", function()
		assert.is_false(minetest.get_node_timer(POS):is_started())
		assert.equals(0, magic_lamp.time_left(POS))
	end)

	-- Punching and right-clicking both switch the lamp.
	local actions = { punch = sim.punch_node, ["right-click"] = sim.rightclick_node }
	for action, act in pairs(actions) do
		it("lights up on a " .. action, function()
			act("alice", POS)
			assert.equals(ON, name_at(POS))
			assert.equals("Magic lamp (on, lit 1 times)", plain(infotext(POS)))
		end)

		it("starts a " .. magic_lamp.BURN_TIME .. " s timer on a " .. action, function()
			act("alice", POS)
			local timer = minetest.get_node_timer(POS)
			assert.is_true(timer:is_started())
			assert.equals(30, timer:get_timeout())
		end)

		it("goes out on a second " .. action .. ", timer stopped", function()
			act("alice", POS)
			act("alice", POS)
			assert.equals(OFF, name_at(POS))
			assert.is_false(minetest.get_node_timer(POS):is_started())
			assert.equals("Magic lamp (off, lit 1 times): punch it!", plain(infotext(POS)))
		end)

		it("counts how many times it was lit, " .. action .. " after " .. action, function()
			for _ = 1, 5 do
				act("alice", POS)
			end
			assert.equals(3, minetest.get_meta(POS):get_int("lit_count"))
			assert.equals(ON, name_at(POS))
		end)
	end

	it("keeps its metadata when switched (swap_node, not set_node)", function()
		minetest.get_meta(POS):set_string("owner", "alice")
		sim.punch_node("alice", POS)
		sim.punch_node("alice", POS)
		assert.equals("alice", minetest.get_meta(POS):get_string("owner"))
	end)

	it("gives back the item in hand untouched when lit by a right-click", function()
		local alice = minetest.get_player_by_name("alice")
		alice:set_wielded_item("default:dirt 5")
		local left = sim.rightclick_node("alice", POS)
		assert.equals("default:dirt 5", left:to_string())
	end)

	it("switches only itself", function()
		local other = vector.new(3, 1, 0)
		sim.place_node("alice", other, OFF)
		sim.punch_node("alice", POS)
		assert.equals(OFF, name_at(other))
		assert.is_false(minetest.get_node_timer(other):is_started())
	end)
end)

describe("the timer", function()
	before_each(function()
		sim.place_node(sim.join("alice"), POS, OFF)
		sim.punch_node("alice", POS)
	end)

	it("keeps the lamp lit for 29 seconds", function()
		sim.step(29)
		assert.equals(ON, name_at(POS))
		assert.is_true(math.abs(magic_lamp.time_left(POS) - 1) < 0.2)
	end)

	it("puts the lamp out after 30 seconds", function()
		sim.step(30.1)
		assert.equals(OFF, name_at(POS))
		assert.equals("Magic lamp (off, lit 1 times): punch it!", plain(infotext(POS)))
	end)

	it("is stopped once the lamp is out", function()
		sim.step(31)
		assert.is_false(minetest.get_node_timer(POS):is_started())
		assert.equals(0, magic_lamp.time_left(POS))
	end)

	it("does not light the lamp again when it stays out", function()
		sim.step(100)
		assert.equals(OFF, name_at(POS))
		assert.equals(1, minetest.get_meta(POS):get_int("lit_count"))
	end)

	it("starts again from 30 seconds when the lamp is lit again", function()
		sim.step(20)
		sim.punch_node("alice", POS)
		sim.punch_node("alice", POS)
		sim.step(20)
		assert.equals(ON, name_at(POS))
		sim.step(10.1)
		assert.equals(OFF, name_at(POS))
	end)

	it("does not fire after the lamp was put out by hand", function()
		sim.step(10)
		sim.punch_node("alice", POS)
		minetest.get_meta(POS):set_string("infotext", "changed")
		sim.step(40)
		assert.equals("changed", infotext(POS))
	end)

	it("runs for each lamp on its own", function()
		local later = vector.new(5, 1, 5)
		sim.place_node("alice", later, OFF)
		sim.step(15)
		sim.punch_node("alice", later)
		sim.step(15.1)
		assert.equals(OFF, name_at(POS))
		assert.equals(ON, name_at(later))
		sim.step(15)
		assert.equals(OFF, name_at(later))
	end)
end)

describe("recharging with a mese fragment", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		sim.place_node(alice, POS, OFF)
		sim.punch_node("alice", POS)
		alice:set_wielded_item(magic_lamp.FUEL .. " 10")
	end)

	-- Light left after each fragment: 30 s more each time, never above 120 s.
	for fragments, left in ipairs({ 60, 90, 120, 120, 120 }) do
		it("leaves " .. left .. " s of light after " .. fragments .. " fragment(s)", function()
			for _ = 1, fragments do
				alice:set_wielded_item(sim.rightclick_node("alice", POS))
			end
			assert.equals(left, magic_lamp.time_left(POS))
			assert.equals(ON, name_at(POS))
		end)
	end

	it("uses one fragment a charge", function()
		local left = sim.rightclick_node("alice", POS)
		assert.equals(magic_lamp.FUEL .. " 9", left:to_string())
	end)

	it("does not use a fragment when the lamp is full", function()
		for _ = 1, 3 do
			alice:set_wielded_item(sim.rightclick_node("alice", POS))
		end
		assert.equals(magic_lamp.FUEL .. " 7", alice:get_wielded_item():to_string())
		local left = sim.rightclick_node("alice", POS)
		assert.equals(magic_lamp.FUEL .. " 7", left:to_string())
	end)

	it("is free in creative mode", function()
		sim.join("bob", { "creative" })
		local bob = minetest.get_player_by_name("bob")
		bob:set_wielded_item(magic_lamp.FUEL)
		local left = sim.rightclick_node("bob", POS)
		assert.equals(magic_lamp.FUEL, left:to_string())
		assert.equals(60, magic_lamp.time_left(POS))
	end)

	it("keeps the lamp lit longer", function()
		sim.rightclick_node("alice", POS)
		sim.step(45)
		assert.equals(ON, name_at(POS))
		sim.step(15.1)
		assert.equals(OFF, name_at(POS))
	end)

	it("lights a lamp that is off without using the fragment", function()
		sim.punch_node("alice", POS)
		local left = sim.rightclick_node("alice", POS)
		assert.equals(ON, name_at(POS))
		assert.equals(magic_lamp.FUEL .. " 10", left:to_string())
		assert.equals(30, magic_lamp.time_left(POS))
	end)
end)

describe("digging", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		sim.place_node(alice, POS, OFF)
	end)

	it("gives the lamp back", function()
		sim.dig_node("alice", POS)
		assert.equals("air", name_at(POS))
		assert.is_true(alice:get_inventory():contains_item("main", OFF))
	end)

	it("gives the lamp that is off when the lamp is lit", function()
		sim.punch_node("alice", POS)
		sim.dig_node("alice", POS)
		assert.is_true(alice:get_inventory():contains_item("main", OFF))
		assert.is_false(alice:get_inventory():contains_item("main", ON))
	end)

	it("leaves nothing that would light up later", function()
		sim.punch_node("alice", POS)
		sim.dig_node("alice", POS)
		sim.step(40)
		assert.equals("air", name_at(POS))
	end)
end)
