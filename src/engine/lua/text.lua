-- Small text and position helpers of the engine: wrapping, chat message
-- format, relative numbers and coordinates ("~5"), formspec event strings,
-- node position hashes, coloured item strings.
local core, host, private = ...

--- Words go on one line while the line stays shorter than max_length
--- (a text that already fits is returned unchanged).
function core.wrap_text(text, max_length, as_table)
	if #text <= max_length then
		return as_table and { text } or text
	end
	-- The engine counts a space before the first word of the text too.
	local lines, words, length = {}, {}, 0
	for word in text:gmatch("%S+") do
		if length > 0 and length + 1 + #word >= max_length then
			lines[#lines + 1] = table.concat(words, " ")
			words, length = { word }, #word
		else
			words[#words + 1] = word
			length = length + 1 + #word
		end
	end
	lines[#lines + 1] = table.concat(words, " ")
	return as_table and lines or table.concat(lines, "\n")
end

function core.format_chat_message(name, message)
	local format = core.settings:get("chat_message_format") or "<@name> @message"
	local function replace(text, key, value)
		local i = text:find(key, 1, true)
		if not i then
			return text
		end
		return text:sub(1, i - 1) .. value .. text:sub(i + #key)
	end
	format = replace(format, "@name", name)
	format = replace(format, "@timestamp", os.date("%H:%M:%S"))
	return replace(format, "@message", message)
end

local function finite(n)
	return n and n == n and n ~= math.huge and n ~= -math.huge
end

function core.parse_relative_number(arg, relative_to)
	if not arg then
		return nil
	elseif arg == "~" then
		return relative_to
	elseif arg:sub(1, 1) == "~" then
		local n = tonumber(arg:sub(2))
		return finite(n) and relative_to + n or nil
	end
	local n = tonumber(arg)
	return finite(n) and n or nil
end

-- Luanti 5.14 on returns a vector (with its methods).
local function coordinates(x, y, z)
	if not (x and y and z) then
		return nil
	end
	return private.since("5.15") and vector.new(x, y, z) or { x = x, y = y, z = z }
end

function core.parse_coordinates(x, y, z, relative_to)
	if not relative_to then
		return coordinates(tonumber(x), tonumber(y), tonumber(z))
	end
	return coordinates(
		core.parse_relative_number(x, relative_to.x),
		core.parse_relative_number(y, relative_to.y),
		core.parse_relative_number(z, relative_to.z)
	)
end

function core.setting_get_pos(name)
	local value = core.settings:get(name)
	if not value then
		return nil
	end
	return core.string_to_pos(value)
end

-- Formspec events: "CHG:row:column", "DCL:index", "VAL:value"; anything
-- else is "INV" with zeros.
function core.explode_table_event(event)
	if type(event) == "string" then
		local kind, row, column = event:match("^(%u%u%u):(%d+):(%d+)")
		if kind == "CHG" or kind == "DCL" then
			return { type = kind, row = tonumber(row), column = tonumber(column) }
		end
	end
	return { type = "INV", row = 0, column = 0 }
end

function core.explode_textlist_event(event)
	if type(event) == "string" then
		local kind, index = event:match("^(%u%u%u):(%d+)")
		if kind == "CHG" or kind == "DCL" then
			return { type = kind, index = tonumber(index) }
		end
	end
	return { type = "INV", index = 0 }
end

function core.explode_scrollbar_event(event)
	if type(event) == "string" then
		local kind, value = event:match("^(%u%u%u):(%-?%d+)")
		if kind == "CHG" or kind == "VAL" then
			return { type = kind, value = tonumber(value) }
		end
	end
	return { type = "INV", value = 0 }
end

-- Node positions packed in one number: 16 bits a coordinate, offset by 32768.
function core.hash_node_position(pos)
	return (pos.z + 32768) * 65536 * 65536 + (pos.y + 32768) * 65536 + pos.x + 32768
end

function core.get_position_from_hash(hash)
	local x = hash % 65536 - 32768
	hash = math.floor(hash / 65536)
	local y = hash % 65536 - 32768
	local z = math.floor(hash / 65536) % 65536 - 32768
	return vector.new(x, y, z)
end

function core.get_pointed_thing_position(pointed_thing, above)
	if pointed_thing.type == "node" then
		return above and pointed_thing.above or pointed_thing.under
	elseif pointed_thing.type == "object" then
		return pointed_thing.ref and pointed_thing.ref:get_pos()
	end
end

function core.itemstring_with_palette(item, palette_index)
	local stack = ItemStack(item)
	stack:get_meta():set_int("palette_index", palette_index)
	return stack:to_string()
end

function core.itemstring_with_color(item, colorstring)
	local stack = ItemStack(item)
	stack:get_meta():set_string("color", colorstring)
	return stack:to_string()
end
