-- chat_greeter: chat commands with parameters and a privilege.
--
-- /greet <player> [message]  greets another player (every player may)
-- /greetings [player]        how many greetings a player has sent
-- /welcome [text]            sets the text new arrivals read (needs the
--                            "greeter" privilege; without text, clears it)
--
-- Counters and the welcome text live in mod storage, so they survive a
-- server restart. Every 10th greeting earns a friendship medal.

-- S translates texts: see locale/chat_greeter.fr.tr.
local S = minetest.get_translator("chat_greeter")

chat_greeter = {}

-- The mod's storage: kept on disk by the engine between two games.
-- Shared in the mod's table so specs can start from an empty one.
chat_greeter.storage = minetest.get_mod_storage()
local storage = chat_greeter.storage

-- A medal every this many greetings.
chat_greeter.MEDAL_EVERY = 10
-- The longest welcome text, so nobody fills the chat.
chat_greeter.WELCOME_MAX = 80

-- The medal: a reward to keep in the inventory.
minetest.register_craftitem("chat_greeter:medal", {
	description = S("Friendship medal"),
	inventory_image = "chat_greeter_medal.png",
	stack_max = 99,
})

-- A privilege: only players an admin trusts (/grant NAME greeter) may
-- change the welcome text.
minetest.register_privilege("greeter", {
	description = S("Can change the welcome text"),
	give_to_singleplayer = true,
})

--- How many greetings `name` has sent.
function chat_greeter.count(name)
	return storage:get_int("sent:" .. name)
end

--- How many greetings everybody has sent together.
function chat_greeter.total()
	return storage:get_int("total")
end

-- Adds one greeting to the counters of `name`; returns the new count.
local function count_greeting(name)
	local sent = chat_greeter.count(name) + 1
	storage:set_int("sent:" .. name, sent)
	storage:set_int("total", chat_greeter.total() + 1)
	return sent
end

-- Gives a medal; when the inventory is full it falls at the player's feet.
local function give_medal(player)
	local left = player:get_inventory():add_item("main", "chat_greeter:medal")
	if not left:is_empty() then
		minetest.add_item(player:get_pos(), left)
	end
end

minetest.register_chatcommand("greet", {
	params = S("<player> [message]"),
	description = S("Greets another player"),
	privs = { shout = true },
	-- name: who typed the command. param: everything after "/greet ".
	func = function(name, param)
		-- The first word is the player, the rest (maybe nothing) the message.
		local target, message = param:match("^%s*(%S+)%s*(.-)%s*$")
		if not target then
			return false, S("Whom do you want to greet? Type /greet and a name, for example /greet alice")
		end
		if target == name then
			return false, S("You cannot greet yourself. Try another player's name!")
		end
		if not minetest.get_player_by_name(target) then
			return false, S("@1 is not in the game right now.", target)
		end
		if message == "" then
			message = S("Hello!")
		end
		minetest.chat_send_player(target, S("@1 greets you: @2", name, message))
		local sent = count_greeting(name)
		if sent % chat_greeter.MEDAL_EVERY == 0 then
			local player = minetest.get_player_by_name(name)
			if player then
				give_medal(player)
				minetest.chat_send_player(name, S("@1 greetings! Here is a friendship medal.", sent))
			end
		end
		-- true: it worked; the text goes back to the player who typed it.
		return true, S("You greeted @1 (greetings sent: @2).", target, sent)
	end,
})

minetest.register_chatcommand("greetings", {
	params = S("[player]"),
	description = S("Shows how many greetings a player has sent"),
	func = function(name, param)
		local who = param:match("^%s*(%S+)") or name
		return true, S("@1 has sent @2 greetings (everybody together: @3).", who, chat_greeter.count(who), chat_greeter.total())
	end,
})

--- How many letters `text` has. `#text` counts bytes, and a letter like
--- "é" takes two: count the bytes that start a letter instead.
function chat_greeter.letters(text)
	local _, count = text:gsub("[^\128-\191]", "")
	return count
end

minetest.register_chatcommand("welcome", {
	params = S("[text]"),
	description = S("Sets the text new arrivals read"),
	-- The engine refuses the command to players without this privilege.
	privs = { greeter = true },
	func = function(_, param)
		local text = param:trim()
		if text == "" then
			storage:set_string("welcome", "")
			return true, S("The welcome text is cleared.")
		end
		local letters = chat_greeter.letters(text)
		if letters > chat_greeter.WELCOME_MAX then
			return false, S("That text is too long: @1 letters, at most @2.", letters, chat_greeter.WELCOME_MAX)
		end
		storage:set_string("welcome", text)
		return true, S("New welcome text: @1", text)
	end,
})

-- Every time a player joins: a hello, their visit number, the welcome text.
minetest.register_on_joinplayer(function(player)
	local name = player:get_player_name()
	local visits = storage:get_int("visits:" .. name) + 1
	storage:set_int("visits:" .. name, visits)
	if visits == 1 then
		minetest.chat_send_player(name, S("Welcome, @1! This is your first visit.", name))
	else
		minetest.chat_send_player(name, S("Welcome back, @1! This is visit number @2.", name, visits))
	end
	local welcome = storage:get_string("welcome")
	if welcome ~= "" then
		minetest.chat_send_player(name, welcome)
	end
end)
