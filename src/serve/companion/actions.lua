-- mtedu companion, the requests mtedu sends (see protocol.rs): which
-- watched mods run, soft reload, chat lines in each player's language, a
-- notice for whoever joins, shutdown, new media, and the live state tests
-- and the teacher read; the teacher gets every privilege on joining.
--
-- Loaded by init.lua with the safety net's table (see net.lua), soft
-- reload's (see reload.lua), the watched mods and the engine's own
-- `request_shutdown` (see shutdown.lua); gives back the actions by name.

local core, type, tostring, pcall = core, type, tostring, pcall

return function(net, reload, watched, request_shutdown)
	local storages = net.storages
	local soft_reload, callback_lists = reload.soft_reload, reload.callback_lists

	local function position(value)
		return {x = tonumber(value.x) or 0, y = tonumber(value.y) or 0, z = tonumber(value.z) or 0}
	end

	local actions = {}

	-- Which watched mods the server runs, and whether the map can be read
	-- (a broken map database only shows when a block is loaded).
	function actions.ping()
		local mods = {}
		for name in pairs(watched) do
			if core.get_modpath(name) then
				mods[#mods + 1] = name
			end
		end
		table.sort(mods)
		local map_ok, map_error = pcall(core.load_area, {x = 0, y = 0, z = 0})
		local players = {}
		for _, player in ipairs(core.get_connected_players()) do
			players[#players + 1] = player:get_player_name()
		end
		return {ok = true, mods = mods, players = players, map_ok = map_ok, map_error = map_error}
	end

	function actions.reload(request)
		return soft_reload(request.mod)
	end

	-- `messages` holds {language, text} pairs, the first for players whose
	-- game speaks none of the others.
	local function send_in_language(name, messages)
		local info = core.get_player_information(name)
		local lang = (info and info.lang_code or ""):sub(1, 2)
		local text = tostring(messages[1][2])
		for _, pair in ipairs(messages) do
			if pair[1] == lang then
				text = tostring(pair[2])
			end
		end
		core.chat_send_player(name, text)
	end

	function actions.chat(request)
		local messages = request.messages
		if type(messages) ~= "table" or not messages[1] then
			return {ok = false, error = "no message"}
		end
		for _, player in ipairs(core.get_connected_players()) do
			send_in_language(player:get_player_name(), messages)
		end
		return {ok = true}
	end

	-- Told to each player who joins this server run (why it was restarted).
	local notice

	function actions.notice(request)
		local messages = request.messages
		if type(messages) ~= "table" or not messages[1] then
			return {ok = false, error = "no message"}
		end
		notice = messages
		return {ok = true}
	end

	core.register_on_joinplayer(function(player)
		if notice then
			send_in_language(player:get_player_name(), notice)
		end
	end)

	function actions.shutdown(request)
		request_shutdown(tostring(request.message or ""), request.reconnect == true, 0)
		return {ok = true}
	end

	function actions.media(request)
		local ok = core.dynamic_add_media({filepath = request.path}, function() end)
		return {ok = ok == true}
	end

	-- What a test or the teacher wants to see of the live server.
	function actions.command(request)
		local def = core.registered_chatcommands[request.name]
		if not def then
			return {ok = false, error = "no command /" .. tostring(request.name)}
		end
		local success, reply = def.func(request.player or "mtedu", request.param or "")
		return {ok = true, success = success == true, reply = reply}
	end

	-- Per callback list: its length, the entries of `mod`, and whether every
	-- slot holds a function (what the engine calls).
	function actions.callbacks(request)
		local lists = {}
		for name, list in pairs(callback_lists()) do
			local mine, callable = 0, true
			for index = 1, #list do
				if type(list[index]) ~= "function" then
					callable = false
				elseif core.callback_origins[list[index]].mod == request.mod then
					mine = mine + 1
				end
			end
			lists[name] = {length = #list, mine = mine, callable = callable}
		end
		return {ok = true, lists = lists}
	end

	-- The teacher (`name` in the server's config, the engine's admin) gets
	-- every privilege when joining: the engine alone gives the admin only
	-- those marked `give_to_admin`, not /time's or /teleport's.
	local function teacher_powers(name)
		if name ~= core.settings:get("name") then
			return
		end
		local all = {}
		for priv in pairs(core.registered_privileges) do
			all[priv] = true
		end
		core.set_player_privs(name, all)
	end

	core.register_on_joinplayer(function(player)
		teacher_powers(player:get_player_name())
	end)

	-- The privileges `name` has once joined (the account is made as a first
	-- join makes it).
	function actions.privs(request)
		local handler = core.get_auth_handler()
		if not handler.get_auth(request.name) then
			handler.create_auth(request.name, "")
		end
		teacher_powers(request.name)
		local privs = {}
		for priv in pairs(core.get_player_privs(request.name)) do
			privs[#privs + 1] = priv
		end
		table.sort(privs)
		return {ok = true, privs = privs}
	end

	function actions.registered(request)
		local def = core.registered_items[request.name]
		return {ok = true, registered = def ~= nil, description = def and def.description}
	end

	function actions.get_node(request)
		core.load_area(position(request.pos))
		return {ok = true, name = core.get_node(position(request.pos)).name}
	end

	function actions.set_node(request)
		core.load_area(position(request.pos))
		core.set_node(position(request.pos), {name = request.name})
		return {ok = true}
	end

	function actions.storage(request)
		local storage = storages[request.mod]
		if not storage then
			return {ok = false, error = "no storage for " .. tostring(request.mod)}
		end
		return {ok = true, value = storage:get_string(request.key)}
	end

	return actions
end
