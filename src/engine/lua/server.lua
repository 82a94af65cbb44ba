-- Facts about the simulated server: a dedicated 5.6.1 server (not
-- singleplayer) with the 5.6.1 feature flags.
local core, host, private = ...

function core.is_singleplayer()
	return false
end

core.features = {}
for _, feature in ipairs({
	"glasslike_framed", "nodebox_as_selectionbox", "get_all_craft_recipes_works", "use_texture_alpha",
	"no_legacy_abms", "texture_names_parens", "area_store_custom_ids", "add_entity_with_staticdata",
	"no_chat_message_prediction", "object_use_texture_alpha", "object_independent_selectionbox",
	"httpfetch_binary_data", "formspec_version_element", "area_store_persistent_ids", "pathfinder_works",
	"object_step_has_moveresult", "direct_velocity_on_players", "use_texture_alpha_string_modes",
	"degrotate_240_steps", "abm_min_max_y", "dynamic_add_media_table", "particlespawner_tweenable",
	"get_sky_as_table",
}) do
	core.features[feature] = true
end

function core.has_feature(arg)
	if type(arg) == "table" then
		local missing = {}
		local ok = true
		for feature in pairs(arg) do
			if not core.features[feature] then
				missing[feature] = true
				ok = false
			end
		end
		return ok, missing
	end
	if core.features[arg] then
		return true, {}
	end
	return false, { [arg] = true }
end

function core.get_version()
	return { project = "Minetest", string = "5.6.1", proto_min = 37, proto_max = 41, is_dev = false }
end
private.partial.get_version = "reports the 5.6.1 server mtedu is measured against"

function core.is_creative_enabled(name)
	return core.settings:get_bool("creative_mode", false)
end

function core.is_protected(pos, name)
	return false
end

function core.record_protection_violation(pos, name)
	for _, func in ipairs(core.registered_on_protection_violation) do
		func(pos, name)
	end
end

-- Mod channels: joining is recorded; with no clients, nothing is received.
local ModChannel = {}
ModChannel.__index = ModChannel
function ModChannel:leave()
	self.left = true
end
function ModChannel:is_writeable()
	return not self.left
end
function ModChannel:send_all(message)
	self.sent[#self.sent + 1] = message
end
function core.mod_channel_join(name)
	return setmetatable({ name = name, sent = {} }, ModChannel)
end
private.partial.mod_channel_join = "messages are recorded; no client ever answers"

rawset(_G, "DIR_DELIM", "/")
rawset(_G, "INIT", "game")

-- The async environment: files are recorded (and checked to be readable);
-- running jobs there is not simulated yet.
private.async_files = {}
function core.register_async_dofile(path)
	local chunk, message = host.load_mod_file(tostring(path))
	if not chunk then
		error(message, 2)
	end
	private.async_files[#private.async_files + 1] = path
	return true
end
