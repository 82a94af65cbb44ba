-- treasure_hunt: the finished lesson 6, a treasure hunt with a score.

-- How many chests /hide hides, and how many win the diamond.
local TREASURES = 3
local SCORE_KEY = "treasure_hunt:score"

local function score_of(player)
	return player:get_meta():get_int(SCORE_KEY)
end

minetest.register_node("treasure_hunt:chest", {
	description = "Coffre au trésor / Treasure chest",
	tiles = { "treasure_hunt_chest.png" },
	groups = { choppy = 2 },

	on_punch = function(pos, node, puncher)
		minetest.remove_node(pos)
		local score = score_of(puncher) + 1
		puncher:get_meta():set_int(SCORE_KEY, score)
		local name = puncher:get_player_name()
		minetest.chat_send_player(name, "Trésor trouvé ! / Treasure found! " .. score .. "/" .. TREASURES)
		if score == TREASURES then
			puncher:get_inventory():add_item("main", "default:diamond")
			minetest.chat_send_player(name, "Bravo, un diamant ! / Well done, a diamond!")
		end
	end,
})

minetest.register_chatcommand("hide", {
	description = "Cache des trésors / Hides treasures",
	func = function(name)
		local player = minetest.get_player_by_name(name)
		if not player then
			return false, "Connecte-toi d'abord / Join the game first"
		end
		local pos = vector.round(player:get_pos())
		-- One chest in each of 3 directions, a random distance away.
		local directions = { { x = 1, z = 0 }, { x = -1, z = 1 }, { x = 0, z = -1 } }
		for _, direction in ipairs(directions) do
			local distance = math.random(3, 8)
			local spot = vector.offset(pos, direction.x * distance, 0, direction.z * distance)
			minetest.set_node(spot, { name = "treasure_hunt:chest" })
		end
		return true, TREASURES .. " trésors cachés ! / " .. TREASURES .. " treasures hidden!"
	end,
})

minetest.register_chatcommand("score", {
	description = "Affiche ton score / Shows your score",
	func = function(name)
		local player = minetest.get_player_by_name(name)
		if not player then
			return false, "Connecte-toi d'abord / Join the game first"
		end
		return true, "Score : " .. score_of(player)
	end,
})
