-- The globals as they are before any mod runs, for mtedu's own checks (the
-- spec runner's assertions, `sim`, lesson objectives): a mod replacing
-- `error`, `type` or `string.format` cannot change what they conclude.
-- Library tables are copied; names added later (the spec API) are read
-- from the live globals.
local private = ...
local copied = { string = true, table = true, math = true, os = true, coroutine = true,
	bit = true, jit = true, vector = true }
local pristine = {}
for name, value in pairs(_G) do
	if copied[name] and type(value) == "table" then
		local copy = {}
		for k, v in pairs(value) do copy[k] = v end
		value = copy
	end
	pristine[name] = value
end
local rawget, rawset, setmetatable, globals = rawget, rawset, setmetatable, _G

--- `live`: names read from the live globals first (the spec API, which
--- the runner puts there after the mods ran).
function private.pristine_environment(live)
	live = live or {}
	return setmetatable({}, { __index = function(_, name)
		local value
		if live[name] then value = rawget(globals, name) end
		if value == nil then value = rawget(pristine, name) end
		if value == nil then value = rawget(globals, name) end
		return value
	end, __newindex = function(_, name, value)
		-- What the chunk defines (mineunit's `fixture`) is a global still.
		rawset(globals, name, value)
	end })
end
