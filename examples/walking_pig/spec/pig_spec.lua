-- Specs for the pig itself: run them with `mtedu test examples/walking_pig`.

local PIG = "walking_pig:pig"
local START = vector.new(0, 10, 0)

-- A new pig at START: its object.
local function new_pig(staticdata)
	return minetest.add_entity(START, PIG, staticdata)
end

-- Horizontal speed of an object.
local function speed(object)
	local v = object:get_velocity()
	return math.sqrt(v.x * v.x + v.z * v.z)
end

local function near(expected, actual, message)
	assert.is_true(math.abs(expected - actual) < 1e-6, (message or "") .. ": expected " .. expected .. ", got " .. actual)
end

-- Punches `object` as `player` with what they hold, a long time after the last punch.
local function punch(object, player, time_from_last_punch)
	local caps = player:get_wielded_item():get_tool_capabilities()
	local dir = vector.direction(player:get_pos(), object:get_pos())
	return object:punch(player, time_from_last_punch or 10, caps, dir)
end

describe("the pig", function()
	local def = minetest.registered_entities[PIG]

	it("is registered", function()
		assert.not_nil(def)
	end)

	it("has 8 health points", function()
		assert.equals(8, def.initial_properties.hp_max)
		assert.equals(8, new_pig():get_hp())
	end)

	it("is a cube with a face in front and skin elsewhere", function()
		local textures = def.initial_properties.textures
		assert.equals("cube", def.initial_properties.visual)
		assert.equals(6, #textures)
		assert.equals("walking_pig_pig_face.png", textures[6])
		for i = 1, 5 do
			assert.equals("walking_pig_pig_skin.png", textures[i])
		end
	end)

	it("bumps into nodes and other objects", function()
		assert.is_true(def.initial_properties.physical)
		assert.is_true(def.initial_properties.collide_with_objects)
	end)

	it("can be hurt (armor group fleshy)", function()
		assert.same({ fleshy = 100 }, new_pig():get_armor_groups())
	end)

	it("falls like a player", function()
		local pig = new_pig()
		near(-9.81, pig:get_acceleration().y, "gravity")
		sim.step(1)
		assert.is_true(pig:get_pos().y < START.y)
	end)
end)

describe("saving and loading a pig", function()
	it("remembers its health and meals", function()
		local pig = new_pig()
		pig:set_hp(5)
		pig:get_luaentity().fed = 2
		local saved = pig:get_luaentity():get_staticdata()
		local loaded = new_pig(saved)
		assert.equals(5, loaded:get_hp())
		assert.equals(2, loaded:get_luaentity().fed)
	end)

	-- Saved data a new pig may get: nothing, or something broken.
	for _, staticdata in ipairs({ "", "not lua at all", "return 42" }) do
		it(string.format("starts healthy from the saved data %q", staticdata), function()
			local pig = new_pig(staticdata)
			assert.equals(8, pig:get_hp())
			assert.equals(0, pig:get_luaentity().fed)
		end)
	end

	it("keeps its own values apart from other pigs", function()
		local first, second = new_pig(), new_pig()
		first:get_luaentity().fed = 3
		assert.equals(0, second:get_luaentity().fed)
	end)
end)

describe("walking", function()
	it("stands still for the first 3 seconds", function()
		local pig = new_pig()
		sim.step(2.9)
		assert.equals(0, speed(pig))
	end)

	-- The pig's choices are random: try several seeds of math.random.
	for seed = 1, 6 do
		it("stands or walks at 1 node/s after 3 seconds (seed " .. seed .. ")", function()
			math.randomseed(seed)
			local pig = new_pig()
			sim.step(3.1)
			local s = speed(pig)
			assert.is_true(math.abs(s) < 1e-9 or math.abs(s - 1) < 1e-9, "speed " .. s)
		end)
	end

	it("faces the way it walks", function()
		math.randomseed(7)
		local pig = new_pig()
		for _ = 1, 20 do
			sim.step(3)
			if speed(pig) > 0 then
				local dir = minetest.yaw_to_dir(pig:get_yaw())
				local v = pig:get_velocity()
				near(v.x, dir.x, "x")
				near(v.z, dir.z, "z")
			end
		end
	end)

	it("walks sometimes and stands sometimes", function()
		math.randomseed(3)
		local pig = new_pig()
		local walked, stood = 0, 0
		for _ = 1, 60 do
			sim.step(3)
			if speed(pig) > 0 then walked = walked + 1 else stood = stood + 1 end
		end
		assert.is_true(walked > stood, walked .. " walks, " .. stood .. " stops")
		assert.is_true(stood > 5, stood .. " stops")
	end)

	it("goes in every direction over time", function()
		math.randomseed(11)
		local pig = new_pig()
		local seen = {}
		for _ = 1, 60 do
			sim.step(3)
			local v = pig:get_velocity()
			if speed(pig) > 0 then
				seen[(v.x > 0 and "east" or "west") .. "-" .. (v.z > 0 and "north" or "south")] = true
			end
		end
		assert.same({ ["east-north"] = true, ["east-south"] = true, ["west-north"] = true, ["west-south"] = true }, seen)
	end)

	it("actually moves when it walks", function()
		math.randomseed(5)
		local pig = new_pig()
		local before = pig:get_pos()
		sim.step(30)
		local after = pig:get_pos()
		assert.is_true(vector.distance(vector.new(before.x, 0, before.z), vector.new(after.x, 0, after.z)) > 1)
	end)

	it("keeps falling while it walks", function()
		local pig = new_pig()
		sim.step(4)
		assert.is_true(pig:get_velocity().y < -30)
	end)
end)

describe("punching", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		alice:set_pos(vector.new(-2, 10, 0))
	end)

	it("hurts the pig", function()
		local pig = new_pig()
		punch(pig, alice)
		assert.equals(7, pig:get_hp())
	end)

	it("makes the pig run away from the puncher", function()
		local pig = new_pig()
		punch(pig, alice)
		local v = pig:get_velocity()
		near(4, v.x, "away along x")
		near(0, v.z, "no sideways run")
	end)

	it("makes the pig face away from the puncher", function()
		local pig = new_pig()
		punch(pig, alice)
		local dir = minetest.yaw_to_dir(pig:get_yaw())
		near(1, dir.x, "facing east")
	end)

	it("sends the pig the other way when punched from the other side", function()
		alice:set_pos(vector.new(0, 10, 3))
		local pig = new_pig()
		punch(pig, alice)
		local v = pig:get_velocity()
		near(0, v.x, "x")
		near(-4, v.z, "z")
	end)

	it("keeps it running for 3 seconds, then calm again", function()
		local pig = new_pig()
		punch(pig, alice)
		sim.step(2.9)
		near(4, speed(pig), "still running")
		sim.step(3.2)
		assert.is_true(speed(pig) <= 1 + 1e-9, "calm again")
	end)

	it("barely hurts a pig right after another punch", function()
		local pig = new_pig()
		alice:set_wielded_item("default:sword_steel")
		punch(pig, alice, 0.1)
		assert.equals(8, pig:get_hp())
	end)

	-- What a player holds, the damage of one full punch, and how many
	-- punches kill a pig with 8 health points.
	local weapons = {
		{ "", 1, 8 },
		{ "default:dirt", 1, 8 },
		{ "default:pick_wood", 2, 4 },
		{ "default:sword_stone", 4, 2 },
		{ "default:sword_steel", 6, 2 },
		{ "default:sword_diamond", 8, 1 },
	}
	for _, weapon in ipairs(weapons) do
		local item, damage, punches = weapon[1], weapon[2], weapon[3]
		local held = item == "" and "bare hands" or item
		it("takes " .. damage .. " health points a punch with " .. held, function()
			alice:set_wielded_item(item)
			local pig = new_pig()
			pig:set_hp(20)
			punch(pig, alice)
			assert.equals(20 - damage, pig:get_hp())
		end)

		it("kills a pig in " .. punches .. " punches with " .. held, function()
			alice:set_wielded_item(item)
			local pig = new_pig()
			for _ = 1, punches - 1 do
				punch(pig, alice)
			end
			assert.not_nil(pig:get_luaentity(), "alive before the last punch")
			punch(pig, alice)
			assert.is_nil(pig:get_luaentity(), "dead after the last punch")
		end)
	end
end)

describe("a dead pig", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		alice:set_pos(vector.new(-2, 10, 0))
		alice:set_wielded_item("default:sword_steel")
	end)

	local function kill(pig)
		punch(pig, alice)
		punch(pig, alice)
	end

	it("disappears", function()
		local pig = new_pig()
		kill(pig)
		assert.is_nil(pig:get_luaentity())
		for _, object in ipairs(minetest.get_objects_inside_radius(START, 5)) do
			if not object:is_player() then
				assert.are_not.equal(PIG, object:get_luaentity().name)
			end
		end
	end)

	-- How much pork falls is random: try several seeds.
	for seed = 1, 5 do
		it("drops 1 to 3 raw pork where it stood (seed " .. seed .. ")", function()
			math.randomseed(seed)
			local pig = new_pig()
			local where = pig:get_pos()
			kill(pig)
			local items = sim.items()
			assert.equals(1, #items)
			local stack = ItemStack(items[1].itemstring)
			assert.equals("walking_pig:pork_raw", stack:get_name())
			assert.is_true(stack:get_count() >= 1 and stack:get_count() <= 3)
			assert.is_true(vector.distance(where, items[1].pos) < 1e-9)
		end)
	end

	it("drops every amount from 1 to 3 over many pigs", function()
		math.randomseed(1)
		local amounts = {}
		for _ = 1, 30 do
			kill(new_pig())
		end
		for _, item in ipairs(sim.items()) do
			amounts[ItemStack(item.itemstring):get_count()] = true
		end
		assert.same({ true, true, true }, amounts)
	end)
end)
