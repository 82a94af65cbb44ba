-- mtedu's simulation of the engine's `core` API, loaded in this order.
-- Every file receives (core, host, private): `host` holds the functions
-- backed by Rust, `private` is shared between these files and never
-- reachable from mod code.
local host = ...
local core = {}
-- `classes`: name -> method tables, for engine_version.lua.
local private = { partial = {}, classes = {} }

rawset(_G, "core", core)
rawset(_G, "minetest", core)

for _, name in ipairs(host.builtin_files()) do
	host.run_builtin(name, core, host, private)
end

return core, private
