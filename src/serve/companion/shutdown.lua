-- Who asked the server to stop: a mod's `core.request_shutdown` ends the
-- server as a crash would, and the last error lines of its log are then
-- someone else's. The caller's mod and file:line go to mtedu first.
--
-- Loaded by init.lua with its `emit` and `mod_of_source`; gives back the
-- engine's own function, for mtedu's own restarts.

local core, debug, tostring, tonumber, type = core, debug, tostring, tonumber, type

return function(emit, mod_of_source)
	local request_shutdown = core.request_shutdown
	core.request_shutdown = function(message, reconnect, delay, ...)
		local info = debug.getinfo(2, "Sl") or {}
		local source = tostring(info.source or "")
		emit({
			event = "shutdown_requested",
			mod = core.get_current_modname() or mod_of_source(source) or "",
			place = source:gsub("^@", "") .. ":" .. tostring(info.currentline or 0),
			message = type(message) == "string" and message or "",
			-- A negative delay cancels the request.
			cancel = (tonumber(delay) or 0) < 0,
		})
		return request_shutdown(message, reconnect, delay, ...)
	end
	return request_shutdown
end
