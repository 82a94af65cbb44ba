-- Guards that keep the time budget effective: a pcall, xpcall or
-- coroutine.resume that caught the "time is up" error passes it on, as it
-- was first raised (an error handler that loops too would otherwise turn
-- it into "error in error handling"). `exhausted()` gives that error once
-- the time is up, nil before.
local exhausted = ...
local pcall, xpcall, error, select, unpack = pcall, xpcall, error, select, unpack
local resume = coroutine.resume

local function pass_on(ok, ...)
	local time_out = not ok and exhausted()
	if time_out then
		error(time_out, 0)
	end
	return ok, ...
end

_G.pcall = function(...)
	return pass_on(pcall(...))
end

_G.xpcall = function(f, handler, ...)
	local args, n = { ... }, select("#", ...)
	return pass_on(xpcall(function()
		return f(unpack(args, 1, n))
	end, function(message)
		if exhausted() then
			return message
		end
		return handler(message)
	end))
end

coroutine.resume = function(...)
	return pass_on(resume(...))
end

local create = coroutine.create
coroutine.wrap = function(f)
	local thread = create(f)
	return function(...)
		local function unwrap(ok, ...)
			if not ok then
				error((...), 0)
			end
			return ...
		end
		return unwrap(pass_on(resume(thread, ...)))
	end
end

