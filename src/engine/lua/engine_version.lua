-- Loaded after the whole API, before strict globals: makes what mod code
-- sees the target engine's, as measured on its real server
-- (data/engine/<version>/). mtedu's files define the API of every version
-- it knows; here whatever the target lacks is taken away, so that
-- `if core.get_node_raw then` and `stack.equals` behave as on that server.
local core, host, private = ...

private.engine_version = host.engine_version()

-- The core table holds exactly the real one's names (the missing ones were
-- made loud by not_simulated.lua).
local real = {}
for _, entry in ipairs(host.catalogue()) do
	real[entry[1]] = true
end
for name in pairs(core) do
	if not real[name] then
		core[name] = nil
	end
end

-- vector, table, string, math…: only what the target has.
for lib, names in pairs(host.library_entries()) do
	local t = rawget(_G, lib)
	if type(t) == "table" and t ~= core then
		local has = {}
		for _, name in ipairs(names) do
			has[name] = true
		end
		for name in pairs(t) do
			if not has[name] then
				t[name] = nil
			end
		end
	end
end

local globals = {}
for _, name in ipairs(host.globals()) do
	globals[name] = true
end
for name in pairs(_G) do
	if not globals[name] then
		rawset(_G, name, nil)
	end
end

-- Object methods of another version only (ItemStack:equals on 5.6.1); the
-- classes' own helpers stay.
for class, tables in pairs(private.classes) do
	local methods = host.version_methods(class)
	for _, methods_table in ipairs(tables) do
		for name in pairs(methods_table) do
			if methods[name] == false then
				methods_table[name] = nil
			end
		end
	end
end

-- A method called with a dot (self missing) fails as on the real server;
-- done last, so only the target's methods are wrapped.
private.check_self_of_methods()
