-- luassert's matchers (`match._`, `match.is_string()`, `match.matches(p)`,
-- `match.is_not.nil()`, `match.any_of(...)`…), used in `called_with` and
-- `returned_with`, with custom ones from `assert:register("matcher", …)`.
local _, _, lib = ...
-- String functions taken once, never through a string's methods: a mod
-- replacing `string.find` (the strings' shared methods) cannot change them.
local find, lower, gmatch = string.find, string.lower, string.gmatch
local assert = lib.assert
local need = lib.require_argument

local matcher_meta = {
	__call = function(self, value)
		return self.callback(value) == self.mod
	end,
}

local state_meta = {}
state_meta.__index = function(self, key)
	for token in gmatch(lower(tostring(key)), "[^_]+") do
		table.insert(rawget(self, "tokens"), token)
	end
	return self
end
state_meta.__call = function(self, ...)
	local keys = lib.extract_keys("matcher", rawget(self, "tokens"))
	rawset(self, "tokens", {})
	local matcher
	for _, key in ipairs(keys) do
		matcher = lib.namespace.matcher[key] or matcher
	end
	local arguments = lib.pack(...)
	if not matcher then
		for _, key in ipairs(keys) do
			if lib.namespace.modifier[key] then
				lib.namespace.modifier[key].callback(self, arguments)
			end
		end
		return self
	end
	for _, key in ipairs(keys) do
		if lib.namespace.modifier[key] then
			lib.namespace.modifier[key].callback(self)
		end
	end
	return setmetatable({
		name = matcher.name,
		mod = rawget(self, "mod"),
		callback = matcher.callback(self, arguments, 2),
		arguments = arguments,
	}, matcher_meta)
end

local match = {
	_ = setmetatable({ mod = true, name = "_", callback = function() return true end }, matcher_meta),
	state = function()
		return setmetatable({ mod = true, tokens = {} }, state_meta)
	end,
	is_matcher = function(value)
		return type(value) == "table" and getmetatable(value) == matcher_meta
	end,
	is_ref_matcher = function(value)
		return type(value) == "table" and getmetatable(value) == matcher_meta and value.name == "ref"
	end,
}
lib.match = setmetatable(match, {
	__index = function(self, key)
		local raw = rawget(self, key)
		if raw ~= nil then
			return raw
		end
		return self.state()[key]
	end,
})

local function register(name, make)
	assert:register("matcher", name, make)
end

register("true", function() return function(v) return v == true end end)
register("false", function() return function(v) return v == false end end)
register("truthy", function() return function(v) return v ~= false and v ~= nil end end)
register("falsy", function() return function(v) return v == false or v == nil end end)
for _, kind in ipairs({ "nil", "boolean", "number", "string", "table", "function", "userdata", "thread" }) do
	register(kind, function() return function(v) return type(v) == kind end end)
end

local function equals(_, arguments)
	need(arguments.n > 0, lib.said("needs-value", "match.equals"))
	return function(v) return v == arguments[1] end
end
register("equals", equals)
register("equal", equals)

register("same", function(_, arguments)
	need(arguments.n > 0, lib.said("needs-value", "match.same"))
	return function(v)
		if type(v) == "table" and type(arguments[1]) == "table" then
			return lib.deep_equal(v, arguments[1], true)
		end
		return v == arguments[1]
	end
end)

register("ref", function(_, arguments)
	local kind = type(arguments[1])
	need(arguments.n > 0, lib.said("needs-value", "match.ref"))
	need(kind == "table" or kind == "function" or kind == "thread" or kind == "userdata",
		lib.said("bad-value", "match.ref", "reference", kind))
	return function(v) return v == arguments[1] end
end)

local function matches(_, arguments)
	need(arguments.n > 0, lib.said("needs-value", "match.matches"))
	local pattern, init, plain = arguments[1], arguments[2], arguments[3]
	need(type(pattern) == "string", lib.said("bad-value", "match.matches", "pattern", type(pattern)))
	need(init == nil or tonumber(init), lib.said("bad-value", "match.matches", "start", type(init)))
	return function(v)
		local kind = type(v)
		if kind == "string" or kind == "number" or (kind == "table" and lib.has_tostring(v)) then
			return find(tostring(v), pattern, init, plain) ~= nil
		end
		return false
	end
end
register("matches", matches)
register("match", matches)

register("near", function(_, arguments)
	need(arguments.n > 1, lib.said("needs-values", "match.near", 2, arguments.n))
	local expected, tolerance = tonumber(arguments[1]), tonumber(arguments[2])
	need(expected and tolerance, lib.said("bad-value", "match.near", "numbers", type(arguments[1])))
	return function(v)
		local actual = tonumber(v)
		return actual ~= nil and actual >= expected - tolerance and actual <= expected + tolerance
	end
end)

register("unique", function(_, arguments)
	local deep = arguments[1]
	return function(list)
		for k, v in pairs(list) do
			for k2, v2 in pairs(list) do
				if k ~= k2 and ((deep and lib.deep_equal(v, v2, true)) or v == v2) then
					return false
				end
			end
		end
		return true
	end
end)

local function composite(name, test)
	register(name, function(_, arguments)
		need(arguments.n > 0, lib.said("needs-value", "match." .. name))
		for i = 1, arguments.n do
			need(match.is_matcher(arguments[i]), lib.said("bad-value", "match." .. name, "matcher", type(arguments[i])))
		end
		return function(v) return test(arguments, v) end
	end)
end
composite("none_of", function(list, v)
	for _, m in ipairs(list) do
		if m(v) then return false end
	end
	return true
end)
composite("any_of", function(list, v)
	for _, m in ipairs(list) do
		if m(v) then return true end
	end
	return false
end)
composite("all_of", function(list, v)
	for _, m in ipairs(list) do
		if not m(v) then return false end
	end
	return true
end)

--- Do `values` (one call's arguments or returned values) fit `specs`, as
--- luassert's matchargs: matchers test, other values compare deeply, and
--- both lists have the same count of values, trailing nils included.
function lib.values_match(values, references, specs)
	if values.n ~= specs.n then
		return false
	end
	for index, value in pairs(values) do
		if index ~= "n" then
			local spec = specs[index]
			if match.is_matcher(spec) then
				if match.is_ref_matcher(spec) then
					value = references[index]
				end
				if not spec(value) then
					return false
				end
			elseif spec == nil or not lib.deep_equal(value, spec) then
				return false
			end
		end
	end
	for index, spec in pairs(specs) do
		if index ~= "n" and values[index] == nil then
			if not (match.is_matcher(spec) and spec(nil)) then
				return false
			end
		end
	end
	return true
end

return match
