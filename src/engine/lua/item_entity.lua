-- Loaded after the builtin content: what the `__builtin:item` entity does
-- in the simulated world. It holds an item string; punching it gives the
-- items to the puncher. It stays where it was added: item physics,
-- merging and expiry are not simulated.
local core, host, private = ...

local item_entity = core.registered_entities["__builtin:item"]
item_entity.itemstring = ""
function item_entity:set_item(item)
	self.itemstring = ItemStack(item or self.itemstring):to_string()
end
function item_entity:get_staticdata()
	return core.serialize({ itemstring = self.itemstring, age = 0, dropped_by = self.dropped_by })
end
function item_entity:on_activate(staticdata)
	if staticdata:sub(1, 6) == "return" then
		local data = core.deserialize(staticdata) or {}
		self.itemstring, self.dropped_by = data.itemstring or "", data.dropped_by
	elseif staticdata ~= "" then
		self.itemstring = staticdata
	end
end
function item_entity:on_punch(hitter)
	local inventory = hitter and hitter:get_inventory()
	if inventory and self.itemstring ~= "" then
		local left = inventory:add_item("main", self.itemstring)
		if not left:is_empty() then
			self:set_item(left)
			return
		end
	end
	self.itemstring = ""
	self.object:remove()
end
private.partial["entity __builtin:item"] = "stays where it is added: no falling, merging or expiry; a punch gives its items"
