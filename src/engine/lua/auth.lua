-- Authentication: the builtin handler over the simulated players' records
-- (privileges, password string, last login), the one add-on handler a mod
-- may register, and the core functions that go through whichever is
-- active — privileges included, as in the engine.
local core, host, private = ...

local auth = private.auth
local records = {}
private.auth_records = records

local function record_of(name)
	if auth[name] == nil then
		return nil
	end
	records[name] = records[name] or { password = "", last_login = -1 }
	return records[name]
end

core.builtin_auth_handler = {
	get_auth = function(name)
		assert(type(name) == "string")
		local record = record_of(name)
		if not record then
			return nil
		end
		local privileges = table.copy(auth[name])
		if name == core.settings:get("name") then
			for priv, def in pairs(core.registered_privileges) do
				if def.give_to_admin then
					privileges[priv] = true
				end
			end
		end
		return { password = record.password, privileges = privileges, last_login = record.last_login }
	end,
	create_auth = function(name, password)
		assert(type(name) == "string")
		assert(type(password) == "string")
		auth[name] = core.string_to_privs(core.settings:get("default_privs") or "interact, shout")
		records[name] = { password = password, last_login = -1 }
		return true
	end,
	delete_auth = function(name)
		assert(type(name) == "string")
		if auth[name] == nil then
			return false
		end
		auth[name], records[name] = nil, nil
		return true
	end,
	set_password = function(name, password)
		assert(type(name) == "string")
		assert(type(password) == "string")
		if auth[name] == nil then
			core.builtin_auth_handler.create_auth(name, password)
		else
			record_of(name).password = password
		end
		return true
	end,
	set_privileges = function(name, privileges)
		assert(type(name) == "string")
		assert(type(privileges) == "table")
		if auth[name] == nil then
			core.builtin_auth_handler.create_auth(name, "")
		end
		auth[name] = table.copy(privileges)
	end,
	reload = function()
		return true
	end,
	record_login = function(name)
		assert(type(name) == "string")
		local record = assert(record_of(name))
		record.last_login = os.time()
	end,
	iterate = function()
		local names = {}
		for name in pairs(auth) do
			names[name] = true
		end
		return pairs(names)
	end,
}

function core.register_authentication_handler(handler)
	if rawget(core, "registered_auth_handler") then
		error("Add-on authentication handler already registered by " .. tostring(core.registered_auth_handler_modname))
	end
	core.registered_auth_handler = handler
	core.registered_auth_handler_modname = core.get_current_modname()
	handler.mod_origin = core.registered_auth_handler_modname
end

function core.get_auth_handler()
	return rawget(core, "registered_auth_handler") or core.builtin_auth_handler
end

local function through_handler(method)
	return function(...)
		local handler = core.get_auth_handler()
		if handler[method] then
			return handler[method](...)
		end
		return false
	end
end

core.set_player_password = through_handler("set_password")
core.set_player_privs = through_handler("set_privileges")
core.remove_player_auth = through_handler("delete_auth")
core.auth_reload = through_handler("reload")

--- Players' clients would be sent their new privileges; none is connected.
function core.notify_authentication_modified(name) end

function core.get_player_privs(name)
	local entry = core.get_auth_handler().get_auth(name)
	return entry and entry.privileges or {}
end

function core.check_player_privs(player_or_name, ...)
	local name = player_or_name
	if type(name) ~= "string" then
		name = name:get_player_name()
	end
	local wanted = {}
	local first = ...
	if type(first) == "table" then
		for priv, value in pairs(first) do
			if value then
				wanted[#wanted + 1] = priv
			end
		end
	else
		wanted = { ... }
	end
	table.sort(wanted)
	local have = core.get_player_privs(name)
	local missing = {}
	for _, priv in ipairs(wanted) do
		if not have[priv] then
			missing[#missing + 1] = priv
		end
	end
	return #missing == 0, missing
end

function core.create_detached_inventory_raw(name, player_name)
	return core.create_detached_inventory(name, {}, player_name)
end

function core.remove_detached_inventory_raw(name)
	return core.remove_detached_inventory(name)
end
