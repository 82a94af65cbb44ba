-- treasure_tools: gem tools and a treasure finder.
--
-- How to get them:
-- 1. mix gravel and a mese crystal fragment: a raw gem (shapeless recipe);
-- 2. cook the raw gem in a furnace: a gem (cooking recipe);
-- 3. make tools from gems and sticks (shaped recipes).
--
-- tool_capabilities say what a tool digs, how fast, how many times before
-- it breaks (its wear) and how much it hurts. The treasure finder has an
-- on_use: a left click tells how far the nearest treasure is.

-- S translates texts: see locale/treasure_tools.fr.tr.
local S = minetest.get_translator("treasure_tools")

treasure_tools = {}

-- What the finder looks for, and how far (in nodes).
treasure_tools.TREASURES = {
	"default:stone_with_diamond", "default:stone_with_mese", "default:stone_with_gold", "default:chest",
}
treasure_tools.FINDER_RADIUS = 8
-- How many times the finder works before it breaks.
treasure_tools.FINDER_USES = 32

minetest.register_craftitem("treasure_tools:raw_gem", {
	description = S("Raw gem"),
	inventory_image = "treasure_tools_raw_gem.png",
})

minetest.register_craftitem("treasure_tools:gem", {
	description = S("Gem"),
	inventory_image = "treasure_tools_gem.png",
})

-- In groupcaps, for each kind of node (cracky: stone, crumbly: dirt and
-- sand, snappy: leaves and plants):
-- - times: seconds to dig a node of that group's rating 1, 2 or 3
--   (1 is the hardest);
-- - uses: how many nodes of the tool's maxlevel it digs before breaking
--   (3 times more for each level below, like stone at level 0);
-- - maxlevel: the hardest "level" the tool digs (obsidian is level 2).
minetest.register_tool("treasure_tools:pickaxe", {
	description = S("Gem pickaxe"),
	inventory_image = "treasure_tools_pickaxe.png",
	tool_capabilities = {
		-- Seconds between two full-strength hits.
		full_punch_interval = 0.9,
		max_drop_level = 2,
		groupcaps = {
			cracky = { times = { [1] = 2.0, [2] = 1.0, [3] = 0.5 }, uses = 30, maxlevel = 2 },
		},
		damage_groups = { fleshy = 5 },
	},
	sound = { breaks = "default_tool_breaks" },
	groups = { pickaxe = 1 },
})

minetest.register_tool("treasure_tools:shovel", {
	description = S("Gem shovel"),
	inventory_image = "treasure_tools_shovel.png",
	tool_capabilities = {
		full_punch_interval = 1.0,
		max_drop_level = 2,
		groupcaps = {
			crumbly = { times = { [1] = 1.0, [2] = 0.5, [3] = 0.25 }, uses = 30, maxlevel = 2 },
		},
		damage_groups = { fleshy = 4 },
	},
	sound = { breaks = "default_tool_breaks" },
	groups = { shovel = 1 },
})

minetest.register_tool("treasure_tools:sword", {
	description = S("Gem sword"),
	inventory_image = "treasure_tools_sword.png",
	tool_capabilities = {
		full_punch_interval = 0.8,
		max_drop_level = 2,
		groupcaps = {
			snappy = { times = { [1] = 1.5, [2] = 0.6, [3] = 0.2 }, uses = 40, maxlevel = 2 },
		},
		damage_groups = { fleshy = 7 },
		-- Hitting wears the sword too: it breaks after 100 full hits.
		punch_attack_uses = 100,
	},
	sound = { breaks = "default_tool_breaks" },
	groups = { sword = 1 },
})

-- How the finder describes a treasure `distance` nodes away.
local function clue(distance)
	local nodes = math.floor(distance + 0.5)
	if distance <= 2 then
		return S("Very hot! A treasure is @1 nodes away.", nodes)
	elseif distance <= 5 then
		return S("Hot! A treasure is @1 nodes away.", nodes)
	end
	return S("Warm: a treasure is @1 nodes away.", nodes)
end

minetest.register_tool("treasure_tools:finder", {
	description = S("Treasure finder"),
	inventory_image = "treasure_tools_finder.png",
	-- A left click with the finder in hand. It returns the finder, worn a
	-- little more (or nothing when it breaks).
	on_use = function(itemstack, user)
		local name = user:get_player_name()
		local pos = vector.round(user:get_pos())
		local found = minetest.find_node_near(pos, treasure_tools.FINDER_RADIUS, treasure_tools.TREASURES, true)
		if found then
			minetest.chat_send_player(name, clue(vector.distance(pos, found)))
		else
			minetest.chat_send_player(name, S("Cold: no treasure within @1 nodes.", treasure_tools.FINDER_RADIUS))
		end
		if not minetest.is_creative_enabled(name) then
			itemstack:add_wear_by_uses(treasure_tools.FINDER_USES)
		end
		return itemstack
	end,
})

-- Shapeless: the ingredients may be anywhere in the crafting grid.
minetest.register_craft({
	type = "shapeless",
	output = "treasure_tools:raw_gem",
	recipe = { "default:gravel", "default:mese_crystal_fragment" },
})

-- Cooking: put the raw gem in a furnace, with fuel, for 5 seconds.
minetest.register_craft({
	type = "cooking",
	output = "treasure_tools:gem",
	recipe = "treasure_tools:raw_gem",
	cooktime = 5,
})

-- Shaped: the rows of the crafting grid, "" for an empty square.
local gem, stick = "treasure_tools:gem", "default:stick"

minetest.register_craft({
	output = "treasure_tools:pickaxe",
	recipe = {
		{ gem, gem, gem },
		{ "", stick, "" },
		{ "", stick, "" },
	},
})

minetest.register_craft({
	output = "treasure_tools:shovel",
	recipe = {
		{ gem },
		{ stick },
		{ stick },
	},
})

minetest.register_craft({
	output = "treasure_tools:sword",
	recipe = {
		{ gem },
		{ gem },
		{ stick },
	},
})

minetest.register_craft({
	output = "treasure_tools:finder",
	recipe = {
		{ "", gem, "" },
		{ "default:steel_ingot", stick, "default:steel_ingot" },
	},
})
