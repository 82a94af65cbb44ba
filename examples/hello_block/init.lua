-- hello_block: a first block for Minetest.
-- A pupil's first mod: one block, its texture, a recipe and a translation.

local S = minetest.get_translator("hello_block")

minetest.register_node("hello_block:block", {
	description = S("Hello block"),
	tiles = { "hello_block_block.png" },
	groups = { cracky = 3 },
	sounds = default.node_sound_stone_defaults(),
})

minetest.register_craft({
	output = "hello_block:block 4",
	recipe = {
		{ "default:cobble", "default:cobble" },
		{ "default:cobble", "default:cobble" },
	},
})
