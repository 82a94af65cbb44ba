-- magic_wand: the finished lesson 5, a wand that makes crystals.

-- What the wand makes: a shiny crystal block.
minetest.register_node("magic_wand:crystal", {
	description = "Cristal / Crystal",
	tiles = { "magic_wand_crystal.png" },
	groups = { cracky = 3 },
	light_source = 8,
})

-- How many spells before the wand breaks.
local SPELLS = 50

minetest.register_tool("magic_wand:wand", {
	description = "Baguette magique / Magic wand",
	inventory_image = "magic_wand_wand.png",
	-- A left click with the wand in hand.
	on_use = function(itemstack, user, pointed_thing)
		if pointed_thing.type ~= "node" then
			return nil
		end
		minetest.set_node(pointed_thing.under, { name = "magic_wand:crystal" })
		minetest.chat_send_player(user:get_player_name(), "Abracadabra !")
		itemstack:add_wear(math.floor(65535 / SPELLS))
		return itemstack
	end,
})

minetest.register_craft({
	output = "magic_wand:wand",
	recipe = {
		{ "default:mese_crystal" },
		{ "default:stick" },
	},
})
