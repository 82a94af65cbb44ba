-- What items do when used: drops of a dug node (drop tables with rarity,
-- tools and max_items; rarity uses math.random, seeded by `mtedu test
-- --seed`), digging with tool wear, placing nodes (param2 from the
-- placer's direction, after_place_node, register_on_placenode), dropping
-- and eating items, and item entities (`__builtin:item`) in the world.
local core, host, private = ...

local function copy_pointed(pointed_thing)
	return {
		type = pointed_thing.type,
		above = pointed_thing.above and vector.copy(pointed_thing.above),
		under = pointed_thing.under and vector.copy(pointed_thing.under),
		ref = pointed_thing.ref,
	}
end

local function copy_node(node)
	return { name = node.name, param1 = node.param1, param2 = node.param2 }
end

local function tool_matches(entry, toolname)
	if entry.tools == nil and entry.tool_groups == nil then
		return true
	end
	if not toolname then
		return false
	end
	for _, tool in ipairs(entry.tools or {}) do
		local ok
		if tool:sub(1, 1) == "~" then
			ok = toolname:find(tool:sub(2)) ~= nil
		else
			ok = toolname == tool
		end
		if ok then
			return true
		end
	end
	local groups = entry.tool_groups
	local tooldef = groups and core.registered_items[toolname]
	if not tooldef or type(tooldef.groups) ~= "table" then
		return false
	end
	if type(groups) == "string" then
		return core.get_item_group(toolname, groups) ~= 0
	end
	for _, required in ipairs(groups) do
		local all = true
		for _, group in ipairs(type(required) == "string" and { required } or required) do
			if (tooldef.groups[group] or 0) == 0 then
				all = false
			end
		end
		if all then
			return true
		end
	end
	return false
end

function core.get_node_drops(node, toolname)
	local name, param2 = node, 0
	if type(node) == "table" then
		name, param2 = node.name, node.param2
	end
	local def = core.registered_nodes[name]
	local drop = def and def.drop
	local palette_index = core.strip_param2_color(param2, def and def.paramtype2)
	local function colored(item)
		if not palette_index then
			return item
		end
		local stack = ItemStack(item)
		stack:get_meta():set_int("palette_index", palette_index)
		return stack:to_string()
	end
	if drop == nil then
		return { colored(name) }
	elseif type(drop) == "string" then
		return drop ~= "" and { drop } or {}
	elseif drop.items == nil then
		return {}
	end
	local items, picked = {}, 0
	for _, entry in ipairs(drop.items) do
		local lucky = entry.rarity == nil or entry.rarity < 1 or math.random(entry.rarity) == 1
		if lucky and tool_matches(entry, toolname) then
			picked = picked + 1
			for _, item in ipairs(entry.items) do
				items[#items + 1] = entry.inherit_color and colored(item) or item
			end
			if drop.max_items ~= nil and picked == drop.max_items then
				break
			end
		end
	end
	return items
end

--- Items go to the digger's main list; what does not fit falls as item
--- entities around the node.
function core.handle_node_drops(pos, drops, digger)
	local inventory = digger and digger:get_inventory()
	for _, item in pairs(drops) do
		local left = inventory and inventory:add_item("main", item) or ItemStack(item)
		if not left:is_empty() then
			local p = vector.offset(pos, math.random() / 2 - 0.25, math.random() / 2 - 0.25, math.random() / 2 - 0.25)
			core.add_item(p, left)
		end
	end
end

local function name_of(user)
	return user and user:get_player_name() or ""
end

function core.node_dig(pos, node, digger)
	local digger_name = name_of(digger)
	local def = core.registered_nodes[node.name]
	if def and (not def.diggable or (def.can_dig and not def.can_dig(vector.copy(pos), digger))) then
		return false
	end
	if core.is_protected(pos, digger_name) then
		core.record_protection_violation(pos, digger_name)
		return false
	end
	local wielded = digger and digger:get_wielded_item()
	local drops = core.get_node_drops(node, wielded and wielded:get_name())
	if wielded then
		local wdef = wielded:get_definition()
		local params = core.get_dig_params(def and def.groups, wielded:get_tool_capabilities(), wielded:get_wear())
		if wdef and wdef.after_use then
			wielded = wdef.after_use(wielded, digger, node, params) or wielded
		elseif not core.is_creative_enabled(digger_name) then
			wielded:add_wear(params.wear)
			if wielded:get_count() == 0 and wdef.sound and wdef.sound.breaks then
				core.sound_play(wdef.sound.breaks, { pos = pos, gain = 0.5 }, true)
			end
		end
		digger:set_wielded_item(wielded)
	end
	if def and def.preserve_metadata then
		local oldmeta = core.get_meta(pos):to_table().fields
		local stacks = {}
		for k, v in pairs(drops) do
			stacks[k] = ItemStack(v)
		end
		drops = stacks
		def.preserve_metadata(vector.copy(pos), copy_node(node), oldmeta, drops)
	end
	core.handle_node_drops(pos, drops, digger)
	local oldmeta = def and def.after_dig_node and core.get_meta(pos):to_table()
	core.remove_node(pos)
	if digger_name ~= "" and def and def.sounds and def.sounds.dug then
		core.sound_play(def.sounds.dug, { pos = pos, exclude_player = digger_name }, true)
	end
	if def and def.after_dig_node then
		def.after_dig_node(vector.copy(pos), copy_node(node), oldmeta, digger)
	end
	for _, callback in ipairs(core.registered_on_dignodes) do
		local origin = core.callback_origins[callback]
		core.set_last_run_mod(origin and origin.mod)
		callback(vector.copy(pos), copy_node(node), digger)
	end
	return true
end

local color_divisors = { color = 1, colorwallmounted = 8, colorfacedir = 32, colordegrotate = 32 }

function core.item_place_node(itemstack, placer, pointed_thing, param2, prevent_after_place)
	local def = itemstack:get_definition()
	if def.type ~= "node" or pointed_thing.type ~= "node" then
		return itemstack, nil
	end
	local under, above = pointed_thing.under, pointed_thing.above
	local under_def = core.registered_nodes[core.get_node(under).name] or core.nodedef_default
	local above_def = core.registered_nodes[core.get_node(above).name] or core.nodedef_default
	if not above_def.buildable_to and not under_def.buildable_to then
		return itemstack, nil
	end
	local place_to = vector.copy(under_def.buildable_to and under or above)
	local player_name = name_of(placer)
	if core.is_protected(place_to, player_name) then
		core.record_protection_violation(place_to, player_name)
		return itemstack, nil
	end
	local oldnode = core.get_node(place_to)
	local newnode = { name = def.name, param1 = 0, param2 = param2 or 0 }
	if def.place_param2 ~= nil then
		newnode.param2 = def.place_param2
	elseif (def.paramtype2 == "wallmounted" or def.paramtype2 == "colorwallmounted") and not param2 then
		newnode.param2 = core.dir_to_wallmounted(vector.subtract(under, above))
	elseif (def.paramtype2 == "facedir" or def.paramtype2 == "colorfacedir") and not param2 then
		local placer_pos = placer and placer:get_pos()
		if placer_pos then
			newnode.param2 = core.dir_to_facedir(vector.subtract(above, placer_pos))
		end
	end
	local fields = itemstack:get_meta():to_table().fields
	local divisor = color_divisors[def.paramtype2]
	if fields.palette_index and not def.place_param2 and divisor then
		local color = math.floor(tonumber(fields.palette_index) / divisor)
		newnode.param2 = color * divisor + newnode.param2 % divisor
	end
	if core.get_item_group(def.name, "attached_node") ~= 0 and not private.attached_node_holds(place_to, newnode) then
		return itemstack, nil
	end
	core.add_node(place_to, newnode)
	if player_name ~= "" and def.sounds and def.sounds.place then
		core.sound_play(def.sounds.place, { pos = place_to, exclude_player = player_name }, true)
	end
	local take = true
	if def.after_place_node and not prevent_after_place then
		if def.after_place_node(vector.copy(place_to), placer, itemstack, copy_pointed(pointed_thing)) then
			take = false
		end
	end
	for _, callback in ipairs(core.registered_on_placenodes) do
		if callback(vector.copy(place_to), copy_node(newnode), placer, copy_node(oldnode), itemstack, copy_pointed(pointed_thing)) then
			take = false
		end
	end
	if take then
		itemstack:take_item()
	end
	return itemstack, place_to
end

--- Whether an attached node at `pos` has a walkable node to hang on.
function private.attached_node_holds(pos, node)
	local def = core.registered_nodes[node.name]
	local dir = vector.new(0, -1, 0)
	if def.paramtype2 == "wallmounted" or def.paramtype2 == "colorwallmounted" then
		dir = core.wallmounted_to_dir(node.param2) or vector.new(0, 1, 0)
	end
	local support = core.registered_nodes[core.get_node(vector.add(pos, dir)).name]
	return not (support and not support.walkable)
end

--- The point of the pointed face the placer's eyes look at: the line
--- from the eyes along the look direction, cut by the plane of the face
--- between `under` and `above` (as the engine's builtin helper; the same
--- position for both gives `under`).
function core.pointed_thing_to_face_pos(placer, pointed_thing)
	local under, above = pointed_thing.under, pointed_thing.above
	if vector.equals(above, under) then
		return under
	end
	local eyes = placer:get_pos()
	eyes.y = eyes.y + placer:get_properties().eye_height + placer:get_eye_offset().y / 10
	local look = placer:get_look_dir()
	local face_axis, others = nil, {}
	for _, axis in ipairs({ "x", "y", "z" }) do
		if face_axis == nil and above[axis] ~= under[axis] then
			face_axis = axis
		else
			others[#others + 1] = axis
		end
	end
	local plane = under[face_axis] + (above[face_axis] - under[face_axis]) / 2
	local along = (plane - eyes[face_axis]) / look[face_axis]
	local point = { [face_axis] = plane }
	for _, axis in ipairs(others) do
		point[axis] = eyes[axis] + look[axis] * along
	end
	return point
end

function core.item_place(itemstack, placer, pointed_thing, param2)
	if pointed_thing.type == "node" and placer and not placer:get_player_control().sneak then
		local node = core.get_node(pointed_thing.under)
		local def = core.registered_nodes[node.name]
		if def and def.on_rightclick then
			return def.on_rightclick(pointed_thing.under, node, placer, itemstack, pointed_thing) or itemstack, nil
		end
	end
	if itemstack:get_definition().type == "node" then
		return core.item_place_node(itemstack, placer, pointed_thing, param2)
	end
	return itemstack, nil
end

function core.item_place_object(itemstack, placer, pointed_thing)
	local pos = core.get_pointed_thing_position(pointed_thing, true)
	if pos ~= nil then
		core.add_item(pos, itemstack:take_item())
	end
	return itemstack
end

function core.item_secondary_use(itemstack)
	return itemstack
end

function core.item_drop(itemstack, dropper, pos)
	local from_player = dropper and dropper:is_player()
	local p = table.copy(pos)
	if from_player then
		p.y = p.y + 1.2
	end
	local object = core.add_item(p, itemstack:take_item(itemstack:get_count()))
	if not object then
		return nil
	end
	if from_player then
		local dir = dropper:get_look_dir()
		object:set_velocity(vector.new(dir.x * 2.9, dir.y * 2.9 + 2, dir.z * 2.9))
		object:get_luaentity().dropped_by = dropper:get_player_name()
	end
	return itemstack
end

function core.do_item_eat(hp_change, replace_with_item, itemstack, user, pointed_thing)
	for _, callback in pairs(core.registered_on_item_eats) do
		local result = callback(hp_change, replace_with_item, itemstack, user, pointed_thing)
		if result then
			return result
		end
	end
	local def = itemstack:get_definition()
	if itemstack:take_item():is_empty() then
		return itemstack
	end
	if def and def.sound and def.sound.eat then
		core.sound_play(def.sound.eat, { pos = user:get_pos(), max_hear_distance = 16 }, true)
	end
	if replace_with_item then
		if itemstack:is_empty() then
			itemstack:add_item(replace_with_item)
		else
			local inventory = user:get_inventory()
			if inventory and inventory:room_for_item("main", { name = replace_with_item }) then
				inventory:add_item("main", replace_with_item)
			else
				local pos = user:get_pos()
				pos.y = math.floor(pos.y + 0.5)
				core.add_item(pos, replace_with_item)
			end
		end
	end
	user:set_wielded_item(itemstack)
	user:set_hp(user:get_hp() + hp_change)
	return nil
end

--- An item entity holding `item` at `pos`. It stays where it is put (item
--- physics, merging and expiry are not simulated); punching it gives the
--- items to the puncher.
function core.add_item(pos, item)
	-- The engine's add_item runs the builtin spawn_item and reports its
	-- error as a callback's.
	local ok, problem = pcall(private.check_pos, pos)
	if not ok then
		error("Runtime error from mod '" .. (core.get_current_modname() or "??")
			.. "' in callback l_add_item(): " .. tostring(problem), 0)
	end
	local stack = ItemStack(item)
	local object = core.add_entity(pos, "__builtin:item")
	if object then
		object:get_luaentity():set_item(stack:to_string())
	end
	return object
end
core.spawn_item = core.add_item
