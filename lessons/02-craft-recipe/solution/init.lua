-- gem_craft: the finished lesson 2, a gem and its recipes.

-- The gem: an item you can hold, not a block.
minetest.register_craftitem("gem_craft:gem", {
	description = "Gemme magique / Magic gem",
	inventory_image = "gem_craft_gem.png",
})

-- A block made of gems.
minetest.register_node("gem_craft:gem_block", {
	description = "Bloc de gemmes / Gem block",
	tiles = { "gem_craft_gem_block.png" },
	groups = { cracky = 2 },
})

local F, D, G = "default:mese_crystal_fragment", "default:diamond", "gem_craft:gem"

-- A diamond with 4 mese fragments around it makes a gem.
minetest.register_craft({
	output = G,
	recipe = {
		{ "", F, "" },
		{ F, D, F },
		{ "", F, "" },
	},
})

-- 9 gems make a gem block.
minetest.register_craft({
	output = "gem_craft:gem_block",
	recipe = {
		{ G, G, G },
		{ G, G, G },
		{ G, G, G },
	},
})

-- Shapeless: the block anywhere in the grid gives the 9 gems back.
minetest.register_craft({
	type = "shapeless",
	output = "gem_craft:gem 9",
	recipe = { "gem_craft:gem_block" },
})

-- Cooking: a mese fragment in the furnace becomes a gem after 5 seconds.
minetest.register_craft({
	type = "cooking",
	output = G,
	recipe = F,
	cooktime = 5,
})
