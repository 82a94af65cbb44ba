-- treasure_hunt : une chasse au trésor / a treasure hunt
--
-- FR : le coffre existe déjà. Fais-en un jeu ! Suis les TODO dans l'ordre,
--      et lance « mtedu check » après chacun.
-- EN: the chest already exists. Turn it into a game! Follow the TODOs in
--     order, and run "mtedu check" after each one.

minetest.register_node("treasure_hunt:chest", {
	description = "Coffre au trésor / Treasure chest",
	tiles = { "treasure_hunt_chest.png" },
	groups = { choppy = 2 },

	-- TODO 2 (FR) : on_punch = function(pos, node, puncher) ... end, qui enlève
	--               le coffre (minetest.remove_node) et félicite le joueur.
	-- TODO 2 (EN): on_punch = function(pos, node, puncher) ... end, which removes
	--              the chest (minetest.remove_node) and congratulates the player.

	-- TODO 3 (FR) : dans on_punch, ajoute 1 au score du joueur :
	--               puncher:get_meta():get_int("treasure_hunt:score") et set_int.
	-- TODO 3 (EN): in on_punch, add 1 to the player's score:
	--              puncher:get_meta():get_int("treasure_hunt:score") and set_int.

	-- TODO 5 (FR) : quand le score arrive à 3, donne "default:diamond" au joueur.
	-- TODO 5 (EN): when the score reaches 3, give "default:diamond" to the player.
})

-- TODO 1 (FR) : la commande /hide cache 3 coffres près du joueur :
-- TODO 1 (EN): the /hide command hides 3 chests near the player:
-- minetest.register_chatcommand("hide", {
-- 	func = function(name)
-- 		local player = minetest.get_player_by_name(name)
-- 		local pos = vector.round(player:get_pos())
-- 		-- FR : à toi : 3 fois minetest.set_node(vector.offset(pos, x, 0, z), { name = "treasure_hunt:chest" })
-- 		-- EN: your turn: 3 times minetest.set_node(vector.offset(pos, x, 0, z), { name = "treasure_hunt:chest" })
-- 		return true, "3 trésors cachés ! / 3 treasures hidden!"
-- 	end,
-- })

-- TODO 4 (FR) : la commande /score renvoie true et le score du joueur.
-- TODO 4 (EN): the /score command returns true and the player's score.
