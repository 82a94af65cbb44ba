-- core.serialize / core.deserialize: Lua values as "return ..." text, in
-- the layout of the 5.6.1 server (numbers with 17 digits, shared tables
-- written once through a local `_`), read back in an empty environment.
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

-- Tables met more than once (or inside themselves) get a slot in `_`.
local function count_references(value, seen)
	if type(value) ~= "table" then
		return
	end
	if seen[value] then
		seen[value] = seen[value] + 1
		return
	end
	seen[value] = 1
	for k, v in pairs(value) do
		count_references(k, seen)
		count_references(v, seen)
	end
end

local function serializer(counts)
	local slots, slot_count, setup = {}, 0, {}
	local write
	local function key_text(k)
		if type(k) == "string" and k:match("^[%a_][%w_]*$") and not keywords[k] then
			return k, true
		end
		return "[" .. write(k) .. "]", false
	end
	local function table_body(t)
		local parts, length = {}, #t
		for i = 1, length do
			parts[#parts + 1] = write(t[i])
		end
		for k, v in pairs(t) do
			local in_array = type(k) == "number" and k >= 1 and k <= length and k % 1 == 0
			if not in_array then
				parts[#parts + 1] = (key_text(k)) .. "=" .. write(v)
			end
		end
		return "{" .. table.concat(parts, ",") .. "}"
	end
	function write(value)
		local kind = type(value)
		if kind == "nil" or kind == "boolean" then
			return tostring(value)
		elseif kind == "number" then
			return number_text(value)
		elseif kind == "string" then
			return string.format("%q", value)
		elseif kind == "table" then
			if counts[value] <= 1 then
				return table_body(value)
			end
			if not slots[value] then
				slot_count = slot_count + 1
				local name = "_[" .. slot_count .. "]"
				slots[value] = name
				setup[#setup + 1] = name .. "={}"
				for k, v in pairs(value) do
					local text, plain = key_text(k)
					setup[#setup + 1] = name .. (plain and "." or "") .. text .. "=" .. write(v)
				end
			end
			return slots[value]
		end
		error("Can't serialize data of type " .. kind .. " (mtedu cannot write functions or userdata)", 0)
	end
	return write, setup
end

function core.serialize(value)
	local counts = {}
	count_references(value, counts)
	local write, setup = serializer(counts)
	local text = write(value)
	if #setup == 0 then
		return "return " .. text
	end
	return "local _={};" .. table.concat(setup, ";") .. ";return " .. text
end

function core.deserialize(text, safe)
	if type(text) ~= "string" then
		if text == nil then
			return nil, "Invalid type: Expected a string, got nil"
		end
		error("minetest.deserialize called with " .. type(text) .. " (expected string).", 2)
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
