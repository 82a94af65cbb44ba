-- `core.settings` and `Settings(file)`: the engine's defaults (measured
-- on the real server), overlaid with the game's minetest.conf and the
-- run's own values.
local core, host, private = ...

local Settings = {}
Settings.__index = Settings
private.classes.Settings = { Settings }

local function new_settings(values, defaults)
	return setmetatable({ values = values, defaults = defaults or {} }, Settings)
end

function Settings:get(name)
	local value = self.values[name]
	if value == nil then
		value = self.defaults[name]
	end
	return value
end

function Settings:get_bool(name, default)
	local value = self:get(name)
	if value == nil then
		return default
	end
	return core.is_yes(value)
end

function Settings:get_flags(name)
	local value = self:get(name)
	if value == nil then
		return nil
	end
	local flags = {}
	for _, flag in ipairs(value:split(",")) do
		flag = flag:trim()
		if flag:sub(1, 2) == "no" then
			flags[flag:sub(3)] = false
		else
			flags[flag] = true
		end
	end
	return flags
end

function Settings:get_np_group(name)
	local value = self:get(name)
	if type(value) == "table" then
		return table.copy(value)
	end
	private.not_simulated("settings:get_np_group")
end

function Settings:set(name, value)
	if type(name) ~= "string" or name:find("[=\"{}#%s]") then
		error("Setting name contains disallowed characters: " .. tostring(name), 2)
	end
	self.values[name] = tostring(value)
end

function Settings:set_bool(name, value)
	self:set(name, value and "true" or "false")
end

function Settings:set_np_group(name, value)
	self.values[name] = table.copy(value)
end

function Settings:remove(name)
	local existed = self.values[name] ~= nil
	self.values[name] = nil
	return existed
end

function Settings:get_names()
	local names = {}
	for name in pairs(self.values) do
		names[#names + 1] = name
	end
	table.sort(names)
	return names
end

function Settings:to_table()
	return table.copy(self.values)
end

-- `core.settings` lives in memory only: a run never changes the PC's
-- minetest.conf. A `Settings(path)` object writes its file where mod
-- security lets the mod write (the world folder; its mod folder while
-- loading, in memory).
function Settings:write()
	if not self.path then
		return true
	end
	local lines = {}
	for _, name in ipairs(self:get_names()) do
		local value = tostring(self.values[name])
		if value:find("\n", 1, true) then
			value = '"""\n' .. value .. '\n"""'
		end
		lines[#lines + 1] = name .. " = " .. value .. "\n"
	end
	local ok = pcall(host.write_file, self.path, table.concat(lines), false)
	if not ok then
		error("Settings: writing " .. self.path .. " not allowed with mod security on.", 2)
	end
	return true
end
private.partial["settings:write"] = "core.settings is kept in memory, never written to minetest.conf"

core.settings = new_settings(host.initial_settings(), host.setting_defaults())

rawset(_G, "Settings", function(path)
	if type(path) ~= "string" then
		error("bad argument #1 to 'Settings' (string expected, got " .. type(path) .. ")", 2)
	end
	local settings = new_settings(host.read_settings_file(path))
	settings.path = path
	return settings
end)

-- The deprecated setting functions still work in 5.6.1; they forward to
-- core.settings.
function core.setting_get(name)
	return core.settings:get(name)
end

function core.setting_set(name, value)
	core.settings:set(name, value)
end

function core.setting_getbool(name)
	return core.settings:get_bool(name)
end

function core.setting_setbool(name, value)
	core.settings:set_bool(name, value)
end

function core.setting_save()
	return core.settings:write()
end
