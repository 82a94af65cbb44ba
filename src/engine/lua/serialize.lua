-- core.serialize / core.deserialize: Lua values as "return ..." text, in
-- the layout of the 5.6.1 server: numbers with 17 digits; every table met
-- twice or more, and every string met twice or more that is longer than
-- its reference, gets a slot in a local `_` declared first (tables empty,
-- filled by statements after the declarations); read back in an empty
-- environment.
local core, host, private = ...

local keywords = {}
for word in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%S+") do
	keywords[word] = true
end

local function number_text(n)
	if n ~= n then
		return "0/0"
	elseif n == math.huge then
		return "1/0"
	elseif n == -math.huge then
		return "-1/0"
	end
	return string.format("%.17g", n)
end

-- How often each table and string appears (a table's content counted once).
local function count_objects(value, counts)
	local kind = type(value)
	if kind ~= "table" and kind ~= "string" then
		if kind == "function" or kind == "userdata" or kind == "thread" then
			error("Can't serialize data of type " .. kind .. " (mtedu cannot write functions or userdata)", 0)
		end
		return
	end
	local seen = counts[value]
	counts[value] = (seen or 0) + 1
	if kind == "table" and not seen then
		for k, v in pairs(value) do
			count_objects(k, counts)
			count_objects(v, counts)
		end
	end
end

local function serialize(value)
	local out = {}
	local function put(text)
		out[#out + 1] = text
	end
	local counts = {}
	if value ~= nil then
		count_objects(value, counts)
	end
	local slots, fill, next_slot = {}, {}, 1
	for object, count in pairs(counts) do
		local reference = tostring(next_slot)
		if count >= 2 and (type(object) ~= "string" or #reference + 5 < #object) then
			if next_slot == 1 then
				put("local _={};")
			end
			put("_[" .. reference .. "]=" .. (type(object) == "table" and "{}" or string.format("%q", object)) .. ";")
			slots[object] = reference
			if type(object) == "table" then
				fill[object] = reference
			end
			next_slot = next_slot + 1
		end
	end
	local function short_key(k)
		return not slots[k] and type(k) == "string" and not keywords[k] and k:match("^[%a_][%a%d_]*$")
	end
	local write
	function write(v)
		local kind = type(v)
		if kind == "nil" or kind == "boolean" then
			return put(tostring(v))
		elseif kind == "number" then
			return put(number_text(v))
		end
		if slots[v] then
			return put("_[" .. slots[v] .. "]")
		end
		if kind == "string" then
			return put(string.format("%q", v))
		end
		put("{")
		local length, first = 0, true
		while rawget(v, length + 1) ~= nil do
			if not first then
				put(",")
			end
			first = false
			length = length + 1
			write(rawget(v, length))
		end
		for k, item in next, v do
			if type(k) ~= "number" or k % 1 ~= 0 or k < 1 or k > length then
				if not first then
					put(",")
				end
				first = false
				if short_key(k) then
					put(k)
				else
					put("[")
					write(k)
					put("]")
				end
				put("=")
				write(item)
			end
		end
		put("}")
	end
	for object, reference in pairs(fill) do
		for k, v in pairs(object) do
			put("_[" .. reference .. "]")
			if short_key(k) then
				put("." .. k)
			else
				put("[")
				write(k)
				put("]")
			end
			put("=")
			write(v)
			put(";")
		end
	end
	put("return ")
	write(value)
	return table.concat(out)
end

function core.serialize(value)
	return serialize(value)
end

function core.deserialize(text, safe)
	if type(text) ~= "string" then
		if text == nil then
			return nil, "Invalid type: Expected a string, got nil"
		end
		-- Luanti 5.10 on names the function core.deserialize.
		local name = private.since("5.10") and "core" or "minetest"
		error(name .. ".deserialize called with " .. type(text) .. " (expected string).", 2)
	end
	if text:byte(1) == 27 then
		return nil, "Bytecode prohibited"
	end
	local chunk, message = loadstring(text, "=(load)")
	if not chunk then
		return nil, message
	end
	setfenv(chunk, {})
	local ok, result = pcall(chunk)
	if not ok then
		return nil, result
	end
	return result
end
