-- Server administration in the simulated world: kicking and banning
-- players (every simulated player connects from 127.0.0.1), join/leave
-- announcements, shutdown requests (recorded: `sim.shutdown_request()`),
-- time of day, disabled rollback, and the trusted-mod environments a mod
-- is refused unless the settings trust it.
local core, host, private = ...

local S = core.get_translator("__builtin")
local ADDRESS = "127.0.0.1"
local bans = {}
private.bans = bans

--- A connected player leaves: leave callbacks run, then the player is gone.
function private.leave(name, timed_out)
	local player = private.players[name]
	for _, callback in ipairs(core.registered_on_leaveplayers) do
		callback(player, timed_out)
	end
	private.players[name] = nil
end

function core.disconnect_player(name, reason)
	if not private.players[name] then
		return false
	end
	private.disconnect_reasons = private.disconnect_reasons or {}
	private.disconnect_reasons[name] = reason or ""
	private.leave(name, false)
	return true
end

function core.kick_player(name, reason)
	return core.disconnect_player(name, type(reason) == "string" and "Kicked: " .. reason or "Kicked.")
end

--- 0: removed, 1: no such player, 2: the player is connected.
function core.remove_player(name)
	if private.players[name] then
		return 2
	elseif private.auth[name] == nil then
		return 1
	end
	private.auth[name] = nil
	return 0
end

function core.ban_player(name)
	if not private.players[name] then
		return false
	end
	bans[ADDRESS] = name
	core.disconnect_player(name, "Banned: " .. name)
	return true
end

local function ban_entries(matching)
	local entries = {}
	for address, name in pairs(bans) do
		if not matching or matching == address or matching == name then
			entries[#entries + 1] = address .. "|" .. name
		end
	end
	table.sort(entries)
	return table.concat(entries, ", ")
end

function core.get_ban_list()
	return ban_entries(nil)
end

function core.get_ban_description(address_or_name)
	return ban_entries(address_or_name)
end

function core.unban_player_or_ip(address_or_name)
	for address, name in pairs(bans) do
		if address == address_or_name or name == address_or_name then
			bans[address] = nil
		end
	end
end

function core.send_join_message(name)
	if not core.is_singleplayer() then
		core.chat_send_all("*** " .. S("@1 joined the game.", name))
	end
end

function core.send_leave_message(name, timed_out)
	if timed_out then
		core.chat_send_all("*** " .. S("@1 left the game (timed out).", name))
	else
		core.chat_send_all("*** " .. S("@1 left the game.", name))
	end
end

function core.request_shutdown(message, reconnect, delay)
	delay = tonumber(delay) or 0
	if delay < 0 then
		private.shutdown = nil
		return
	end
	private.shutdown = { message = message or "", reconnect = reconnect and true or false, delay = delay }
end

function core.cancel_shutdown_requests()
	private.shutdown = nil
end

function core.get_server_uptime()
	return private.gametime
end

--- The engine keeps the time of day in thousandths of an hour.
function core.set_timeofday(value)
	value = tonumber(value)
	if not value or value < 0 or value > 1 then
		error("bad argument #1 to 'set_timeofday' (value must be between 0 and 1)", 2)
	end
	local units = math.floor(private.float32(value) * 24000) % 24000
	private.timeofday = private.float32(units / 24000)
end

-- Rollback recording is off unless enable_rollback_recording is set;
-- mtedu does not record actions.
local function rollback_off(name)
	if core.settings:get_bool("enable_rollback_recording", false) then
		private.not_simulated(name .. " with enable_rollback_recording")
	end
end

function core.rollback_get_node_actions()
	rollback_off("rollback_get_node_actions")
end

function core.rollback_revert_actions_by()
	rollback_off("rollback_revert_actions_by")
	return false, {}
end

local function trusted(setting)
	local name = core.get_current_modname()
	for _, entry in ipairs((core.settings:get(setting) or ""):split(",")) do
		if entry:trim() == name then
			return true
		end
	end
	return false
end

function core.request_http_api()
	if trusted("secure.http_mods") or trusted("secure.trusted_mods") then
		private.not_simulated("request_http_api for a trusted mod (mtedu does no network IO)")
	end
	return nil
end

function core.request_insecure_environment()
	if trusted("secure.trusted_mods") then
		private.not_simulated("request_insecure_environment for a trusted mod")
	end
	return nil
end
