-- The globals as they are before any mod runs, for mtedu's own checks (the
-- spec runner's assertions, `sim`, spec files, lesson objectives): a mod
-- replacing `error`, `xpcall` or `string.find` cannot change what they
-- conclude. Library tables are copied (names a mod adds later are still
-- found, in the live library); names added later (the mods' own tables)
-- are read from the live globals.
local private = ...
local copied = { string = true, table = true, math = true, os = true, coroutine = true,
	bit = true, jit = true, vector = true, debug = true }
local rawget, rawset, setmetatable, type, pairs, globals = rawget, rawset, setmetatable, type, pairs, _G
local pristine = {}
for name, value in pairs(_G) do
	if copied[name] and type(value) == "table" then
		local copy = setmetatable({}, { __index = value })
		for k, v in pairs(value) do copy[k] = v end
		value = copy
	end
	pristine[name] = value
end

-- mtedu's environments, which no mod may reach: `getfenv` gives a mod the
-- globals instead (a mod called from a spec could otherwise replace the
-- spec's `assert`), and `setfenv` cannot take one away.
local protected = setmetatable({}, { __mode = "k" })
local getfenv, setfenv, error, tonumber = getfenv, setfenv, error, tonumber

-- A level as the caller meant it: one more for this wrapper's own frame.
local function shifted(target)
	if target == nil then
		return 2
	end
	local level = tonumber(target)
	if type(target) ~= "function" and level and level > 0 then
		return level + 1
	end
	return target
end

local function kept_frame(...)
	return ...
end

rawset(globals, "getfenv", function(target)
	local env = getfenv(shifted(target))
	if protected[env] then
		return globals
	end
	return env
end)
rawset(globals, "setfenv", function(target, env)
	local shifted_target = shifted(target)
	if target ~= 0 and protected[getfenv(shifted_target)] then
		error("cannot change the environment of mtedu's own code", 2)
	end
	-- Not a tail call: LuaJIT drops this wrapper's frame in a tail call to
	-- a C function, so the level would then name the caller's caller.
	return kept_frame(setfenv(shifted_target, env))
end)

-- A library as a spec file sees it: what the spec itself assigned, else
-- the library of before the mods ran (else the live one, for names mods
-- added). What it assigns goes to the live library too, so that a spec
-- stubbing `os.time` changes it for the mods, as under busted.
local function library_view(name, live)
	local copy, own = pristine[name], {}
	return setmetatable({}, { __index = function(_, key)
		local value = own[key]
		if value == nil then value = copy[key] end
		return value
	end, __newindex = function(_, key, value)
		own[key] = value
		live[key] = value
	end, __metatable = false })
end

--- A fresh environment over the pristine globals. `fixed`: names given
--- their value in this environment whatever the globals hold (the spec
--- API). What the chunk assigns it reads back, and the mods see it too
--- (a spec setting `print` or a mod's setting, as busted shares globals).
--- `views`: library tables as `library_view`s (spec files, which may
--- assign into them), instead of the shared copies (mtedu's own Lua).
function private.pristine_environment(fixed, views)
	local env = {}
	for name, value in pairs(fixed or {}) do
		rawset(env, name, value)
	end
	if views then
		for name in pairs(copied) do
			local live = rawget(globals, name)
			if type(pristine[name]) == "table" and type(live) == "table" then
				rawset(env, name, library_view(name, live))
			end
		end
	end
	protected[env] = true
	return setmetatable(env, { __index = function(_, name)
		local value = rawget(pristine, name)
		if value == nil then value = rawget(globals, name) end
		return value
	end, __newindex = function(_, name, value)
		rawset(env, name, value)
		rawset(globals, name, value)
	end, __metatable = false })
end
