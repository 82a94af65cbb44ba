-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("Une pioche : un outil qui casse la pierre (groupe « cracky »).", "A pickaxe: a tool that breaks stone (the \"cracky\" group).") }}
minetest.register_tool("{{ modname }}:pickaxe", {
	description = S("Sky pickaxe"),
	inventory_image = "{{ texture }}",
	tool_capabilities = {
		-- {{ say("Temps entre deux coups, en secondes.", "Time between two hits, in seconds.") }}
		full_punch_interval = 0.9,
		max_drop_level = 1,
		groupcaps = {
			-- {{ say("times : secondes pour casser un bloc de niveau 1, 2 et 3. uses : nombre de blocs avant que l'outil casse.", "times: seconds to break a block of level 1, 2 and 3. uses: how many blocks before the tool breaks.") }}
			cracky = { times = { [1] = 2.0, [2] = 1.0, [3] = 0.5 }, uses = 30, maxlevel = 2 },
		},
		-- {{ say("Les dégâts quand on tape avec.", "The damage when you hit with it.") }}
		damage_groups = { fleshy = 4 },
	},
	sound = { breaks = "default_tool_breaks" },
	groups = { pickaxe = 1 },
})

-- {{ say("La recette : comme une pioche de fer, avec des lingots d'acier.", "The recipe: like an iron pickaxe, with steel ingots.") }}
minetest.register_craft({
	output = "{{ modname }}:pickaxe",
	recipe = {
		{ "default:steel_ingot", "default:steel_ingot", "default:steel_ingot" },
		{ "", "default:stick", "" },
		{ "", "default:stick", "" },
	},
})
