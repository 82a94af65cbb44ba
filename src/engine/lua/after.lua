-- core.after as the engine's builtin runs it, because the order of jobs
-- due in the same server step is visible to mods: the jobs live in one
-- list, run from a globalstep registered before any mod's, scanned from
-- the last to the first, each finished job replaced by the list's last
-- one. Jobs added while jobs run wait for the next step. Measured against
-- the real 5.6.1 server by tests/engine_fidelity.rs (step_probe).
local core, host, private = ...

-- sim.step's decimal steps (ten times 0.1) add up to 0.9999999999999999:
-- a job due at 1 still runs, as a pupil expects. Real dtimes are floats
-- such as 0.090000003576278687, never that close below a due time.
local EPSILON = 1e-9

local jobs = {}
local elapsed = 0.0
local next_due = math.huge

local function due(expire)
	return elapsed + EPSILON >= expire
end

core.register_globalstep(function(dtime)
	elapsed = elapsed + dtime
	if not due(next_due) then
		return
	end
	next_due = math.huge
	for i = #jobs, 1, -1 do
		local job = jobs[i]
		if due(job.expire) then
			core.set_last_run_mod(job.mod_origin)
			-- unpack(args) as the engine does: a nil among the arguments
			-- can cut the list short, exactly as it does there.
			job.func(unpack(job.args))
			local last = #jobs
			jobs[i] = jobs[last]
			jobs[last] = nil
		elseif job.expire < next_due then
			next_due = job.expire
		end
	end
end)

function core.after(delay, func, ...)
	if type(func) ~= "function" then
		error("Attempt to call core.after with an argument that is not a function", 2)
	end
	if not tonumber(delay) then
		error("Invalid minetest.after invocation: the delay " .. tostring(delay) .. " is not a number", 2)
	end
	local job = {
		func = func,
		expire = elapsed + delay,
		args = { ... },
		mod_origin = core.get_last_run_mod(),
	}
	jobs[#jobs + 1] = job
	next_due = math.min(next_due, job.expire)
	return {
		cancel = function()
			job.func = function() end
		end,
	}
end

-- The jobs builtin itself schedules before any mod loads; they take their
-- places in the list, which decides the order of later jobs.
local function schedule_builtin_jobs()
	-- Builds the tree of chat commands by mod for the /help formspec,
	-- which mtedu does not draw.
	core.after(0, function() end)
	-- Forceloads again the blocks a previous run saved: a simulated world
	-- never starts with any.
	core.after(5, function() end)
	-- Saves the forceloaded blocks every 10 seconds: the simulated world
	-- keeps them in memory, only the schedule remains.
	local function persist()
		core.after(10, persist)
	end
	core.after(5, persist)
end

--- The pending jobs (`{ func, expire, args, mod_origin }`), for play time.
function private.after_jobs()
	return jobs
end

--- Back to a fresh server: no mod's job, time zero, builtin's own jobs.
function private.reset_after()
	for i = #jobs, 1, -1 do
		jobs[i] = nil
	end
	elapsed, next_due = 0.0, math.huge
	schedule_builtin_jobs()
end

schedule_builtin_jobs()
