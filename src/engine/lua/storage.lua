-- Mod storage: one key/value store per mod, in memory for the run.
local core, host, private = ...

local StorageRef = {}
StorageRef.__index = StorageRef

function StorageRef:get_string(key)
	return self.fields[key] or ""
end

function StorageRef:set_string(key, value)
	if value == "" or value == nil then
		self.fields[key] = nil
	else
		self.fields[key] = tostring(value)
	end
end

function StorageRef:get_int(key)
	return math.floor(tonumber(self.fields[key]) or 0)
end

function StorageRef:set_int(key, value)
	self:set_string(key, tostring(math.floor(value)))
end

function StorageRef:get_float(key)
	return tonumber(self.fields[key]) or 0
end

function StorageRef:set_float(key, value)
	self:set_string(key, tostring(value))
end

function StorageRef:get(key)
	return self.fields[key]
end

function StorageRef:contains(key)
	return self.fields[key] ~= nil
end

function StorageRef:get_keys()
	local keys = {}
	for key in pairs(self.fields) do
		keys[#keys + 1] = key
	end
	return keys
end

function StorageRef:to_table()
	return { fields = table.copy(self.fields) }
end

function StorageRef:from_table(t)
	self.fields = {}
	for key, value in pairs((t or {}).fields or {}) do
		self.fields[key] = tostring(value)
	end
	return true
end

function StorageRef:equals(other)
	return private.dump(self.fields) == private.dump(other.fields)
end

private.storages = {}

function core.get_mod_storage()
	local mod = private.current_modname
	if not mod then
		error("core.get_mod_storage can only be called while a mod loads", 2)
	end
	local storage = private.storages[mod]
	if not storage then
		storage = setmetatable({ fields = {} }, StorageRef)
		private.storages[mod] = storage
	end
	return storage
end
