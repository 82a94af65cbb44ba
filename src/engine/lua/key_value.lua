-- The key/value methods shared by metadata-like objects (mod storage,
-- item metadata): values are stored as strings in `self.fields`.
local core, host, private = ...

local methods = {}

function methods:get_string(key)
	return self.fields[key] or ""
end

function methods:set_string(key, value)
	if value == nil or value == "" then
		self.fields[key] = nil
	else
		self.fields[key] = tostring(value)
	end
end

function methods:get(key)
	return self.fields[key]
end

function methods:contains(key)
	return self.fields[key] ~= nil
end

function methods:get_int(key)
	return math.floor(tonumber(self.fields[key]) or 0)
end

function methods:set_int(key, value)
	self:set_string(key, tostring(math.floor(value)))
end

function methods:get_float(key)
	return tonumber(self.fields[key]) or 0
end

function methods:set_float(key, value)
	self:set_string(key, tostring(value))
end

function methods:get_keys()
	local keys = {}
	for key in pairs(self.fields) do
		keys[#keys + 1] = key
	end
	table.sort(keys)
	return keys
end

function methods:to_table()
	return { fields = table.copy(self.fields) }
end

function methods:from_table(t)
	self.fields = {}
	for key, value in pairs((t or {}).fields or {}) do
		self.fields[key] = tostring(value)
	end
	return true
end

function methods:equals(other)
	return private.dump(self.fields) == private.dump(other.fields)
end

--- Gives `class` the shared key/value methods.
function private.add_key_value_methods(class)
	for name, method in pairs(methods) do
		class[name] = method
	end
end
