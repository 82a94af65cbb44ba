-- What the engine itself registers before any mod: the nodes air and
-- ignore, the hand and "unknown", two entities, the builtin privileges
-- and chat commands, and legacy aliases. Names and fields measured on the
-- real 5.6.1 server. Chat commands are listed with their parameters and
-- privileges; running one needs the simulated world.
local core, host, private = ...

local S = core.get_translator("__builtin")

private.current_modname = nil
local function builtin(register, name, def)
	register(":" .. name, def)
	local registered = core.registered_items[name] or core.registered_entities[name]
	if registered then
		rawset(registered, "mod_origin", "*builtin*")
	end
end

builtin(core.register_item, "air", {
	type = "node",
	description = S("Air"),
	inventory_image = "air.png",
	wield_image = "air.png",
	drawtype = "airlike",
	paramtype = "light",
	sunlight_propagates = true,
	walkable = false,
	pointable = false,
	diggable = false,
	buildable_to = true,
	floodable = true,
	air_equivalent = true,
	drop = "",
	groups = { not_in_creative_inventory = 1 },
})

builtin(core.register_item, "ignore", {
	type = "node",
	description = S("Ignore"),
	inventory_image = "ignore.png",
	wield_image = "ignore.png",
	drawtype = "airlike",
	paramtype = "none",
	sunlight_propagates = false,
	walkable = false,
	pointable = false,
	diggable = false,
	buildable_to = true,
	air_equivalent = true,
	drop = "",
	groups = { not_in_creative_inventory = 1 },
	node_placement_prediction = "",
	on_place = function(itemstack)
		return itemstack
	end,
})

builtin(core.register_item, "unknown", {
	type = "none",
	description = S("Unknown Item"),
	inventory_image = "unknown_item.png",
	on_place = function(itemstack)
		return itemstack
	end,
	groups = { not_in_creative_inventory = 1 },
	diggable = true,
})

builtin(core.register_item, "", {
	type = "none",
	wield_image = "wieldhand.png",
	groups = { not_in_creative_inventory = 1 },
})

for _, name in ipairs({ "__builtin:item", "__builtin:falling_node" }) do
	builtin(core.register_entity, name, {
		initial_properties = {
			hp_max = 1,
			physical = true,
			collide_with_objects = false,
			collisionbox = { -0.3, -0.3, -0.3, 0.3, 0.3, 0.3 },
			visual = name == "__builtin:item" and "wielditem" or "item",
			visual_size = { x = 0.4, y = 0.4 },
			textures = { "" },
			is_visible = false,
		},
	})
end

-- name, description, give_to_singleplayer, give_to_admin
local privileges = {
	{ "interact", "Can interact with things and modify the world", true, true },
	{ "shout", "Can speak in chat", true, true },
	{ "basic_privs", "Can modify basic privileges (@1)", true, true, "shout, interact" },
	{ "privs", "Can modify privileges", true, true },
	{ "teleport", "Can teleport self", false, false },
	{ "bring", "Can teleport other players", false, false },
	{ "settime", "Can set the time of day using /time", false, false },
	{ "server", "Can do server maintenance stuff", false, true },
	{ "protection_bypass", "Can bypass node protection in the world", false, false },
	{ "ban", "Can ban and unban players", false, true },
	{ "kick", "Can kick players", false, true },
	{ "give", "Can use /give and /giveme", false, false },
	{ "password", "Can use /setpassword and /clearpassword", false, true },
	{ "fly", "Can use fly mode", false, false },
	{ "fast", "Can use fast mode", false, false },
	{ "noclip", "Can fly through solid nodes using noclip mode", false, false },
	{ "rollback", "Can use the rollback functionality", false, false },
	{ "debug", "Can enable wireframe", false, false },
}
for _, p in ipairs(privileges) do
	core.register_privilege(p[1], {
		description = p[5] and S(p[2], p[5]) or S(p[2]),
		give_to_singleplayer = p[3],
		give_to_admin = p[4],
	})
	core.registered_privileges[p[1]].mod_origin = "*builtin*"
end

-- name, params, privileges (comma-separated), description
local commands = {
	{ "admin", "", "", "Show the name of the server owner" },
	{ "auth_reload", "", "server", "Reload authentication data" },
	{ "ban", "[<name>]", "ban", "Ban the IP of a player or show the ban list" },
	{ "clearinv", "[<name>]", "", "Clear the inventory of yourself or another player" },
	{ "clearobjects", "[full | quick]", "server", "Clear all objects in world" },
	{ "clearpassword", "<name>", "password", "Set empty password for a player" },
	{ "days", "", "", "Show day count since world creation" },
	{ "deleteblocks", "(here [<radius>]) | (<pos1> <pos2>)", "server", "Delete map blocks contained in area pos1 to pos2 (<pos1> and <pos2> must be in parentheses)" },
	{ "emergeblocks", "(here [<radius>]) | (<pos1> <pos2>)", "server", "Load (or, if nonexistent, generate) map blocks contained in area pos1 to pos2 (<pos1> and <pos2> must be in parentheses)" },
	{ "fixlight", "(here [<radius>]) | (<pos1> <pos2>)", "server", "Resets lighting in the area between pos1 and pos2 (<pos1> and <pos2> must be in parentheses)" },
	{ "give", "<name> <ItemString> [<count> [<wear>]]", "give", "Give item to player" },
	{ "giveme", "<ItemString> [<count> [<wear>]]", "give", "Give item to yourself" },
	{ "grant", "<name> (<privilege> [, <privilege2> [<...>]] | all)", "", "Give privileges to player" },
	{ "grantme", "<privilege> [, <privilege2> [<...>]] | all", "", "Grant privileges to yourself" },
	{ "haspriv", "<privilege>", "basic_privs", "Return list of all online players with privilege" },
	{ "help", "[all | privs | <cmd>] [-t]", "", "Get help for commands or list privileges (-t: output in chat)" },
	{ "kick", "<name> [<reason>]", "kick", "Kick a player" },
	{ "kill", "[<name>]", "server", "Kill player or yourself" },
	{ "last-login", "[<name>]", "", "Get the last login time of a player or yourself" },
	{ "me", "<action>", "shout", "Show chat action (e.g., '/me orders a pizza' displays '<player name> orders a pizza')" },
	{ "mods", "", "", "List mods installed on the server" },
	{ "msg", "<name> <message>", "shout", "Send a direct message to a player" },
	{ "privs", "[<name>]", "", "Show privileges of yourself or another player" },
	{ "pulverize", "", "", "Destroy item in hand" },
	{ "remove_player", "<name>", "server", "Remove a player's data" },
	{ "revoke", "<name> (<privilege> [, <privilege2> [<...>]] | all)", "", "Remove privileges from player" },
	{ "revokeme", "<privilege> [, <privilege2> [<...>]] | all", "", "Revoke privileges from yourself" },
	{ "rollback", "(<name> [<seconds>]) | (:<actor> [<seconds>])", "rollback", "Revert actions of a player. Default for <seconds> is 60. Set <seconds> to inf for no time limit" },
	{ "rollback_check", "[<range>] [<seconds>] [<limit>]", "rollback", "Check who last touched a node or a node near it within the time specified by <seconds>. Default: range = 0, seconds = 86400 = 24h, limit = 5. Set <seconds> to inf for no time limit" },
	{ "set", "([-n] <name> <value>) | <name>", "server", "Set or read server configuration setting" },
	{ "setpassword", "<name> <password>", "password", "Set player's password" },
	{ "shutdown", "[<delay_in_seconds> | -1] [-r] [<message>]", "server", "Shutdown server (-1 cancels a delayed shutdown, -r allows players to reconnect)" },
	{ "spawnentity", "<EntityName> [<X>,<Y>,<Z>]", "give, interact", "Spawn entity at given (or your) position" },
	{ "status", "", "", "Show server status" },
	{ "teleport", "<X>,<Y>,<Z> | <to_name> | <name> <X>,<Y>,<Z> | <name> <to_name>", "teleport", "Teleport to position or player" },
	{ "time", "[<0..23>:<0..59> | <0..24000>]", "", "Show or set time of day" },
	{ "unban", "<name> | <IP_address>", "ban", "Remove IP ban belonging to a player/IP" },
}
for _, c in ipairs(commands) do
	local name = c[1]
	local privs = {}
	for _, priv in ipairs(c[3]:split(",")) do
		privs[priv:trim()] = true
	end
	core.register_chatcommand(name, {
		params = c[2] ~= "" and S(c[2]) or "",
		privs = privs,
		description = S(c[4]),
		func = function()
			private.not_simulated("builtin chat command /" .. name)
		end,
	})
	core.registered_chatcommands[name].mod_origin = "*builtin*"
end

for _, legacy in ipairs({ "CraftItem", "MBOItem", "MaterialItem", "MaterialItem2", "MaterialItem3", "NodeItem", "ToolItem", "craft", "node", "tool" }) do
	core.registered_aliases[legacy] = ""
	private.alias_origins[legacy] = "*builtin*"
end
