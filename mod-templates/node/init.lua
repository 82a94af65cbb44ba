-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("Un nouveau bloc. Son nom complet est « " ~ modname ~ ":block ».", "A new block. Its full name is \"" ~ modname ~ ":block\".") }}
minetest.register_node("{{ modname }}:block", {
	-- {{ say("Le nom que voient les joueurs.", "The name players see.") }}
	description = S("Brick block"),
	-- {{ say("L'image collée sur les 6 faces (dans le dossier textures).", "The picture put on all 6 sides (in the textures folder).") }}
	tiles = { "{{ texture }}" },
	-- {{ say("cracky = 3 : une pioche le casse vite.", "cracky = 3: a pickaxe breaks it quickly.") }}
	groups = { cracky = 3 },
	-- {{ say("Le bruit des pas et des coups, comme la pierre.", "The sound of steps and hits, like stone.") }}
	sounds = default.node_sound_stone_defaults(),
})

-- {{ say("La recette : 4 pierres taillées donnent 4 blocs.", "The recipe: 4 cobblestones make 4 blocks.") }}
minetest.register_craft({
	output = "{{ modname }}:block 4",
	recipe = {
		{ "default:cobble", "default:cobble" },
		{ "default:cobble", "default:cobble" },
	},
})
