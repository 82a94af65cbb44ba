-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("L'étoile : un objet à garder dans son inventaire.", "The star: an item to keep in your inventory.") }}
minetest.register_craftitem("{{ modname }}:star", {
	description = S("Star"),
	inventory_image = "{{ texture }}",
})

-- {{ say("La commande /star : tape-la dans le chat (touche T).", "The /star command: type it in the chat (T key).") }}
minetest.register_chatcommand("star", {
	description = S("Gives you a star"),
	-- {{ say("name : qui a tapé la commande. param : ce qui est écrit après.", "name: who typed the command. param: what is written after it.") }}
	func = function(name, param)
		local player = minetest.get_player_by_name(name)
		if not player then
			return false, S("You must be in the game.")
		end
		player:get_inventory():add_item("main", "{{ modname }}:star")
		-- {{ say("true veut dire « ça a marché » ; le texte est envoyé au joueur.", "true means \"it worked\"; the text is sent to the player.") }}
		return true, S("Here is a star for you, @1!", name)
	end,
})
