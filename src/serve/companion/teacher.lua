-- mtedu companion, the animator's actions from the class dashboard: hold
-- every pupil in place (and whoever joins while held), bring them to the
-- teacher, say something to everyone. The teacher is the server's admin
-- (`name` in its config) and is never held nor moved. Loaded by init.lua,
-- which hands over its table of actions.

local core, ipairs, tostring, math = core, ipairs, tostring, math
local log = core.log

return function(actions)
	local frozen = false
	-- Each held player's speed and jump before, given back on release.
	local before = {}

	local function teacher()
		return core.settings:get("name") or ""
	end

	local function pupils()
		local found = {}
		for _, player in ipairs(core.get_connected_players()) do
			if player:get_player_name() ~= teacher() then
				found[#found + 1] = player
			end
		end
		return found
	end

	local function hold(player)
		local name = player:get_player_name()
		if not before[name] then
			local physics = player:get_physics_override() or {}
			before[name] = {speed = physics.speed or 1, jump = physics.jump or 1}
		end
		player:set_physics_override({speed = 0, jump = 0})
	end

	local function release(player)
		local name = player:get_player_name()
		local physics = before[name] or {speed = 1, jump = 1}
		player:set_physics_override({speed = physics.speed, jump = physics.jump})
		before[name] = nil
	end

	core.register_on_joinplayer(function(player)
		if frozen and player:get_player_name() ~= teacher() then
			hold(player)
		end
	end)
	core.register_on_leaveplayer(function(player)
		before[player:get_player_name()] = nil
	end)

	function actions.freeze(request)
		frozen = request.frozen == true
		local list = pupils()
		for _, player in ipairs(list) do
			if frozen then
				hold(player)
			else
				release(player)
			end
		end
		log("action", "[mtedu] the animator " .. (frozen and "froze" or "released")
			.. " " .. #list .. " players")
		return {ok = true, players = #list, frozen = frozen}
	end

	function actions.gather()
		local host = core.get_player_by_name(teacher())
		if not host then
			log("action", "[mtedu] the animator asked to gather, but is not in this game")
			return {ok = true, teacher = false, moved = 0}
		end
		local at = host:get_pos()
		local list = pupils()
		for index, player in ipairs(list) do
			local angle = 2 * math.pi * index / #list
			player:set_pos({x = at.x + 2 * math.cos(angle), y = at.y, z = at.z + 2 * math.sin(angle)})
		end
		log("action", "[mtedu] the animator gathered " .. #list .. " players")
		return {ok = true, teacher = true, moved = #list}
	end

	function actions.announce(request)
		local text = tostring(request.text or "")
		local line = core.colorize("#ffd24a", "[" .. tostring(request.from or "") .. "] " .. text)
		local players = core.get_connected_players()
		for _, player in ipairs(players) do
			core.chat_send_player(player:get_player_name(), line)
		end
		log("action", "[mtedu] the animator said to " .. #players .. " players: " .. text)
		return {ok = true, players = #players}
	end
end
