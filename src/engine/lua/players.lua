-- Players of the simulated world: ObjectRefs with an inventory, a
-- position, health and metadata; privileges; chat sent to players.
local core, host, private = ...

local players, auth, received = {}, {}, {}
private.players, private.auth, private.received = players, auth, received

local Player = {}
Player.__index = Player
private.classes.ObjectRef = private.classes.ObjectRef or {}
table.insert(private.classes.ObjectRef, Player)
private.Player = Player

function Player:get_player_name() return self.name end
function Player:is_player() return true end
function Player:is_valid() return players[self.name] == self end
function Player:get_pos() return vector.copy(self.pos) end
function Player:set_pos(pos) self.pos = vector.copy(pos) end
function Player:get_inventory() return self.inventory end
function Player:get_hp() return self.hp end
function Player:set_hp(hp) self.hp = math.max(0, math.min(math.floor(hp), 20)) end
function Player:get_wield_index() return self.wield_index end
function Player:get_wield_list() return "main" end
function Player:get_wielded_item() return self.inventory:get_stack("main", self.wield_index) end
function Player:set_wielded_item(stack) return self.inventory:set_stack("main", self.wield_index, stack) end
function Player:get_meta() return self.meta end
function Player:get_look_dir() return vector.new(0, 0, 1) end
function Player:get_look_horizontal() return 0 end
function Player:get_look_vertical() return 0 end
function Player:get_velocity() return vector.zero() end
function Player:get_properties() return table.copy(self.properties) end
function Player:set_properties(properties)
	for key, value in pairs(properties) do
		self.properties[key] = value
	end
end
function Player:get_physics_override() return table.copy(self.physics) end
function Player:set_physics_override(override)
	for key, value in pairs(override) do
		self.physics[key] = value
	end
end
function Player:hud_add(def)
	self.huds[#self.huds + 1] = table.copy(def)
	return #self.huds
end
function Player:hud_remove(id) self.huds[id] = nil end
function Player:hud_change(id, stat, value)
	if self.huds[id] then
		self.huds[id][stat] = value
	end
end
function Player:hud_get(id) return self.huds[id] and table.copy(self.huds[id]) end
function Player:get_player_control() return {} end

local PlayerMeta = {}
PlayerMeta.__index = PlayerMeta
private.add_key_value_methods(PlayerMeta)

--- A new player object (not yet joined).
function private.new_player(name)
	local inventory = private.new_inventory({ type = "player", name = name })
	inventory:set_size("main", 32)
	inventory:set_size("craft", 9)
	inventory:set_width("craft", 3)
	inventory:set_size("craftpreview", 1)
	inventory:set_size("craftresult", 1)
	return setmetatable({
		name = name,
		pos = vector.zero(),
		hp = 20,
		wield_index = 1,
		inventory = inventory,
		meta = setmetatable({ fields = {} }, PlayerMeta),
		-- The engine's defaults for a player (PlayerSAO): eye height 1.625.
		properties = { hp_max = 20, breath_max = 10, eye_height = 1.625 },
		physics = { speed = 1, jump = 1, gravity = 1, sneak = true, sneak_glitch = false, new_move = true },
		huds = {},
		recorded = {},
	}, Player)
end

function core.is_player(object)
	return getmetatable(object) == Player
end

function core.get_player_by_name(name)
	return players[name]
end

function core.get_connected_players()
	local list = {}
	for _, player in pairs(players) do
		list[#list + 1] = player
	end
	table.sort(list, function(a, b) return a.name < b.name end)
	return list
end

function core.player_exists(name)
	return auth[name] ~= nil
end

function core.string_to_privs(text, delim)
	local privs = {}
	for _, priv in ipairs((text or ""):split(delim or ",")) do
		priv = priv:trim()
		if priv ~= "" then
			privs[priv] = true
		end
	end
	return privs
end

function core.privs_to_string(privs, delim)
	local list = {}
	for priv, granted in pairs(privs) do
		if granted then
			list[#list + 1] = priv
		end
	end
	table.sort(list)
	return table.concat(list, delim or ",")
end

-- get_player_privs, set_player_privs and check_player_privs go through
-- the authentication handler: see auth.lua.

function core.chat_send_player(...)
	local name, text = ...
	private.check_string(name, 1, select("#", ...))
	private.check_string(text, 2, select("#", ...))
	if received[name] then
		table.insert(received[name], tostring(text))
	end
end

function core.chat_send_all(...)
	local text = ...
	private.check_string(text, 1, select("#", ...))
	for name in pairs(players) do
		core.chat_send_player(name, text)
	end
end

--- The text a player would read: translation and colour escapes removed.
function private.plain_text(text)
	text = text:gsub("\27%(T@[^)]*%)", ""):gsub("\27%([bc]@[^)]*%)", ""):gsub("\27[FE]", "")
	return text
end

-- Setters with no effect in a world nobody looks at: their values are
-- recorded, and the matching getters read them back.
local recorded_setters = {
	set_lighting = "get_lighting", set_sky = "get_sky", set_sun = "get_sun", set_moon = "get_moon",
	set_stars = "get_stars", set_clouds = "get_clouds", override_day_night_ratio = "get_day_night_ratio",
	set_eye_offset = "get_eye_offset", set_local_animation = "get_local_animation",
	set_animation = "get_animation", set_animation_frame_speed = false, hud_set_flags = "hud_get_flags",
	hud_set_hotbar_itemcount = "hud_get_hotbar_itemcount", hud_set_hotbar_image = "hud_get_hotbar_image",
	hud_set_hotbar_selected_image = "hud_get_hotbar_selected_image",
	set_inventory_formspec = "get_inventory_formspec", set_formspec_prepend = "get_formspec_prepend",
	set_nametag_attributes = "get_nametag_attributes", set_minimap_modes = false, set_fov = "get_fov",
	set_armor_groups = "get_armor_groups", set_breath = "get_breath", set_look_horizontal = false,
	set_look_vertical = false, set_texture_mod = "get_texture_mod", set_sprite = false,
}
for setter, getter in pairs(recorded_setters) do
	Player[setter] = function(self, ...)
		self.recorded[setter] = { n = select("#", ...), ... }
	end
	if getter then
		Player[getter] = function(self)
			local values = self.recorded[setter]
			if not values then
				return nil
			end
			return unpack(values, 1, values.n)
		end
	end
	private.partial["ObjectRef:" .. setter] = "recorded; no visible effect"
end

-- Before any set, the getters answer the engine's defaults for a player.
local getter_defaults = {
	get_breath = function() return 10 end,
	hud_get_flags = function()
		return { hotbar = true, healthbar = true, crosshair = true, wielditem = true,
			breathbar = true, minimap = true, minimap_radar = true, basic_debug = true }
	end,
	get_armor_groups = function() return { fleshy = 100 } end,
	get_fov = function() return 0, false, 0 end,
	get_eye_offset = function()
		if private.since("5.10") then
			return vector.zero(), vector.zero(), vector.zero()
		end
		return vector.zero(), vector.zero()
	end,
	get_inventory_formspec = function() return "" end,
	get_formspec_prepend = function() return "" end,
}
for setter, getter in pairs(recorded_setters) do
	local default = getter and getter_defaults[getter]
	if default then
		local recorded = Player[getter]
		Player[getter] = function(self)
			if self.recorded[setter] then return recorded(self) end
			return default()
		end
	end
end

-- Other methods of the real ObjectRef fail loudly; names it does not have
-- stay nil, as in the engine.
local real_methods = {}
for _, name in ipairs(host.objectref_methods()) do
	real_methods[name] = true
end
-- The deprecated names the real ObjectRef still answers to (5.6.1 to 5.15).
private.deprecated_object_methods = {
	getpos = "get_pos", setpos = "set_pos", moveto = "move_to", getvelocity = "get_velocity",
	setvelocity = "set_velocity", getacceleration = "get_acceleration",
	setacceleration = "set_acceleration", getyaw = "get_yaw", setyaw = "set_yaw",
	settexturemod = "set_texture_mod", setsprite = "set_sprite",
}
for old, new in pairs(private.deprecated_object_methods) do
	Player[old] = function(self, ...) return self[new](self, ...) end
end
setmetatable(Player, {
	__index = function(_, name)
		if real_methods[name] then
			return function()
				error("not simulated yet: ObjectRef:" .. name, 2)
			end
		end
	end,
})

function core.get_player_information(name)
	if not players[name] then
		return nil
	end
	return {
		address = "127.0.0.1", ip_version = 4, connection_uptime = 0, protocol_version = 41,
		formspec_version = 6, lang_code = "", min_rtt = 0, max_rtt = 0, avg_rtt = 0,
		min_jitter = 0, max_jitter = 0, avg_jitter = 0,
	}
end
private.partial.get_player_information = "a local player with an empty language code"

function core.get_player_ip(name)
	return players[name] and "127.0.0.1" or nil
end
