-- ItemStack and its metadata: name, count, wear and key/value metadata,
-- with the engine's stack rules (stack_max, tools do not stack, wear
-- 0..65535, aliases resolved).
local core, host, private = ...

local ItemStack = {}
ItemStack.__index = ItemStack
private.classes.ItemStack = { ItemStack }
private.ItemStack = ItemStack

local Meta = {}
Meta.__index = Meta
private.classes.ItemStackMetaRef = { Meta }
private.ItemStackMeta = Meta

local function new_meta(fields)
	return setmetatable({ fields = fields or {} }, Meta)
end

private.add_key_value_methods(Meta)

function Meta:set_tool_capabilities(caps)
	if caps == nil then
		self.fields.tool_capabilities = nil
	else
		self.fields.tool_capabilities = core.write_json(caps)
	end
end

local function resolve(name)
	local target = core.registered_aliases[name]
	if target ~= nil and target ~= "" then
		return target
	end
	return name
end

local function clamp_wear(wear)
	wear = math.floor(tonumber(wear) or 0)
	if wear < 0 then
		return 0
	elseif wear > 65535 then
		return 65535
	end
	return wear
end

-- Item metadata as the engine writes it: "\1key\2value\3" pairs, the
-- whole quoted as a JSON string; text without "\1" is legacy metadata.
local function meta_fields(text)
	local fields = {}
	if text:sub(1, 1) ~= "\1" then
		fields[""] = text
		return fields
	end
	for key, value in text:sub(2):gmatch("([^\2\3]*)\2([^\3]*)\3") do
		fields[key] = value
	end
	return fields
end

local function meta_text(fields)
	local keys = {}
	for key in pairs(fields) do
		keys[#keys + 1] = key
	end
	table.sort(keys)
	local parts = { "\1" }
	for _, key in ipairs(keys) do
		parts[#parts + 1] = key .. "\2" .. fields[key] .. "\3"
	end
	return core.write_json(table.concat(parts))
end

-- The engine reads a name written as a JSON string too (`"mod:item" 3`,
-- as some mods' recipes do).
local function unquoted(text)
	local quoted, rest = text:match('^%s*("[^"\\]*")(.*)$')
	if quoted then
		return quoted:sub(2, -2) .. rest
	end
	return text
end

local function from_string(text)
	text = unquoted(text)
	local name, count, wear, meta = text:match("^%s*(%S*)%s*(%S*)%s*(%S*)%s*(.-)%s*$")
	local fields = {}
	if meta and meta ~= "" then
		local ok, parsed = pcall(core.parse_json, meta)
		fields = meta_fields(ok and type(parsed) == "string" and parsed or meta)
	end
	return resolve(name or ""), tonumber(count) or 1, clamp_wear(wear), fields
end

local function make(name, count, wear, fields)
	if name == "" then
		count, wear, fields = 0, 0, {}
	end
	return setmetatable({ name = name, count = math.floor(count), wear = wear, meta = new_meta(fields) }, ItemStack)
end

-- An item string or table naming a tool makes one tool, whatever its
-- count (the engine's rule; a copied stack keeps its count).
local function described(name, count, wear, fields)
	local def = core.registered_items[name]
	if count >= 1 and def and def.type == "tool" then
		count = 1
	end
	return make(name, count, wear, fields)
end

local function construct(x)
	if x == nil then
		return make("", 0, 0)
	end
	if getmetatable(x) == ItemStack then
		return make(x.name, x.count, x.wear, table.copy(x.meta.fields))
	end
	if type(x) == "string" or type(x) == "number" then
		return described(from_string(tostring(x)))
	end
	if type(x) == "table" then
		local fields = {}
		if type(x.meta) == "table" then
			for k, v in pairs(x.meta) do
				fields[k] = tostring(v)
			end
		elseif type(x.metadata) == "string" and x.metadata ~= "" then
			fields[""] = x.metadata
		end
		return described(resolve(x.name or ""), tonumber(x.count) or 1, clamp_wear(x.wear), fields)
	end
	-- The engine's read_item, without a place (it is C).
	error("Expecting itemstack, itemstring, table or nil", 0)
end
rawset(_G, "ItemStack", construct)
private.to_stack = function(x)
	if getmetatable(x) == ItemStack then
		return x
	end
	return construct(x)
end

function ItemStack:is_empty()
	return self.name == "" or self.count == 0
end
function ItemStack:get_name()
	return self.name
end
function ItemStack:set_name(name)
	self.name = resolve(tostring(name))
	if self.name == "" then
		self:clear()
		return false
	end
	return true
end
function ItemStack:get_count()
	return self.count
end
function ItemStack:set_count(count)
	count = math.floor(tonumber(count) or 0)
	if count <= 0 then
		self:clear()
		return false
	end
	self.count = math.min(count, 65535)
	return true
end
function ItemStack:get_wear()
	return self.wear
end
function ItemStack:set_wear(wear)
	wear = math.floor(tonumber(wear) or 0)
	if wear > 65535 then
		self:clear()
		return false
	end
	self.wear = clamp_wear(wear)
	return true
end
function ItemStack:get_meta()
	return self.meta
end
function ItemStack:get_metadata()
	return self.meta.fields[""] or ""
end
function ItemStack:set_metadata(value)
	self.meta:set_string("", value)
	return true
end
function ItemStack:get_definition()
	return core.registered_items[self.name] or core.registered_items.unknown
end
function ItemStack:get_description()
	local description = self.meta.fields.description
	if description and description ~= "" then
		return description
	end
	local def = core.registered_items[self.name]
	return def and def.description or self.name
end
function ItemStack:get_short_description()
	local short = self.meta.fields.short_description
	if short and short ~= "" then
		return short
	end
	local def = core.registered_items[self.name]
	if def and def.short_description then
		return def.short_description
	end
	return (self:get_description():match("^[^\n]*"))
end
function ItemStack:clear()
	self.name, self.count, self.wear = "", 0, 0
	self.meta = new_meta()
end
function ItemStack:replace(item)
	local other = construct(item)
	self.name, self.count, self.wear, self.meta = other.name, other.count, other.wear, other.meta
	return true
end
-- The item string; `meta_as` writes the metadata (the engine's
-- tostring shows only its size).
local function item_string(self, meta_as)
	if self:is_empty() then
		return ""
	end
	local parts = { self.name }
	local has_meta = next(self.meta.fields) ~= nil
	if self.count ~= 1 or self.wear ~= 0 or has_meta then
		parts[#parts + 1] = tostring(self.count)
	end
	if self.wear ~= 0 or has_meta then
		parts[#parts + 1] = tostring(self.wear)
	end
	if has_meta then
		parts[#parts + 1] = meta_as(self.meta.fields)
	end
	return table.concat(parts, " ")
end

function ItemStack:to_string()
	return item_string(self, meta_text)
end
-- Luanti 5.10: same name, count, wear and metadata; false for anything
-- that is not an ItemStack.
function ItemStack:equals(other)
	if getmetatable(other) ~= ItemStack then
		return false
	end
	return self:to_string() == other:to_string()
end
function ItemStack:to_table()
	if self:is_empty() then
		return nil
	end
	return { name = self.name, count = self.count, wear = self.wear, metadata = self:get_metadata(), meta = table.copy(self.meta.fields) }
end
function ItemStack:get_stack_max()
	local def = core.registered_items[self.name]
	if not def then
		return 99
	end
	return def.stack_max or 99
end
function ItemStack:get_free_space()
	if self:is_empty() then
		return 99
	end
	return math.max(0, self:get_stack_max() - self.count)
end
function ItemStack:is_known()
	return self.name == "" or core.registered_items[self.name] ~= nil
end
function ItemStack:get_tool_capabilities()
	local caps = self.meta.fields.tool_capabilities
	if caps then
		return core.parse_json(caps)
	end
	local def = core.registered_items[self.name]
	if def and def.tool_capabilities then
		return def.tool_capabilities
	end
	local hand = core.registered_items[""]
	return hand and hand.tool_capabilities or {}
end
function ItemStack:add_wear(amount)
	local def = core.registered_items[self.name]
	if not def or def.type ~= "tool" then
		return false
	end
	local wear = self.wear + math.floor(amount)
	if wear > 65535 then
		self:clear()
	else
		self.wear = clamp_wear(wear)
	end
	return true
end
function ItemStack:add_wear_by_uses(uses)
	if uses == 0 then
		return false
	end
	return self:add_wear(math.floor(65536 / uses))
end

local function can_merge(a, b)
	return a.name == b.name and a.wear == b.wear and a.meta:equals(b.meta)
end

-- Like the engine, an empty stack takes the whole item, whatever its
-- stack_max; a non-empty one takes what fits.
function ItemStack:add_item(item)
	local other = construct(item)
	if other:is_empty() then
		return other
	end
	if self:is_empty() then
		self:replace(other)
		return construct(nil)
	end
	if not can_merge(self, other) then
		return other
	end
	local moved = math.min(other.count, self:get_stack_max() - self.count)
	if moved <= 0 then
		return other
	end
	self.count = self.count + moved
	other.count = other.count - moved
	if other.count == 0 then
		other:clear()
	end
	return other
end

-- Returns whether all of `item` fits, and what would be left over.
function ItemStack:item_fits(item)
	local copy = construct(self)
	local leftover = copy:add_item(item)
	return leftover:is_empty(), leftover
end

-- The engine reads a count to take as an unsigned 32-bit number: -2 means
-- "everything".
local function unsigned_count(n)
	return math.floor(tonumber(n) or 1) % 4294967296
end

function ItemStack:take_item(n)
	n = unsigned_count(n)
	local taken = construct(self)
	if n <= 0 or self:is_empty() then
		return construct(nil)
	end
	if n >= self.count then
		self:clear()
		return taken
	end
	taken.count = n
	self.count = self.count - n
	return taken
end

function ItemStack:peek_item(n)
	n = unsigned_count(n)
	local peeked = construct(self)
	if n <= 0 or self:is_empty() then
		return construct(nil)
	end
	peeked.count = math.min(n, self.count)
	return peeked
end

function ItemStack:equals(other)
	if getmetatable(other) ~= ItemStack then
		return false
	end
	return self.name == other.name and self.count == other.count and self.wear == other.wear and self.meta:equals(other.meta)
end

local function meta_size(fields)
	local size = 0
	for _ in pairs(fields) do
		size = size + 1
	end
	return "<metadata size=" .. size .. ">"
end

ItemStack.__tostring = function(self)
	return 'ItemStack("' .. item_string(self, meta_size) .. '")'
end
ItemStack.__eq = ItemStack.equals
