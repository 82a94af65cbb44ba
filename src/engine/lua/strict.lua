-- Strict globals, as the engine warns: assigning an undeclared global
-- inside a function, or reading one, logs a warning once per place.
-- Everything defined before mods load counts as declared.
local core, host, private = ...

local declared, warned = {}, {}
for name in pairs(_G) do
	declared[name] = true
end

local format = string.format

local meta = {}

function meta:__newindex(name, value)
	if not declared[name] then
		local what, place = host.caller_info(1)
		if place and what ~= "main" and what ~= "C" and not warned[place] then
			warned[place] = true
			core.log("warning", format("Assignment to undeclared global %q inside a function at %s.", tostring(name), place))
		end
		declared[name] = true
	end
	rawset(self, name, value)
end

function meta:__index(name)
	if not declared[name] then
		local what, place = host.caller_info(1)
		if place and what ~= "C" and not warned[place] then
			warned[place] = true
			core.log("warning", format("Undeclared global variable %q accessed at %s", tostring(name), place))
		end
	end
	return rawget(self, name)
end

private.enable_strict = function()
	setmetatable(_G, meta)
end
