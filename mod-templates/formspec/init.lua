-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("Le nom de notre fenêtre, pour la reconnaître quand le joueur clique.", "Our window's name, to recognise it when the player clicks.") }}
local FORM = "{{ modname }}:hello"

-- {{ say("Le texte de la fenêtre : sa taille, une image, une case à remplir et un bouton.", "The window's text: its size, a picture, a box to fill in and a button.") }}
function {{ modname }}.form()
	return "size[6,3]"
		.. "image[0,0;1,1;{{ texture }}]"
		.. "field[1.5,0.5;4.5,1;name;" .. minetest.formspec_escape(S("What is your name?")) .. ";]"
		.. "button_exit[2,2;2,1;ok;" .. minetest.formspec_escape(S("OK")) .. "]"
end

-- {{ say("La commande /hello ouvre la fenêtre.", "The /hello command opens the window.") }}
minetest.register_chatcommand("hello", {
	description = S("Opens a small window"),
	func = function(name)
		minetest.show_formspec(name, FORM, {{ modname }}.form())
		return true
	end,
})

-- {{ say("Quand le joueur clique sur un bouton de la fenêtre.", "When the player clicks a button in the window.") }}
minetest.register_on_player_receive_fields(function(player, formname, fields)
	if formname ~= FORM then
		-- {{ say("Ce n'est pas notre fenêtre : on laisse les autres mods s'en occuper.", "Not our window: let other mods handle it.") }}
		return false
	end
	if fields.ok and fields.name and fields.name ~= "" then
		minetest.chat_send_player(player:get_player_name(), S("Nice to meet you, @1!", fields.name))
	end
	return true
end)
