-- first_block : ton premier bloc ! / your first block!
--
-- FR : lis handout.md, puis suis les TODO dans l'ordre. Après chaque TODO,
--      lance « mtedu check » : il te dit quels objectifs sont atteints.
-- EN: read handout.md, then follow the TODOs in order. After each TODO,
--     run "mtedu check": it tells you which objectives are met.
--
-- FR : les lignes qui commencent par -- sont des commentaires : le jeu ne les lit pas.
-- EN: lines starting with -- are comments: the game does not read them.

-- TODO 1 (FR) : enlève les -- au début des 3 lignes ci-dessous pour créer le
--               bloc, et change la description (le nom que voient les joueurs).
-- TODO 1 (EN): remove the -- at the start of the 3 lines below to make the
--              block, and change its description (the name players see).
-- minetest.register_node("first_block:block", {
-- 	description = "Mon premier bloc",
-- })

-- TODO 2 (FR) : dans les { }, ajoute la ligne   tiles = { "first_block_block.png" },
-- TODO 2 (EN): inside the { }, add the line     tiles = { "first_block_block.png" },

-- TODO 3 (FR) : ajoute   groups = { cracky = 3 },   pour pouvoir le creuser.
-- TODO 3 (EN): add       groups = { cracky = 3 },   so it can be dug.

-- TODO 4 (FR) : ajoute   light_source = 10,   pour qu'il brille dans le noir.
-- TODO 4 (EN): add       light_source = 10,   so it glows in the dark.
