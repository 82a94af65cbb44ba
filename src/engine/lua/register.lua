-- Registrations: items (nodes, craftitems, tools), aliases, entities,
-- ABMs, LBMs, crafts, privileges, chat commands and the on_* callbacks,
-- with the engine's name rules and definition defaults.
local core, host, private = ...

private.crafts = {}

local function alias_lookup(t, name)
	local target = core.registered_aliases[name]
	if target ~= nil then
		return rawget(t, target)
	end
end
local alias_metatable = { __index = alias_lookup }

core.registered_aliases = {}
core.registered_items = setmetatable({}, alias_metatable)
core.registered_nodes = setmetatable({}, alias_metatable)
core.registered_craftitems = setmetatable({}, alias_metatable)
core.registered_tools = setmetatable({}, alias_metatable)
core.registered_entities = {}
core.registered_abms = {}
core.registered_lbms = {}
core.registered_privileges = {}
core.registered_chatcommands = {}
core.registered_ores = {}
core.registered_biomes = {}
core.registered_decorations = {}
core.callback_origins = {}
core.luaentities = {}
core.object_refs = {}
core.detached_inventories = {}
core.chatcommands = core.registered_chatcommands

core.CONTENT_AIR = 126
core.CONTENT_UNKNOWN = 125
core.CONTENT_IGNORE = 127
core.LIGHT_MAX = 14
core.MAP_BLOCKSIZE = 16
core.PLAYER_MAX_HP_DEFAULT = 20
core.PLAYER_MAX_BREATH_DEFAULT = 10
core.EMERGE_CANCELLED = 0
core.EMERGE_ERRORED = 1
core.EMERGE_FROM_MEMORY = 2
core.EMERGE_FROM_DISK = 3
core.EMERGE_GENERATED = 4

function core.get_current_modname()
	return private.current_modname
end

function core.get_modpath(name)
	return host.modpath(name)
end

function core.get_modnames()
	return host.modnames()
end

function core.get_worldpath()
	return host.worldpath()
end

--- The engine's naming rule: "modname:thing", or ":other:thing" to override
-- (a local of the engine's register.lua in 5.6.1, not a core function).
local function check_modname_prefix(name)
	if name:sub(1, 1) == ":" then
		return name:sub(2)
	end
	local prefix = core.get_current_modname() .. ":"
	if name:sub(1, #prefix) ~= prefix then
		error("Name " .. name .. ' does not follow naming conventions: "' .. prefix .. '" or ":" prefix required', 0)
	end
	local rest = name:sub(#prefix + 1)
	if rest:find("[^%w_]") then
		error("Name " .. name .. " does not follow naming conventions: contains unallowed characters", 0)
	end
	return name
end

local function default_item(kind)
	return {
		description = "",
		groups = {},
		inventory_image = "",
		wield_image = "",
		wield_scale = vector.new(1, 1, 1),
		stack_max = kind == "tool" and 1 or 99,
		liquids_pointable = false,
		type = kind,
	}
end

core.nodedef_default = default_item("node")
for key, value in pairs({
	usable = false,
	drawtype = "normal",
	visual_scale = 1.0,
	post_effect_color = { a = 0, r = 0, g = 0, b = 0 },
	paramtype = "none",
	paramtype2 = "none",
	is_ground_content = true,
	sunlight_propagates = false,
	walkable = true,
	pointable = true,
	diggable = true,
	climbable = false,
	buildable_to = false,
	floodable = false,
	liquidtype = "none",
	liquid_alternative_flowing = "",
	liquid_alternative_source = "",
	liquid_viscosity = 0,
	drowning = 0,
	light_source = 0,
	damage_per_second = 0,
	selection_box = { type = "regular" },
	legacy_facedir_simple = false,
	legacy_wallmounted = false,
}) do
	core.nodedef_default[key] = value
end
core.craftitemdef_default = default_item("craft")
core.tooldef_default = default_item("tool")
core.noneitemdef_default = default_item("none")

-- Default callbacks are looked up when called, so a later file (or a
-- not-simulated marker) decides what they do.
local function forward(name)
	return function(...)
		return core[name](...)
	end
end
for _, def in ipairs({ core.nodedef_default, core.craftitemdef_default, core.tooldef_default, core.noneitemdef_default }) do
	def.on_place = forward("item_place")
	def.on_secondary_use = forward("item_secondary_use")
	if def.type ~= "none" then
		def.on_drop = forward("item_drop")
	end
end
core.nodedef_default.on_punch = forward("node_punch")
core.nodedef_default.on_dig = forward("node_dig")
core.nodedef_default.on_secondary_use = nil

local defaults_by_type = {
	node = core.nodedef_default,
	craft = core.craftitemdef_default,
	tool = core.tooldef_default,
	none = core.noneitemdef_default,
}
local tables_by_type = {
	node = core.registered_nodes,
	craft = core.registered_craftitems,
	tool = core.registered_tools,
}

-- Content ids as the engine numbers them: fixed ids for unknown, air and
-- ignore, the others in registration order.
local fixed_ids = { unknown = 125, air = 126, ignore = 127 }
local content_ids, content_names, next_id = {}, {}, 0
for name, id in pairs(fixed_ids) do
	content_ids[name], content_names[id] = id, name
end
function private.assign_content_id(name)
	if content_ids[name] then
		return
	end
	while content_names[next_id] do
		next_id = next_id + 1
	end
	content_ids[name], content_names[next_id] = next_id, name
end

function core.get_content_id(name)
	local id = content_ids[name] or content_ids[core.registered_aliases[name] or ""]
	if id == nil then
		error("core.get_content_id(): Node '" .. tostring(name) .. "' not registered", 2)
	end
	return id
end

function core.get_name_from_content_id(id)
	return content_names[id] or "unknown"
end

local function origin()
	return private.current_modname or "??"
end

-- The checks every named registration starts with: the name rule, then a
-- definition table; returns the name as registered.
local function checked_name(what, name, def)
	name = check_modname_prefix(name)
	if type(def) ~= "table" then
		error(what .. ": definition of " .. name .. " is not a table", 3)
	end
	def.name = name
	return name
end

function core.register_item(name, itemdef)
	name = checked_name("register_item", name, itemdef)
	if itemdef.type == "node" then
		if itemdef.tile_images and not itemdef.tiles then
			itemdef.tiles = itemdef.tile_images
		end
		if itemdef.special_materials and not itemdef.special_tiles then
			itemdef.special_tiles = itemdef.special_materials
		end
	end
	-- The engine's legacy fields still register a cooking and a fuel recipe.
	if itemdef.cookresult_itemstring ~= nil and itemdef.cookresult_itemstring ~= "" then
		core.register_craft({ type = "cooking", output = itemdef.cookresult_itemstring, recipe = name, cooktime = itemdef.furnace_cooktime })
	end
	if itemdef.furnace_burntime ~= nil and itemdef.furnace_burntime >= 0 then
		core.register_craft({ type = "fuel", recipe = name, burntime = itemdef.furnace_burntime })
	end
	local kind = itemdef.type or "none"
	-- The engine's builtin keeps a node's light at LIGHT_MAX (14), and
	-- says so in the log (measured on 5.6.1; 5.15 words it differently).
	if kind == "node" and itemdef.light_source and itemdef.light_source > core.LIGHT_MAX then
		itemdef.light_source = core.LIGHT_MAX
		local said = private.engine_version == "5.15" and "limiting it: " or "limiting to maximum: "
		core.log("warning", "Node 'light_source' value exceeds maximum, " .. said .. name)
	end
	local groups = itemdef.groups
	setmetatable(itemdef, { __index = defaults_by_type[kind] or core.noneitemdef_default })
	itemdef.mod_origin = private.current_modname or "??"
	core.registered_aliases[name] = nil
	rawset(core.registered_items, name, itemdef)
	if kind == "node" then
		private.assign_content_id(name)
	end
	if tables_by_type[kind] then
		rawset(tables_by_type[kind], name, itemdef)
	end
	-- Last, as the engine reads them after the Lua tables are filled.
	private.check_groups(groups)
end

local function register_kind(kind)
	return function(name, def)
		def = def or {}
		def.type = kind
		core.register_item(name, def)
	end
end
core.register_node = register_kind("node")
core.register_craftitem = register_kind("craft")

--- Tools without punch_attack_uses get it from their first group capability
--- that wears them: uses × 3^(maxlevel - 1), as the engine does.
function core.register_tool(name, def)
	def = def or {}
	local caps = def.tool_capabilities
	if caps and caps.punch_attack_uses == nil then
		for _, cap in pairs(caps.groupcaps or {}) do
			local level = (cap.maxlevel or 0) - 1
			if (cap.uses or 0) ~= 0 and level >= 0 then
				caps.punch_attack_uses = cap.uses * 3 ^ level
				break
			end
		end
	end
	register_kind("tool")(name, def)
end

function core.unregister_item(name)
	if not core.registered_items[name] then
		core.log("warning", "Not unregistering item " .. name .. " because it doesn't exist.")
		return
	end
	rawset(core.registered_items, name, nil)
	for _, t in pairs(tables_by_type) do
		rawset(t, name, nil)
	end
end

function core.override_item(name, redefinition)
	if redefinition.name ~= nil then
		error("Attempt to redefine name of " .. name .. " to " .. dump(redefinition.name), 2)
	end
	if redefinition.type ~= nil then
		error("Attempt to redefine type of " .. name .. " to " .. dump(redefinition.type), 2)
	end
	local item = core.registered_items[name]
	if not item then
		error("Attempt to override non-existent item " .. name, 2)
	end
	for k, v in pairs(redefinition) do
		rawset(item, k, v)
	end
	-- The engine registers the item again, reading its groups anew.
	private.check_groups(rawget(item, "groups"))
end

local function strip_colon(name)
	if name:sub(1, 1) == ":" then
		return name:sub(2)
	end
	return name
end

private.alias_origins = {}

function core.register_alias(name, convert_to)
	name = strip_colon(name)
	convert_to = strip_colon(convert_to)
	if rawget(core.registered_items, name) ~= nil then
		core.log("warning", "Not registering alias, item with same name is already defined: " .. name .. " -> " .. convert_to)
		return
	end
	core.registered_aliases[name] = convert_to
	private.alias_origins[name] = origin()
end

function core.register_alias_force(name, convert_to)
	name = strip_colon(name)
	convert_to = strip_colon(convert_to)
	if rawget(core.registered_items, name) ~= nil then
		core.unregister_item(name)
		core.log("info", "Removed item " .. name .. " while attempting to force add an alias")
	end
	core.registered_aliases[name] = convert_to
	private.alias_origins[name] = origin()
end

function core.register_entity(name, prototype)
	name = checked_name("register_entity", name, prototype)
	prototype.__index = prototype
	prototype.mod_origin = origin()
	core.registered_entities[name] = prototype
end

function core.register_abm(spec)
	core.registered_abms[#core.registered_abms + 1] = spec
	spec.mod_origin = origin()
end

function core.register_lbm(spec)
	core.registered_lbms[#core.registered_lbms + 1] = spec
	spec.mod_origin = origin()
end

function core.register_privilege(name, param)
	if type(param) == "string" then
		param = { description = param }
	elseif param == nil then
		param = {}
	end
	if param.give_to_singleplayer == nil then
		param.give_to_singleplayer = true
	end
	if param.give_to_admin == nil then
		param.give_to_admin = param.give_to_singleplayer
	end
	if param.description == nil then
		param.description = "(no description)"
	end
	param.mod_origin = origin()
	core.registered_privileges[name] = param
end

function core.register_chatcommand(cmd, def)
	def = def or {}
	def.params = def.params or ""
	def.description = def.description or ""
	def.privs = def.privs or {}
	def.mod_origin = origin()
	core.registered_chatcommands[cmd] = def
end

function core.override_chatcommand(name, redefinition)
	local chatcommand = core.registered_chatcommands[name]
	assert(chatcommand, "Attempt to override non-existent chatcommand " .. name)
	for k, v in pairs(redefinition) do
		rawset(chatcommand, k, v)
	end
	core.registered_chatcommands[name] = chatcommand
end

function core.unregister_chatcommand(name)
	if core.registered_chatcommands[name] then
		core.registered_chatcommands[name] = nil
	else
		core.log("warning", "Not unregistering chatcommand " .. name .. " because it doesn't exist.")
	end
end

-- register_on_* : the name of each function and of its list.
local callback_lists = {
	globalstep = "registered_globalsteps",
	on_mods_loaded = "registered_on_mods_loaded",
	on_shutdown = "registered_on_shutdown",
	on_punchnode = "registered_on_punchnodes",
	on_placenode = "registered_on_placenodes",
	on_dignode = "registered_on_dignodes",
	on_generated = "registered_on_generateds",
	on_newplayer = "registered_on_newplayers",
	on_dieplayer = "registered_on_dieplayers",
	on_respawnplayer = "registered_on_respawnplayers",
	on_prejoinplayer = "registered_on_prejoinplayers",
	on_joinplayer = "registered_on_joinplayers",
	on_leaveplayer = "registered_on_leaveplayers",
	on_player_receive_fields = "registered_on_player_receive_fields",
	on_cheat = "registered_on_cheats",
	on_craft = "registered_on_crafts",
	craft_predict = "registered_craft_predicts",
	on_protection_violation = "registered_on_protection_violation",
	on_item_eat = "registered_on_item_eats",
	on_punchplayer = "registered_on_punchplayers",
	on_rightclickplayer = "registered_on_rightclickplayers",
	on_priv_grant = "registered_on_priv_grant",
	on_priv_revoke = "registered_on_priv_revoke",
	on_authplayer = "registered_on_authplayers",
	can_bypass_userlimit = "registered_can_bypass_userlimit",
	on_modchannel_message = "registered_on_modchannel_message",
	on_player_inventory_action = "registered_on_player_inventory_actions",
	allow_player_inventory_action = "registered_allow_player_inventory_actions",
	on_chat_message = "registered_on_chat_messages",
	on_chatcommand = "registered_on_chatcommands",
	on_liquid_transformed = "registered_on_liquid_transformed",
	playerevent = "registered_playerevents",
	-- Luanti 5.10 and newer.
	on_item_pickup = "registered_on_item_pickups",
	on_mapblocks_changed = "registered_on_mapblocks_changed",
}

-- Lists the engine fills newest first.
local newest_first = { on_player_receive_fields = true }

for what, list_name in pairs(callback_lists) do
	local list = {}
	core[list_name] = list
	core["register_" .. what] = function(func)
		if type(func) ~= "function" then
			error("Invalid " .. what .. " callback: a function is needed, got " .. type(func), 2)
		end
		if newest_first[what] then
			table.insert(list, 1, func)
		else
			list[#list + 1] = func
		end
		core.callback_origins[func] = { mod = origin(), name = "register_" .. what }
	end
end

function core.register_on_auth_fail(func)
	core.log("deprecated", "core.register_on_auth_fail is deprecated and should be replaced by core.register_on_authplayer instead.")
	core.register_on_authplayer(function(_, _, success)
		if not success then
			return func()
		end
	end)
end

-- HP change callbacks come in two kinds: modifiers run first.
core.registered_on_player_hpchanges = { modifiers = {}, loggers = {} }
function core.register_on_player_hpchange(func, modifier)
	local list = modifier and core.registered_on_player_hpchanges.modifiers or core.registered_on_player_hpchanges.loggers
	list[#list + 1] = func
	core.callback_origins[func] = { mod = origin(), name = "register_on_player_hpchange" }
end
