-- Loaded as the first mod of the real server (a world mod without
-- dependencies loads first): counts crafts as they are registered, less
-- those clear_craft removes (how many recipes the engine lists for the
-- outputs seen so far, before and after the call: clear_craft may remove
-- several), then at the first server step writes what every mod registered
-- to <world>/mtedu_dump.json and shuts the server down.
local crafts, outputs = 0, {}
local register_craft = minetest.register_craft
minetest.register_craft = function(recipe)
	register_craft(recipe)
	crafts = crafts + 1
	if type(recipe.output) == "string" then
		outputs[recipe.output:match("^%S*")] = true
	end
end

local function listed()
	local count = 0
	for name in pairs(outputs) do
		count = count + #(minetest.get_all_craft_recipes(name) or {})
	end
	return count
end

local clear_craft = minetest.clear_craft
minetest.clear_craft = function(query)
	local before = listed()
	local removed = clear_craft(query)
	if removed then
		crafts = crafts - math.max(1, before - listed())
	end
	return removed
end

-- Marks the moment every mod has loaded, for the load-time benchmark.
minetest.register_on_mods_loaded(function()
	local marker = io.open(minetest.get_worldpath() .. "/mtedu_mods_loaded", "w")
	marker:close()
end)

local function names(t)
	local out = {}
	for name in pairs(t) do
		out[#out + 1] = name
	end
	table.sort(out)
	return out
end

minetest.after(0, function()
	local api = {}
	for name, value in pairs(minetest) do
		api[#api + 1] = name .. " " .. type(value)
	end
	table.sort(api)
	local dump = {
		api = api,
		nodes = names(minetest.registered_nodes),
		craftitems = names(minetest.registered_craftitems),
		tools = names(minetest.registered_tools),
		entities = names(minetest.registered_entities),
		chatcommands = names(minetest.registered_chatcommands),
		privileges = names(minetest.registered_privileges),
		aliases = minetest.registered_aliases,
		crafts = crafts,
		abms = #minetest.registered_abms,
		lbms = #minetest.registered_lbms,
		modnames = minetest.get_modnames(),
	}
	local file = io.open(minetest.get_worldpath() .. "/mtedu_dump.json", "w")
	file:write(minetest.write_json(dump))
	file:close()
	minetest.request_shutdown("", false, 0)
end)
