-- magic_wand : une baguette magique / a magic wand
--
-- FR : le cristal existe déjà. Crée la baguette qui fabrique des cristaux !
--      Suis les TODO, puis lance « mtedu check ».
-- EN: the crystal already exists. Make the wand that makes crystals!
--     Follow the TODOs, then run "mtedu check".

-- What the wand makes: a shiny crystal block.
minetest.register_node("magic_wand:crystal", {
	description = "Cristal / Crystal",
	tiles = { "magic_wand_crystal.png" },
	groups = { cracky = 3 },
	light_source = 8,
})

-- TODO 1 (FR) : crée l'outil avec minetest.register_tool("magic_wand:wand", { ... }),
--               une description et inventory_image = "magic_wand_wand.png".
-- TODO 1 (EN): make the tool with minetest.register_tool("magic_wand:wand", { ... }),
--              a description and inventory_image = "magic_wand_wand.png".

-- TODO 2 (FR) : ajoute on_use = function(itemstack, user, pointed_thing) ... end,
--               qui change pointed_thing.under en "magic_wand:crystal".
-- TODO 2 (EN): add on_use = function(itemstack, user, pointed_thing) ... end,
--              which turns pointed_thing.under into "magic_wand:crystal".

-- TODO 3 (FR) : ne fais rien si pointed_thing.type ~= "node" (un clic dans le vide).
-- TODO 3 (EN): do nothing if pointed_thing.type ~= "node" (a click at nothing).

-- TODO 4 (FR) : itemstack:add_wear(65535 / 50), puis return itemstack.
-- TODO 4 (EN): itemstack:add_wear(65535 / 50), then return itemstack.

-- TODO 5 (FR) : une recette : un cristal de mese (default:mese_crystal) sur un bâton (default:stick).
-- TODO 5 (EN): a recipe: a mese crystal (default:mese_crystal) on a stick (default:stick).
