-- magic_lamp: a lamp that lights up when you punch or right-click it, and
-- goes out by itself after a while.
--
-- Two nodes, one for each state: "magic_lamp:lamp_off" and
-- "magic_lamp:lamp_on" (which gives light). Switching uses swap_node, which
-- changes the node but keeps its metadata; a node timer turns it off.
-- Right-clicking a lit lamp with a mese crystal fragment recharges it.

-- S translates texts: see locale/magic_lamp.fr.tr.
local S = minetest.get_translator("magic_lamp")

magic_lamp = {}

-- Seconds a lamp stays lit.
magic_lamp.BURN_TIME = 30
-- A lamp never holds more than this many seconds of light.
magic_lamp.MAX_TIME = 120
-- What recharges a lit lamp.
magic_lamp.FUEL = "default:mese_crystal_fragment"

-- The text shown when a player points at the lamp.
local function show_state(pos, lit)
	local meta = minetest.get_meta(pos)
	local count = meta:get_int("lit_count")
	if lit then
		meta:set_string("infotext", S("Magic lamp (on, lit @1 times)", count))
	else
		meta:set_string("infotext", S("Magic lamp (off, lit @1 times): punch it!", count))
	end
end

--- Lights the lamp at `pos` for BURN_TIME seconds.
function magic_lamp.turn_on(pos)
	-- swap_node, not set_node: the metadata (the counter) stays.
	minetest.swap_node(pos, { name = "magic_lamp:lamp_on" })
	local meta = minetest.get_meta(pos)
	meta:set_int("lit_count", meta:get_int("lit_count") + 1)
	minetest.get_node_timer(pos):start(magic_lamp.BURN_TIME)
	show_state(pos, true)
end

--- Puts out the lamp at `pos`.
function magic_lamp.turn_off(pos)
	minetest.swap_node(pos, { name = "magic_lamp:lamp_off" })
	minetest.get_node_timer(pos):stop()
	show_state(pos, false)
end

--- Seconds of light left in the lamp at `pos` (0 when it is off).
function magic_lamp.time_left(pos)
	local timer = minetest.get_node_timer(pos)
	if not timer:is_started() then
		return 0
	end
	return timer:get_timeout() - timer:get_elapsed()
end

-- Adds BURN_TIME seconds to a lit lamp, up to MAX_TIME. Returns whether
-- the fuel was used (a full lamp does not take it).
local function recharge(pos)
	local left = magic_lamp.time_left(pos)
	if left + magic_lamp.BURN_TIME > magic_lamp.MAX_TIME then
		return false
	end
	minetest.get_node_timer(pos):start(left + magic_lamp.BURN_TIME)
	return true
end

-- The lamp when it is off: this is the one players carry and place.
minetest.register_node("magic_lamp:lamp_off", {
	description = S("Magic lamp"),
	tiles = { "magic_lamp_lamp_off.png" },
	paramtype = "light",
	groups = { cracky = 3, oddly_breakable_by_hand = 3 },
	sounds = default.node_sound_glass_defaults(),
	-- A new lamp: set the text players see when they point at it.
	on_construct = function(pos)
		show_state(pos, false)
	end,
	on_punch = function(pos)
		magic_lamp.turn_on(pos)
	end,
	on_rightclick = function(pos, _, _, itemstack)
		magic_lamp.turn_on(pos)
		-- The stack given back untouched: the item in hand is not used up.
		return itemstack
	end,
})

-- The lamp when it is lit.
minetest.register_node("magic_lamp:lamp_on", {
	description = S("Magic lamp (lit)"),
	tiles = { "magic_lamp_lamp_on.png" },
	paramtype = "light",
	-- The brightest light there is.
	light_source = minetest.LIGHT_MAX,
	-- Not in the creative inventory: players get it by lighting a lamp.
	groups = { cracky = 3, oddly_breakable_by_hand = 3, not_in_creative_inventory = 1 },
	sounds = default.node_sound_glass_defaults(),
	-- Digging a lit lamp gives the lamp that is off.
	drop = "magic_lamp:lamp_off",
	on_punch = function(pos)
		magic_lamp.turn_off(pos)
	end,
	on_rightclick = function(pos, _, clicker, itemstack)
		if itemstack:get_name() ~= magic_lamp.FUEL then
			magic_lamp.turn_off(pos)
			return itemstack
		end
		local name = clicker and clicker:get_player_name() or ""
		-- In creative mode, fuel is free.
		if recharge(pos) and not minetest.is_creative_enabled(name) then
			itemstack:take_item()
		end
		return itemstack
	end,
	-- The node timer ran out: the lamp goes out. false: the timer stops.
	on_timer = function(pos)
		magic_lamp.turn_off(pos)
		return false
	end,
})

minetest.register_craft({
	output = "magic_lamp:lamp_off",
	recipe = {
		{ "default:glass", magic_lamp.FUEL, "default:glass" },
		{ "default:glass", "default:torch", "default:glass" },
		{ "default:glass", "default:glass", "default:glass" },
	},
})
