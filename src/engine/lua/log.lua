-- Logging: core.log, print and chat sent at load time end up in the run's
-- log, which the report turns into findings.
local core, host, private = ...

local levels = { none = true, error = true, warning = true, action = true, info = true, verbose = true, deprecated = true }

function core.log(level, text)
	if text == nil then
		level, text = "none", level
	end
	if not levels[level] then
		level = "none"
	end
	host.log(level, tostring(text))
end

function core.debug(...)
	local parts = {}
	for i = 1, select("#", ...) do
		parts[#parts + 1] = tostring((select(i, ...)))
	end
	host.log("none", table.concat(parts, "\t"))
end

rawset(_G, "print", function(...)
	local parts = {}
	for i = 1, select("#", ...) do
		parts[#parts + 1] = tostring((select(i, ...)))
	end
	host.log("print", table.concat(parts, "\t"))
end)
