-- Privilege changes made by mods, told to mtedu: any mod may give any
-- player every privilege (`set_player_privs`, or the auth handler's
-- `set_privileges`), and in a class the animator must know who did it. With
-- `mtedu_revert_grants` set (the classroom preset), the privileges listed
-- there that a mod grants are taken back at once: only the teacher gives
-- those. The engine's own commands (/grant typed by a player) and mtedu's
-- are not a mod's doing.
--
-- Loaded by init.lua with its `emit`, `mod_of_source` and its own folder.

local core, debug, pairs, next, type, tostring, unpack =
	core, debug, pairs, next, type, tostring, unpack
local sort = table.sort

return function(emit, mod_of_source, own_dir)
	local revert = {}
	for priv in (core.settings:get("mtedu_revert_grants") or ""):gmatch("[^,%s]+") do
		revert[priv] = true
	end

	-- The mod whose code asked for the change and where: the innermost
	-- frame in a mod's folder; nil for mtedu's own and the engine's.
	local function caller()
		for level = 3, 30 do
			local info = debug.getinfo(level, "Sl")
			if not info then
				break
			end
			local source = tostring(info.source)
			local path = source:gsub("^@", "")
			if path:sub(1, #own_dir) == own_dir then
				return nil
			end
			local mod = mod_of_source(source)
			if not mod and source:sub(1, 1) == "@" and not path:find("/builtin/", 1, true) then
				-- While mods load (their folders are not known yet).
				mod = core.get_current_modname()
			end
			if mod then
				return mod, path .. ":" .. tostring(info.currentline)
			end
		end
		return nil
	end

	local function sorted_keys(set)
		local list = {}
		for key in pairs(set) do
			list[#list + 1] = key
		end
		sort(list)
		return list
	end

	local wrapped = {}
	local function wrap(handler)
		if type(handler) ~= "table" or type(handler.set_privileges) ~= "function" or wrapped[handler] then
			return handler
		end
		wrapped[handler] = true
		local set_privs, get_auth = handler.set_privileges, handler.get_auth
		handler.set_privileges = function(name, privs, ...)
			local auth = type(get_auth) == "function" and get_auth(name)
			local before = auth and type(auth.privileges) == "table" and auth.privileges or {}
			local had = {}
			for priv, on in pairs(before) do
				had[priv] = on and true or nil
			end
			local results = {set_privs(name, privs, ...)}
			local mod, place = caller()
			if not mod or type(privs) ~= "table" then
				return unpack(results)
			end
			local granted, revoked, reverted, kept = {}, {}, {}, {}
			for priv, on in pairs(privs) do
				if on then
					kept[priv] = true
					if not had[priv] then
						granted[priv] = true
						if revert[priv] then
							reverted[priv] = true
							kept[priv] = nil
						end
					end
				end
			end
			for priv in pairs(had) do
				if not kept[priv] and not reverted[priv] and not privs[priv] then
					revoked[priv] = true
				end
			end
			if next(reverted) then
				set_privs(name, kept)
			end
			if next(granted) or next(revoked) then
				emit({
					event = "privileges",
					player = tostring(name),
					granted = sorted_keys(granted),
					revoked = sorted_keys(revoked),
					reverted = sorted_keys(reverted),
					mod = mod,
					place = place,
				})
			end
			return unpack(results)
		end
		return handler
	end

	wrap(core.get_auth_handler())
	local register = core.register_authentication_handler
	core.register_authentication_handler = function(handler, ...)
		return register(wrap(handler), ...)
	end
end
