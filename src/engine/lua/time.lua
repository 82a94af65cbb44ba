-- Time at load: core.after queues jobs (run by the simulated world's
-- steps), game time and time of day start at the engine's values.
local core, host, private = ...

private.jobs = {}
private.gametime = 0
private.timeofday = 0.25

local Job = {}
Job.__index = Job
function Job:cancel()
	self.cancelled = true
end

function core.after(delay, func, ...)
	if type(func) ~= "function" then
		error("Attempt to call core.after with an argument that is not a function", 2)
	end
	local job = setmetatable({
		expire = private.gametime + (tonumber(delay) or 0),
		func = func,
		args = { n = select("#", ...), ... },
		mod_origin = private.current_modname,
	}, Job)
	private.jobs[#private.jobs + 1] = job
	return job
end

function core.get_gametime()
	if not private.load_done then
		return nil
	end
	return math.floor(private.gametime)
end

function core.get_timeofday()
	return private.timeofday
end

function core.get_day_count()
	return 0
end
