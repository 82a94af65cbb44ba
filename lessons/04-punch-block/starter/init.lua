-- punch_block : un bloc qui réagit quand on le tape / a block that reacts when punched
--
-- FR : le bloc existe déjà. Suis les TODO pour qu'il réagisse, puis lance
--      « mtedu check » pour voir tes objectifs.
-- EN: the block already exists. Follow the TODOs to make it react, then run
--     "mtedu check" to see your objectives.

minetest.register_node("punch_block:block", {
	description = "Bloc qui réagit / Punch block",
	tiles = { "punch_block_block.png" },
	groups = { cracky = 3 },

	-- TODO 1 (FR) : quand un joueur tape le bloc, envoie-lui un message :
	-- TODO 1 (EN): when a player punches the block, send them a message:
	-- on_punch = function(pos, node, puncher)
	-- 	minetest.chat_send_player(puncher:get_player_name(), "Aïe ! / Ouch!")
	-- end,

	-- TODO 2 (FR) : compte les coups avec minetest.get_meta(pos), get_int et set_int
	--               ("punches"), et mets le nombre dans le message.
	-- TODO 2 (EN): count punches with minetest.get_meta(pos), get_int and set_int
	--              ("punches"), and put the number in the message.

	-- TODO 3 (FR) : au 5e coup, minetest.set_node(pos, { name = "punch_block:gold" }).
	-- TODO 3 (EN): at the 5th punch, minetest.set_node(pos, { name = "punch_block:gold" }).
})

-- TODO 4 (FR) : crée le bloc "punch_block:gold" avec l'image "punch_block_gold.png".
-- TODO 4 (EN): make the block "punch_block:gold" with the picture "punch_block_gold.png".
