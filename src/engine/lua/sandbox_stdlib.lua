-- The parts of Lua's standard library a non-trusted mod keeps under the
-- engine's mod security (measured on 5.6.1 with a probe mod): debug's
-- getinfo, traceback, upvalueid, gethook, sethook, debug; os's getenv and
-- setlocale next to clock/date/time/difftime; package's config, cpath and
-- path (searchpath and the path-taking os/io functions come with the
-- world's file layer, which confines them).
local debug_lib, raw_os, os_lib = ...
local type, error, select = type, error, select

local debug = {
	getinfo = debug_lib.getinfo,
	traceback = debug_lib.traceback,
	upvalueid = debug_lib.upvalueid,
}
-- mtedu's own hook is the time budget: a mod's hook is kept, as the engine
-- keeps it, but never replaces the budget's (so it is not called).
local mod_hook = {}
function debug.sethook(...)
	local n = select("#", ...)
	local first = ...
	if n > 0 and type(first) == "thread" then
		mod_hook = { select(2, ...) }
	else
		mod_hook = { ... }
	end
end
function debug.gethook()
	if mod_hook[1] == nil then
		return nil, "", 0
	end
	return mod_hook[1], mod_hook[2], mod_hook[3]
end
-- The engine's debug.debug reads commands from the server's standard
-- input, which has none: it returns at once.
function debug.debug() end
rawset(_G, "debug", debug)

os_lib.getenv = raw_os.getenv
local setlocale = raw_os.setlocale
-- Querying the locale is harmless; changing it would change how mtedu
-- itself prints numbers, so only the C locale may be chosen.
os_lib.setlocale = function(locale, category)
	if locale == nil or locale == "C" or locale == "POSIX" then
		return setlocale(locale, category)
	end
	if type(locale) ~= "string" then
		error("bad argument #1 to 'setlocale' (string expected, got " .. type(locale) .. ")", 2)
	end
	return nil
end

rawset(_G, "package", {
	config = "/\n;\n?\n!\n-\n",
	cpath = "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so",
	path = "./?.lua;/usr/share/luajit-2.1.0-beta3/?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua",
})
