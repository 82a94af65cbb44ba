-- punch_block: the finished lesson 4, a block that reacts when punched.

-- How many punches turn the block into gold.
local PUNCHES_FOR_GOLD = 5

minetest.register_node("punch_block:block", {
	description = "Bloc qui réagit / Punch block",
	tiles = { "punch_block_block.png" },
	groups = { cracky = 3 },

	on_punch = function(pos, node, puncher)
		-- The counter is kept in the block itself (its metadata).
		local meta = minetest.get_meta(pos)
		local punches = meta:get_int("punches") + 1
		meta:set_int("punches", punches)
		minetest.chat_send_player(puncher:get_player_name(), "Aïe ! / Ouch! " .. punches)
		if punches >= PUNCHES_FOR_GOLD then
			minetest.set_node(pos, { name = "punch_block:gold" })
		end
	end,
})

minetest.register_node("punch_block:gold", {
	description = "Bloc d'or / Gold block",
	tiles = { "punch_block_gold.png" },
	groups = { cracky = 3 },
	light_source = 5,
})
