-- Effects players would see or hear — sounds and particles — recorded so
-- that specs can check them (`sim.sounds()`, `sim.particles()`), with the
-- handles the engine returns: a sound nobody can hear returns -1, as on a
-- server with no player near; an ephemeral sound returns nil.
local core, host, private = ...

local effects = { sounds = {}, particles = {}, spawners = {} }
private.effects = effects
local next_sound, next_spawner = 0, 0

function private.reset_effects()
	effects.sounds, effects.particles, effects.spawners = {}, {}, {}
end

--- Names of the connected players a sound or particle reaches.
local function audience(params)
	local names = {}
	if params.to_player then
		if core.get_player_by_name(params.to_player) then
			names[1] = params.to_player
		end
		return names
	end
	for _, player in ipairs(core.get_connected_players()) do
		local name = player:get_player_name()
		local pos = params.pos or (params.object and params.object:get_pos())
		local in_range = not pos or vector.distance(pos, player:get_pos()) <= (params.max_hear_distance or 32)
		if name ~= params.exclude_player and in_range then
			names[#names + 1] = name
		end
	end
	return names
end

function core.sound_play(spec, parameters, ephemeral)
	parameters = parameters or {}
	if type(spec) == "string" then
		spec = { name = spec }
	end
	local heard_by = audience(parameters)
	local record = { spec = table.copy(spec or {}), parameters = table.copy(parameters), ephemeral = ephemeral and true or false,
		heard_by = heard_by }
	effects.sounds[#effects.sounds + 1] = record
	if ephemeral then
		return nil
	end
	if #heard_by == 0 then
		return -1
	end
	next_sound = next_sound + 1
	record.handle = next_sound
	return next_sound
end

local function find_sound(handle)
	for _, record in ipairs(effects.sounds) do
		if record.handle == handle then
			return record
		end
	end
end

function core.sound_stop(handle)
	local record = find_sound(handle)
	if record then
		record.stopped = true
	end
end

function core.sound_fade(handle, step, gain)
	local record = find_sound(handle)
	if record then
		record.fade = { step = step, gain = gain }
	end
end

function core.add_particle(def, ...)
	if type(def) ~= "table" then
		def = { pos = def, velocity = select(1, ...), acceleration = select(2, ...), expirationtime = select(3, ...),
			size = select(4, ...), collisiondetection = select(5, ...), texture = select(6, ...), playername = select(7, ...) }
	end
	effects.particles[#effects.particles + 1] = { def = table.copy(def), seen_by = audience({ to_player = def.playername }) }
	return def
end

function core.add_particlespawner(def)
	next_spawner = next_spawner + 1
	effects.spawners[next_spawner] = { def = table.copy(def), seen_by = audience({ to_player = def.playername }) }
	return next_spawner
end

function core.delete_particlespawner(id, player_name)
	local spawner = effects.spawners[id]
	if spawner then
		spawner.deleted = true
	end
end
