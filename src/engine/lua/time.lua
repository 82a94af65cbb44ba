-- Time at load: game time and time of day start at the engine's values
-- (core.after lives in after.lua).
local core, host, private = ...

private.gametime = 0
private.timeofday = 0.25

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
