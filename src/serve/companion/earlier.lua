-- The safety net for what mods loaded before the companion registered.
-- The engine does not fix the load order of mods from several folders:
-- measured on 5.6.1, a watched mod loaded before the companion in about
-- one start in eight, its callbacks then unguarded (an error stopped the
-- server, a loop that never ends was blamed on nothing). Each callback
-- and definition function registered so far by a mod is wrapped in place;
-- builtin's own (origin "??" or "*builtin*") stay as they are.
--
-- Loaded by init.lua with its `guard`, `guard_fields` and `callback_lists`.

local core, pairs, ipairs, type, tostring = core, pairs, ipairs, type, tostring

local NOT_A_MOD = {["??"] = true, ["*builtin*"] = true, [""] = true}

local function by_a_mod(mod)
	return type(mod) == "string" and not NOT_A_MOD[mod]
end

return function(guard, guard_fields, callback_lists)
	for key, list in pairs(callback_lists()) do
		-- `registered_on_joinplayers` → `register_on_joinplayer`.
		local what = key:gsub("^registered_", "register_"):gsub("s$", "")
		for index, func in ipairs(list) do
			local origin = core.callback_origins[func]
			if type(func) == "function" and origin and by_a_mod(origin.mod) then
				local wrapped = guard(func, what, origin.mod)
				if wrapped ~= func then
					core.callback_origins[wrapped] = origin
					list[index] = wrapped
				end
			end
		end
	end
	for name, def in pairs(core.registered_items) do
		if by_a_mod(def.mod_origin) then
			guard_fields(def, tostring(name), def.mod_origin)
		end
	end
	for name, def in pairs(core.registered_entities) do
		if by_a_mod(def.mod_origin) then
			guard_fields(def, tostring(name), def.mod_origin)
		end
	end
	for name, def in pairs(core.registered_chatcommands) do
		if by_a_mod(def.mod_origin) then
			guard_fields(def, "/" .. tostring(name), def.mod_origin)
		end
	end
	for _, spec in ipairs(core.registered_abms) do
		if by_a_mod(spec.mod_origin) then
			guard_fields(spec, "ABM " .. tostring(spec.label), spec.mod_origin)
		end
	end
	for _, spec in ipairs(core.registered_lbms) do
		if by_a_mod(spec.mod_origin) then
			guard_fields(spec, "LBM " .. tostring(spec.name), spec.mod_origin)
		end
	end
end
