-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("Une gemme verte, un objet pour fabriquer d'autres choses.", "A green gem, an item to make other things with.") }}
minetest.register_craftitem("{{ modname }}:gem", {
	description = S("Green gem"),
	inventory_image = "{{ texture }}",
})

-- {{ say("Recette en forme (« shaped ») : la place de chaque objet compte.", "Shaped recipe: where each item goes matters.") }}
minetest.register_craft({
	output = "{{ modname }}:gem",
	recipe = {
		{ "", "default:leaves", "" },
		{ "default:leaves", "default:mese_crystal_fragment", "default:leaves" },
		{ "", "default:leaves", "" },
	},
})

-- {{ say("Recette sans forme (« shapeless ») : on met les objets n'importe où.", "Shapeless recipe: put the items anywhere.") }}
minetest.register_craft({
	type = "shapeless",
	output = "default:mese_crystal",
	recipe = { "{{ modname }}:gem", "{{ modname }}:gem", "{{ modname }}:gem" },
})

-- {{ say("Cuisson : dans un four, la gemme devient de la vitre !", "Cooking: in a furnace, the gem turns into glass!") }}
minetest.register_craft({
	type = "cooking",
	output = "default:glass",
	recipe = "{{ modname }}:gem",
	cooktime = 5,
})
