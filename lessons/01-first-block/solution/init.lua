-- first_block: the finished lesson 1, a glowing block.

minetest.register_node("first_block:block", {
	-- The name players see.
	description = "Mon premier bloc",
	-- The picture on all 6 sides, from the textures folder.
	tiles = { "first_block_block.png" },
	-- cracky = 3: a pickaxe breaks it quickly, and it goes into the inventory.
	groups = { cracky = 3 },
	-- From 1 to 14: how much light the block gives.
	light_source = 10,
})
