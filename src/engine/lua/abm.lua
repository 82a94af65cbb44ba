-- ABMs and LBMs in the simulated world. The whole map counts as active
-- (no player needs to be near). As in the engine's ServerEnvironment,
-- ABMs are looked at in passes, one every `abm_interval` seconds (1 s):
-- each pass adds that time to every ABM's timer, and an ABM whose timer
-- reached its `interval` runs once over the nodes set in the map, in z,
-- y, x order, checking min_y/max_y and `neighbors` (the 26 nodes around).
-- An `interval` below 0.001 (0 or negative) counts as 0.001, so such an
-- ABM runs at every pass, as often as one of interval 1 (measured on
-- 5.6.1: tests/it/engine_fidelity/abm_probe.rs). `chance` is drawn with math.random (seeded per test by
-- `mtedu test --seed`), unless a spec asked for every chance to succeed.
-- LBMs run when a spec reloads the map (`sim.reload_map()`), as when the
-- engine loads blocks from disk.
local core, host, private = ...

local abm_timers = {}
-- Time since the last pass, and the time between passes (the
-- `abm_interval` setting, read once as the engine does).
local since_pass, pass_interval = 0, nil
private.abm_always = false

function private.reset_abms()
	for k in pairs(abm_timers) do abm_timers[k] = nil end
	since_pass, pass_interval = 0, nil
	private.abm_always = false
	private.lbm_done = {}
end
private.lbm_done = {}

local function list_of(names)
	if type(names) == "string" then
		return { names }
	end
	return names or {}
end

local matches = private.node_matches
local stored_positions = private.stored_positions

local function has_neighbor(pos, wanted)
	for dz = -1, 1 do
		for dy = -1, 1 do
			for dx = -1, 1 do
				if (dx ~= 0 or dy ~= 0 or dz ~= 0) and matches(core.get_node(vector.offset(pos, dx, dy, dz)).name, wanted) then
					return true
				end
			end
		end
	end
	return false
end

local function objects_near(pos, radius)
	return #core.get_objects_inside_radius(pos, radius)
end

local function run_abm(abm)
	local nodenames = list_of(abm.nodenames)
	if matches("air", nodenames) then
		private.not_simulated("register_abm on air nodes (the simulated map has no end)")
	end
	local neighbors = abm.neighbors and list_of(abm.neighbors)
	local chance = math.floor(tonumber(abm.chance) or 1)
	for _, pos in ipairs(stored_positions()) do
		local node = core.get_node(pos)
		if matches(node.name, nodenames)
			and (abm.min_y == nil or pos.y >= abm.min_y) and (abm.max_y == nil or pos.y <= abm.max_y)
			and (not neighbors or #neighbors == 0 or has_neighbor(pos, neighbors))
			and (private.abm_always or chance <= 1 or math.random(chance) == 1) then
			abm.action(vector.copy(pos), node, objects_near(pos, 8), objects_near(pos, 24))
		end
	end
end

--- Lets `dtime` pass: at each ABM pass, advances every ABM's timer by
--- the pass interval and runs those that are due, once each.
function private.step_abms(dtime)
	pass_interval = pass_interval or tonumber(core.settings:get("abm_interval")) or 1.0
	since_pass = since_pass + dtime
	if since_pass < pass_interval - 1e-9 then
		return
	end
	since_pass = since_pass - pass_interval
	for i, abm in ipairs(core.registered_abms) do
		local interval = math.max(tonumber(abm.interval) or 10, 0.001)
		abm_timers[i] = (abm_timers[i] or 0) + pass_interval
		if abm_timers[i] >= interval - 1e-9 then
			abm_timers[i] = abm_timers[i] - interval
			run_abm(abm)
		end
	end
end

--- Runs the LBMs over the nodes of the map, as when its blocks are loaded
--- again: run_at_every_load ones every time, the others once per node.
function private.run_lbms()
	for _, lbm in ipairs(core.registered_lbms) do
		local nodenames = list_of(lbm.nodenames)
		for _, pos in ipairs(stored_positions()) do
			local node = core.get_node(pos)
			local key = tostring(lbm.name) .. "@" .. private.pos_key(pos)
			if matches(node.name, nodenames) and (lbm.run_at_every_load or not private.lbm_done[key]) then
				private.lbm_done[key] = true
				lbm.action(vector.copy(pos), node)
			end
		end
	end
end
