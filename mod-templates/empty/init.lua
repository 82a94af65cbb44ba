-- {{ modname }}: {{ about }}
{% if lang == "fr" %}
-- Ce fichier est lu par le jeu au démarrage. Écris ton code en dessous !
{% else %}
-- The game reads this file when it starts. Write your code below!
{% endif %}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

-- {{ say("Une table pour ranger les fonctions de ton mod.", "A table to keep your mod's functions in.") }}
{{ modname }} = {}

-- {{ say("Quand un joueur arrive, on lui dit bonjour.", "When a player arrives, we say hello.") }}
minetest.register_on_joinplayer(function(player)
	local name = player:get_player_name()
	minetest.chat_send_player(name, S("Hello @1, welcome!", name))
end)
