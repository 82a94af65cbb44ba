-- Specs for the spawn egg, feeding pigs and the pork.

local PIG, EGG = "walking_pig:pig", "walking_pig:spawn_egg"
local GROUND = vector.new(0, 0, 0)

-- Every pig in the world.
local function pigs()
	local found = {}
	for _, object in ipairs(minetest.get_objects_inside_radius(GROUND, 100)) do
		local entity = not object:is_player() and object:get_luaentity()
		if entity and entity.name == PIG then
			found[#found + 1] = object
		end
	end
	return found
end

-- What a player sees when pointing at the top of the node at `pos`.
local function pointing_at(pos)
	return { type = "node", under = vector.copy(pos), above = vector.offset(pos, 0, 1, 0) }
end

-- `player` uses the egg they hold on `pointed_thing`, as a right-click does.
local function use_egg(player, pointed_thing)
	local def = minetest.registered_items[EGG]
	local left = def.on_place(player:get_wielded_item(), player, pointed_thing)
	player:set_wielded_item(left)
end

describe("the spawn egg", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		minetest.set_node(GROUND, { name = "default:dirt_with_grass" })
		alice:set_wielded_item(EGG .. " 3")
	end)

	it("is registered with its picture", function()
		assert.equals("walking_pig_spawn_egg.png", minetest.registered_craftitems[EGG].inventory_image)
	end)

	it("has no recipe", function()
		assert.is_nil(minetest.get_all_craft_recipes(EGG))
	end)

	it("makes a pig appear on the ground it points at", function()
		use_egg(alice, pointing_at(GROUND))
		local found = pigs()
		assert.equals(1, #found)
		assert.same(vector.new(0, 1, 0), found[1]:get_pos())
	end)

	it("is used up", function()
		use_egg(alice, pointing_at(GROUND))
		assert.equals(EGG .. " 2", alice:get_wielded_item():to_string())
	end)

	it("makes one pig each time", function()
		for _ = 1, 3 do
			use_egg(alice, pointing_at(GROUND))
		end
		assert.equals(3, #pigs())
		assert.is_true(alice:get_wielded_item():is_empty())
	end)

	it("is not used up in creative mode", function()
		local bob = sim.join("bob", { "creative" })
		bob:set_wielded_item(EGG)
		use_egg(bob, pointing_at(GROUND))
		assert.equals(1, #pigs())
		assert.equals(EGG, bob:get_wielded_item():to_string())
	end)

	it("does nothing when pointing at nothing", function()
		use_egg(alice, { type = "nothing" })
		assert.equals(0, #pigs())
		assert.equals(EGG .. " 3", alice:get_wielded_item():to_string())
	end)

	describe("on protected land", function()
		local is_protected, record = minetest.is_protected, minetest.record_protection_violation
		local violations

		before_each(function()
			-- Everything above y = 0 belongs to somebody else.
			minetest.is_protected = function(pos)
				return pos.y > 0
			end
			violations = {}
			minetest.record_protection_violation = function(pos, name)
				violations[#violations + 1] = { pos = pos, name = name }
			end
		end)

		after_each(function()
			minetest.is_protected, minetest.record_protection_violation = is_protected, record
		end)

		it("makes no pig and keeps the egg", function()
			use_egg(alice, pointing_at(GROUND))
			assert.equals(0, #pigs())
			assert.equals(EGG .. " 3", alice:get_wielded_item():to_string())
		end)

		it("reports the attempt", function()
			use_egg(alice, pointing_at(GROUND))
			assert.equals("alice", violations[#violations].name)
			assert.same(vector.new(0, 1, 0), violations[#violations].pos)
		end)
	end)
end)

describe("feeding", function()
	local alice, pig

	before_each(function()
		alice = sim.join("alice")
		pig = minetest.add_entity(vector.new(0, 1, 0), PIG)
		pig:set_hp(3)
		alice:set_wielded_item("default:apple 5")
	end)

	it("an apple heals the pig by 2", function()
		pig:right_click(alice)
		assert.equals(5, pig:get_hp())
	end)

	it("uses one apple", function()
		pig:right_click(alice)
		assert.equals("default:apple 4", alice:get_wielded_item():to_string())
	end)

	it("counts the meals", function()
		pig:right_click(alice)
		pig:right_click(alice)
		assert.equals(2, pig:get_luaentity().fed)
	end)

	it("never heals above 8", function()
		pig:set_hp(7)
		pig:right_click(alice)
		assert.equals(8, pig:get_hp())
	end)

	it("is refused by a pig in full health, keeping the apple", function()
		pig:set_hp(8)
		pig:right_click(alice)
		assert.equals("default:apple 5", alice:get_wielded_item():to_string())
		assert.same({ "The pig is not hungry." }, sim.messages("alice"))
	end)

	it("needs an apple: other things are ignored", function()
		alice:set_wielded_item("default:dirt 5")
		pig:right_click(alice)
		assert.equals(3, pig:get_hp())
		assert.equals("default:dirt 5", alice:get_wielded_item():to_string())
	end)

	it("is free in creative mode", function()
		local bob = sim.join("bob", { "creative" })
		bob:set_wielded_item("default:apple")
		pig:right_click(bob)
		assert.equals(5, pig:get_hp())
		assert.equals("default:apple", bob:get_wielded_item():to_string())
	end)
end)

describe("pork", function()
	it("cooks in 10 seconds", function()
		local result = minetest.get_craft_result({ method = "cooking", width = 1, items = { "walking_pig:pork_raw" } })
		assert.equals("walking_pig:pork_cooked", result.item:to_string())
		assert.equals(10, result.time)
	end)

	it("does not cook twice", function()
		local result = minetest.get_craft_result({ method = "cooking", width = 1, items = { "walking_pig:pork_cooked" } })
		assert.is_true(result.item:is_empty())
	end)

	for _, food in ipairs({ { "walking_pig:pork_raw", 2, "walking_pig_pork_raw.png" }, { "walking_pig:pork_cooked", 6, "walking_pig_pork_cooked.png" } }) do
		local item, heals, image = food[1], food[2], food[3]

		it(item .. " has its picture", function()
			assert.equals(image, minetest.registered_craftitems[item].inventory_image)
		end)

		it(item .. " heals " .. heals .. " when eaten", function()
			local alice = sim.join("alice")
			alice:set_hp(10)
			alice:set_wielded_item(item .. " 2")
			local def = minetest.registered_items[item]
			local left = def.on_use(alice:get_wielded_item(), alice, { type = "nothing" })
			assert.equals(10 + heals, alice:get_hp())
			assert.is_nil(left)
			assert.equals(item, alice:get_wielded_item():to_string())
		end)

		it(item .. " never heals above 20", function()
			local alice = sim.join("alice")
			alice:set_hp(19)
			alice:set_wielded_item(item)
			minetest.registered_items[item].on_use(alice:get_wielded_item(), alice, { type = "nothing" })
			assert.equals(20, alice:get_hp())
		end)
	end
end)
