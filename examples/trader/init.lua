-- trader: a trading stall. Right-click it: a window (a "formspec") lists
-- the offers; type how many times you want a trade and click its button.
--
-- What this mod shows:
-- - minetest.show_formspec opens a window for one player;
-- - register_on_player_receive_fields gets the buttons they click;
-- - a trade only happens when the inventory has the payment and room for
--   what is bought;
-- - never trust what a window sends back: check again on the server.

-- S translates texts: see locale/trader.fr.tr.
local S = minetest.get_translator("trader")
-- Texts inside a formspec must be escaped (";", "[" and "]" have a meaning there).
local F = minetest.formspec_escape

trader = {}

-- The name of our window, to recognise it when the player clicks.
local FORM = "trader:stall"
-- The most times one click may repeat a trade.
trader.MAX_TIMES = 10
-- How far (in nodes) a player may stand from the stall they trade with.
trader.REACH = 10

-- The offers: what the player gives, and what the player gets.
trader.offers = {
	{ give = "default:apple 5", get = "trader:coin" },
	{ give = "default:cobble 20", get = "trader:coin" },
	{ give = "trader:coin 2", get = "default:steel_ingot" },
	{ give = "trader:coin 3", get = "default:gold_ingot" },
	{ give = "trader:coin 10", get = "default:diamond" },
}

-- Where each player's open stall is (players who have no window open are
-- not in this table).
local open_stalls = {}

minetest.register_craftitem("trader:coin", {
	description = S("Gold coin"),
	inventory_image = "trader_coin.png",
	stack_max = 999,
})

-- A short text for a stack: "5 Apple".
local function amount_text(stack)
	return stack:get_count() .. " " .. stack:get_short_description()
end

--- The window for `name`, with a `status` line (the result of the last click).
function trader.formspec(name, status)
	local player = minetest.get_player_by_name(name)
	local trades = player and player:get_meta():get_int("trader:trades") or 0
	local parts = {
		"formspec_version[4]",
		"size[10,", 3 + #trader.offers * 1.25, "]",
		"label[0.5,0.6;", F(S("Trading stall")), "]",
		"label[5.5,0.6;", F(S("Trades made: @1", trades)), "]",
	}
	for i, offer in ipairs(trader.offers) do
		local y = 0.25 + i * 1.25
		-- One line per offer: what you give, an arrow, what you get, a button.
		table.insert(parts, ("item_image[0.5,%s;1,1;%s]"):format(y, F(offer.give)))
		table.insert(parts, ("label[1.75,%s;→]"):format(y + 0.5))
		table.insert(parts, ("item_image[2.5,%s;1,1;%s]"):format(y, F(offer.get)))
		table.insert(parts, ("button[4,%s;3,1;trade_%d;%s]"):format(y, i, F(S("Trade"))))
	end
	local bottom = 0.5 + (#trader.offers + 1) * 1.25
	table.insert(parts, ("field[0.5,%s;2,0.8;times;%s;1]"):format(bottom, F(S("How many times?"))))
	table.insert(parts, ("label[3,%s;%s]"):format(bottom + 0.4, F(status or "")))
	return table.concat(parts)
end

--- Opens the stall at `pos` for the player called `name`.
function trader.show(name, pos, status)
	open_stalls[name] = vector.copy(pos)
	minetest.show_formspec(name, FORM, trader.formspec(name, status))
end

--- How many of `itemname` the list "main" of `inventory` holds.
function trader.count(inventory, itemname)
	local count = 0
	for _, stack in ipairs(inventory:get_list("main")) do
		if stack:get_name() == itemname then
			count = count + stack:get_count()
		end
	end
	return count
end

-- The number typed in the field, when it is a whole number from 1 to
-- MAX_TIMES. Only digits count: "2.5", "-1" or "1e1" are refused.
local function read_times(text)
	local times = tonumber((text or ""):match("^%s*(%d+)%s*$"))
	if not times or times < 1 or times > trader.MAX_TIMES then
		return nil
	end
	return times
end

--- Makes the trade `offer` `times` times for `player`. Returns whether it
--- happened and the text that says why.
function trader.trade(player, offer, times)
	local inventory = player:get_inventory()
	local give, get = ItemStack(offer.give), ItemStack(offer.get)
	give:set_count(give:get_count() * times)
	get:set_count(get:get_count() * times)
	local have = trader.count(inventory, give:get_name())
	if have < give:get_count() then
		return false, S("You need @1, you have @2.", amount_text(give), have)
	end
	-- Checked before paying: the payment never disappears for nothing.
	if not inventory:room_for_item("main", get) then
		return false, S("Your inventory is full: make room for @1.", amount_text(get))
	end
	inventory:remove_item("main", give)
	inventory:add_item("main", get)
	local meta = player:get_meta()
	meta:set_int("trader:trades", meta:get_int("trader:trades") + 1)
	return true, S("You gave @1 and got @2.", amount_text(give), amount_text(get))
end

minetest.register_node("trader:stall", {
	description = S("Trading stall"),
	tiles = { "trader_stall.png" },
	groups = { choppy = 2, oddly_breakable_by_hand = 2 },
	sounds = default.node_sound_wood_defaults(),
	on_rightclick = function(pos, _, clicker, itemstack)
		if clicker and clicker:is_player() then
			trader.show(clicker:get_player_name(), pos)
		end
		return itemstack
	end,
})

-- The offer whose button was clicked (fields has one key per button clicked).
local function clicked_offer(fields)
	for i, offer in ipairs(trader.offers) do
		if fields["trade_" .. i] then
			return offer
		end
	end
end

minetest.register_on_player_receive_fields(function(player, formname, fields)
	if formname ~= FORM then
		-- Not our window: let other mods handle it.
		return false
	end
	local name = player:get_player_name()
	local pos = open_stalls[name]
	-- A cheating client can send fields for a window it was never shown, or
	-- after walking away or digging the stall: check everything again.
	if not pos or minetest.get_node(pos).name ~= "trader:stall"
			or vector.distance(player:get_pos(), pos) > trader.REACH then
		open_stalls[name] = nil
		return true
	end
	if fields.quit then
		-- The window was closed (Escape key).
		open_stalls[name] = nil
		return true
	end
	local offer = clicked_offer(fields)
	if not offer then
		return true
	end
	local times = read_times(fields.times)
	if not times then
		trader.show(name, pos, S("Type a whole number from 1 to @1.", trader.MAX_TIMES))
		return true
	end
	local _, status = trader.trade(player, offer, times)
	trader.show(name, pos, status)
	return true
end)

minetest.register_on_leaveplayer(function(player)
	open_stalls[player:get_player_name()] = nil
end)

minetest.register_craft({
	output = "trader:stall",
	recipe = {
		{ "wool:red", "wool:white", "wool:red" },
		{ "default:stick", "group:wood", "default:stick" },
		{ "default:stick", "group:wood", "default:stick" },
	},
})
