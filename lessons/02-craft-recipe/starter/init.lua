-- gem_craft : des recettes pour une gemme magique / recipes for a magic gem
--
-- FR : la gemme et le bloc de gemmes existent déjà (en bas). Il manque les
--      recettes ! Suis les TODO, puis lance « mtedu check ».
-- EN: the gem and the gem block already exist (below). The recipes are
--     missing! Follow the TODOs, then run "mtedu check".

-- The gem: an item you can hold, not a block.
minetest.register_craftitem("gem_craft:gem", {
	description = "Gemme magique / Magic gem",
	inventory_image = "gem_craft_gem.png",
})

-- A block made of gems.
minetest.register_node("gem_craft:gem_block", {
	description = "Bloc de gemmes / Gem block",
	tiles = { "gem_craft_gem_block.png" },
	groups = { cracky = 2 },
})

-- Exemple / Example: 1 pierre taillée donne 1 gravier (ne la garde pas ! / do not keep it!).
-- minetest.register_craft({
-- 	output = "default:gravel",
-- 	recipe = {
-- 		{ "default:cobble" },
-- 	},
-- })

-- TODO 1 (FR) : une gemme = un diamant au milieu, 4 fragments de mese autour
--               (haut, bas, gauche, droite), "" dans les coins.
-- TODO 1 (EN): a gem = a diamond in the middle, 4 mese fragments around it
--              (top, bottom, left, right), "" in the corners.
--              default:diamond, default:mese_crystal_fragment

-- TODO 2 (FR) : 9 gemmes (3 lignes de 3) donnent un bloc de gemmes.
-- TODO 2 (EN): 9 gems (3 rows of 3) make a gem block.

-- TODO 3 (FR) : type = "shapeless" : 1 bloc de gemmes redonne "gem_craft:gem 9".
-- TODO 3 (EN): type = "shapeless": 1 gem block gives back "gem_craft:gem 9".

-- TODO 4 (FR) : type = "cooking" : un fragment de mese cuit au four donne une gemme.
-- TODO 4 (EN): type = "cooking": a mese fragment cooked in the furnace gives a gem.
