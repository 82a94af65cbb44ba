-- What registrations do once the server runs (`private.load_done`), per
-- the target version's measured rules (data/engine/<version>/after-load.txt):
-- Luanti 5.15 refuses items, ABMs, LBMs, aliases and unregister_item and
-- warns on override_item; 5.10 refuses on_mapblocks_changed callbacks; 5.6.1
-- allows them all (what follows then is its own behaviour).
local core, host, private = ...

-- The measured message names the probe's own item: put the mod's in.
local function message_for(template, name)
	if name == nil then
		return template
	end
	return (template:gsub(":?mtedu_engine_probe:[%w_]+", function()
		return tostring(name)
	end))
end

-- `rule`: the call as after-load.txt names it; `name_of` gives the thing's
-- name from the arguments. The wrapper tail-calls the original, so error
-- levels inside it stay right.
local function guard(call, rule, name_of)
	local original = core[call]
	if original == nil then
		return
	end
	core[call] = function(...)
		if private.load_done then
			local kind, template = host.after_load_rule(rule)
			if kind == "refused" then
				error(message_for(template, name_of(...)), 2)
			elseif kind == "warns" then
				core.log("warning", message_for(template, name_of(...)))
			end
		end
		return original(...)
	end
end

local function first(name)
	return name
end
local function named_spec(spec)
	return type(spec) == "table" and spec.name or nil
end
local function nothing()
	return nil
end

guard("register_item", "register_node", first)
guard("register_node", "register_node", first)
guard("register_craftitem", "register_craftitem", first)
guard("register_tool", "register_tool", first)
guard("register_abm", "register_abm", named_spec)
guard("register_lbm", "register_lbm", named_spec)
guard("register_alias", "register_alias", first)
guard("register_alias_force", "register_alias", first)
guard("unregister_item", "unregister_item", first)
guard("override_item", "override_item", first)
guard("register_on_mapblocks_changed", "register_on_mapblocks_changed", nothing)

-- 5.15 freezes the registration tables at the first server step.
if host.after_load_rule("registered_items_assignment") == "refused" then
	for _, list in ipairs({
		"registered_items", "registered_nodes", "registered_craftitems", "registered_tools",
		"registered_aliases", "registered_abms", "registered_lbms",
	}) do
		local t = core[list]
		if type(t) == "table" then
			local mt = getmetatable(t) or {}
			local old = mt.__newindex
			mt.__newindex = function(self, key, value)
				if private.load_done then
					error("modification forbidden", 2)
				end
				if old then
					return old(self, key, value)
				end
				rawset(self, key, value)
			end
			setmetatable(t, mt)
		end
	end
end
