-- Specs for what the tools do: digging, wear, hitting, finding treasure.

local PICKAXE, SHOVEL, SWORD, FINDER = "treasure_tools:pickaxe", "treasure_tools:shovel", "treasure_tools:sword", "treasure_tools:finder"

local function caps(tool)
	return ItemStack(tool):get_tool_capabilities()
end

local function near(expected, actual, message)
	assert.is_true(math.abs(expected - actual) < 1e-6, (message or "") .. ": expected " .. expected .. ", got " .. actual)
end

describe("digging times and wear", function()
	-- Tool, node, seconds to dig it (nil: the tool cannot dig it) and wear
	-- added by one dig (65536 is a whole tool). A node `leveldiff` levels
	-- below the tool's maxlevel is dug `leveldiff` times faster and wears
	-- the tool 3^leveldiff times less.
	local cases = {
		{ PICKAXE, "default:obsidian", 2.0, 2184 },
		{ PICKAXE, "default:steelblock", 2.0, 2184 },
		{ PICKAXE, "default:stone", 0.25, 242 },
		{ PICKAXE, "default:cobble", 0.25, 242 },
		{ PICKAXE, "default:stone_with_diamond", 1.0, 242 },
		{ PICKAXE, "default:dirt", nil },
		{ PICKAXE, "default:leaves", nil },
		{ SHOVEL, "default:dirt", 0.125, 242 },
		{ SHOVEL, "default:sand", 0.125, 242 },
		{ SHOVEL, "default:gravel", 0.25, 242 },
		{ SHOVEL, "default:stone", nil },
		{ SWORD, "default:leaves", 0.1, 182 },
		{ SWORD, "default:papyrus", 0.1, 182 },
		{ SWORD, "default:stone", nil },
		{ FINDER, "default:stone", nil },
	}
	for _, case in ipairs(cases) do
		local tool, node, time, wear = case[1], case[2], case[3], case[4]
		local groups = minetest.registered_nodes[node].groups
		if time then
			it(tool .. " digs " .. node .. " in " .. time .. " s, wear " .. wear, function()
				local params = minetest.get_dig_params(groups, caps(tool))
				assert.is_true(params.diggable)
				near(time, params.time, "time")
				assert.equals(wear, params.wear)
			end)
		else
			it(tool .. " cannot dig " .. node, function()
				assert.is_false(minetest.get_dig_params(groups, caps(tool)).diggable)
			end)
		end
	end
end)

describe("wear while digging", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		alice:set_wielded_item(PICKAXE)
	end)

	local function dig(node)
		local pos = vector.new(0, 0, 0)
		minetest.set_node(pos, { name = node })
		sim.dig_node("alice", pos)
	end

	it("a new pickaxe has no wear", function()
		assert.equals(0, alice:get_wielded_item():get_wear())
	end)

	it("digging stone wears it a little", function()
		dig("default:stone")
		assert.equals(242, alice:get_wielded_item():get_wear())
	end)

	it("digging obsidian wears it much more", function()
		dig("default:obsidian")
		assert.equals(2184, alice:get_wielded_item():get_wear())
	end)

	it("puts what was dug in the inventory", function()
		dig("default:obsidian")
		assert.is_true(alice:get_inventory():contains_item("main", "default:obsidian"))
	end)

	it("breaks after 30 blocks of obsidian", function()
		for _ = 1, 29 do
			dig("default:obsidian")
		end
		assert.equals(PICKAXE, alice:get_wielded_item():get_name(), "still there after 29")
		dig("default:obsidian")
		-- The obsidian just dug takes the empty place in the hand.
		assert.is_false(alice:get_inventory():contains_item("main", PICKAXE), "broken after 30")
	end)

	it("plays the breaking sound when it breaks", function()
		alice:set_wielded_item(ItemStack({ name = PICKAXE, wear = 65000 }))
		dig("default:obsidian")
		local played = {}
		for _, sound in ipairs(sim.sounds()) do
			played[sound.spec.name] = true
		end
		assert.is_false(alice:get_inventory():contains_item("main", PICKAXE))
		assert.is_true(played.default_tool_breaks)
	end)

	it("does not wear in creative mode", function()
		local bob = sim.join("bob", { "creative" })
		bob:set_wielded_item(PICKAXE)
		local pos = vector.new(1, 0, 0)
		minetest.set_node(pos, { name = "default:obsidian" })
		sim.dig_node("bob", pos)
		assert.equals(0, bob:get_wielded_item():get_wear())
	end)
end)

describe("hitting", function()
	local armor = { fleshy = 100 }

	-- Damage of one full-strength hit on a player-like target.
	for tool, damage in pairs({ [PICKAXE] = 5, [SHOVEL] = 4, [SWORD] = 7 }) do
		it(tool .. " hits for " .. damage, function()
			assert.equals(damage, minetest.get_hit_params(armor, caps(tool), 10).hp)
		end)
	end

	it("hits half as hard when swung twice as fast as it should", function()
		assert.equals(3, minetest.get_hit_params(armor, caps(SWORD), 0.4).hp)
	end)

	it("the sword wears by 655 a full hit: 100 hits", function()
		assert.equals(655, minetest.get_hit_params(armor, caps(SWORD), 10).wear)
	end)

	-- Without punch_attack_uses, the engine takes the uses of the first
	-- groupcap: 30 × 3^(maxlevel − 1) = 90 hits.
	it("the pickaxe wears by 728 a full hit: 90 hits", function()
		assert.equals(90, caps(PICKAXE).punch_attack_uses)
		assert.equals(728, minetest.get_hit_params(armor, caps(PICKAXE), 10).wear)
	end)
end)

describe("the treasure finder", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		alice:set_pos(vector.new(0, 0, 0))
		alice:set_wielded_item(FINDER)
	end)

	-- A left click with the finder: what alice reads.
	local function use()
		local def = minetest.registered_items[FINDER]
		local left = def.on_use(alice:get_wielded_item(), alice, { type = "nothing" })
		alice:set_wielded_item(left)
		local messages = sim.messages("alice")
		return messages[#messages]
	end

	it("is cold with no treasure around", function()
		assert.equals("Cold: no treasure within 8 nodes.", use())
	end)

	-- Where the treasure is (along x), and the clue.
	local clues = {
		{ 0, "Very hot! A treasure is 0 nodes away." },
		{ 1, "Very hot! A treasure is 1 nodes away." },
		{ 2, "Very hot! A treasure is 2 nodes away." },
		{ 3, "Hot! A treasure is 3 nodes away." },
		{ 5, "Hot! A treasure is 5 nodes away." },
		{ 6, "Warm: a treasure is 6 nodes away." },
		{ 8, "Warm: a treasure is 8 nodes away." },
		{ 9, "Cold: no treasure within 8 nodes." },
		{ -4, "Hot! A treasure is 4 nodes away." },
	}
	for _, case in ipairs(clues) do
		local x, said = case[1], case[2]
		it("says " .. string.format("%q", said) .. " for a treasure at x = " .. x, function()
			minetest.set_node(vector.new(x, 0, 0), { name = "default:stone_with_diamond" })
			assert.equals(said, use())
		end)
	end

	it("measures the distance in a straight line", function()
		minetest.set_node(vector.new(3, 0, 4), { name = "default:stone_with_gold" })
		assert.equals("Hot! A treasure is 5 nodes away.", use())
	end)

	it("looks up and down too", function()
		minetest.set_node(vector.new(0, -7, 0), { name = "default:stone_with_mese" })
		assert.equals("Warm: a treasure is 7 nodes away.", use())
	end)

	for _, treasure in ipairs(treasure_tools.TREASURES) do
		it("finds " .. treasure, function()
			minetest.set_node(vector.new(0, 0, 3), { name = treasure })
			assert.equals("Hot! A treasure is 3 nodes away.", use())
		end)
	end

	it("ignores ordinary stone", function()
		minetest.set_node(vector.new(1, 0, 0), { name = "default:stone" })
		assert.equals("Cold: no treasure within 8 nodes.", use())
	end)

	it("tells about the nearest treasure", function()
		minetest.set_node(vector.new(7, 0, 0), { name = "default:chest" })
		minetest.set_node(vector.new(0, 0, -2), { name = "default:stone_with_diamond" })
		assert.equals("Very hot! A treasure is 2 nodes away.", use())
	end)

	it("wears by 2048 a use", function()
		use()
		assert.equals(2048, alice:get_wielded_item():get_wear())
	end)

	it("breaks after 32 uses", function()
		for _ = 1, 31 do
			use()
		end
		assert.equals(FINDER, alice:get_wielded_item():get_name())
		use()
		assert.is_true(alice:get_wielded_item():is_empty())
	end)

	it("does not wear in creative mode", function()
		alice = sim.join("bob", { "creative" })
		alice:set_wielded_item(FINDER)
		use()
		assert.equals(0, alice:get_wielded_item():get_wear())
	end)

	it("answers only the player who used it", function()
		sim.join("carol")
		use()
		assert.same({}, sim.messages("carol"))
	end)
end)
