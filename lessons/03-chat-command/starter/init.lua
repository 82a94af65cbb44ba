-- my_commands : mes commandes de chat / my chat commands
--
-- FR : /hello est un exemple qui marche déjà. Lis-le, puis suis les TODO.
--      Lance « mtedu check » pour voir tes objectifs.
-- EN: /hello is an example that already works. Read it, then follow the TODOs.
--     Run "mtedu check" to see your objectives.

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

-- TODO 1 (FR) : copie /hello pour créer /dice, qui renvoie math.random(1, 6)
--               (un nombre : transforme-le en texte avec tostring).
-- TODO 1 (EN): copy /hello to make /dice, which returns math.random(1, 6)
--              (a number: turn it into text with tostring).

-- TODO 2 (FR) : crée /gift, qui met "my_commands:star" dans l'inventaire :
--               local player = minetest.get_player_by_name(name)
--               player:get_inventory():add_item("main", "my_commands:star")
-- TODO 2 (EN): make /gift, which puts "my_commands:star" in the inventory (see above).

-- TODO 3 (FR) : crée le privilège "gifts" avec minetest.register_privilege,
--               puis ajoute privs = { gifts = true }, à /gift.
-- TODO 3 (EN): make the "gifts" privilege with minetest.register_privilege,
--              then add privs = { gifts = true }, to /gift.
