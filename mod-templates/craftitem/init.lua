-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("Combien de points de vie rend la pomme (2 points = 1 cœur).", "How many health points the apple gives back (2 points = 1 heart).") }}
{{ modname }}.heal = 4

-- {{ say("Un objet qu'on peut tenir dans la main, mais pas poser.", "An item you can hold in your hand, but not place.") }}
minetest.register_craftitem("{{ modname }}:apple", {
	description = S("Magic apple"),
	inventory_image = "{{ texture }}",
	-- {{ say("Clic gauche : on la mange et on gagne des points de vie.", "Left click: you eat it and get health points.") }}
	on_use = minetest.item_eat({{ modname }}.heal),
})
