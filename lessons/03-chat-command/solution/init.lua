-- my_commands: the finished lesson 3, chat commands.

-- The star that /gift gives.
minetest.register_craftitem("my_commands:star", {
	description = "Étoile / Star",
	inventory_image = "my_commands_star.png",
})

-- /hello: an example of a chat command. Type /hello in the chat!
minetest.register_chatcommand("hello", {
	description = "Dit bonjour / Says hello",
	func = function(name)
		-- true = it worked; the text is sent to the player.
		return true, "Bonjour / Hello " .. name .. "!"
	end,
})

-- /dice: a random number from 1 to 6.
minetest.register_chatcommand("dice", {
	description = "Lance un dé / Rolls a die",
	func = function()
		return true, tostring(math.random(1, 6))
	end,
})

-- Only players with this privilege may use /gift (an admin gives it with /grant).
minetest.register_privilege("gifts", {
	description = "Peut utiliser /gift / May use /gift",
	give_to_singleplayer = true,
})

-- /gift: a star in the player's inventory.
minetest.register_chatcommand("gift", {
	description = "Offre une étoile / Gives a star",
	privs = { gifts = true },
	func = function(name)
		local player = minetest.get_player_by_name(name)
		if not player then
			return false, "Connecte-toi d'abord / Join the game first"
		end
		player:get_inventory():add_item("main", "my_commands:star")
		return true, "Une étoile pour toi ! / A star for you!"
	end,
})
