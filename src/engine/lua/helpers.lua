-- Small helpers the engine adds to Lua's own libraries and to core:
-- string.split/trim, table.copy & co, math.hypot & co, dump, is_yes,
-- positions as text, formspec escaping and colours.
local core, host, private = ...

-- True when the target engine is `version` ("5.10", "5.15") or newer: for
-- the behaviour that changed between the versions mtedu knows, as the
-- probes of tests/it/engine_fidelity.rs measure on each real server.
local version_rank = { ["5.6"] = 1, ["5.10"] = 2, ["5.15"] = 3 }
local target_rank = version_rank[host.engine_version()]
function private.since(version)
	return target_rank >= version_rank[version]
end

-- An error the engine's C++ code raises (a C++ exception turned into a Lua
-- error: no place in front); Luanti 5.10 on puts it in quotes.
function private.cpp_error(message)
	if private.since("5.10") then
		message = '"' .. message .. '"'
	end
	error(message, 0)
end

function string.split(str, delim, include_empty, max_splits, sep_is_pattern)
	delim = delim or ","
	max_splits = max_splits or -2
	local items = {}
	local pos, len = 1, #str
	local plain = not sep_is_pattern
	max_splits = max_splits + 1
	repeat
		local np, npe = string.find(str, delim, pos, plain)
		np, npe = (np or (len + 1)), (npe or (len + 1))
		if (not np) or (max_splits == 1) then
			np = len + 1
			npe = np
		end
		local s = string.sub(str, pos, np - 1)
		if include_empty or (s ~= "") then
			max_splits = max_splits - 1
			items[#items + 1] = s
		end
		pos = npe + 1
	until (max_splits == 0) or (pos > (len + 1))
	return items
end

function string:trim()
	return (self:gsub("^%s*(.-)%s*$", "%1"))
end

local function copy(value, seen)
	if type(value) ~= "table" then
		return value
	end
	if seen[value] then
		return seen[value]
	end
	local result = {}
	seen[value] = result
	for k, v in pairs(value) do
		result[copy(k, seen)] = copy(v, seen)
	end
	return result
end

function table.copy(t, seen)
	return copy(t, seen or {})
end

function table.indexof(list, value)
	for i, v in ipairs(list) do
		if v == value then
			return i
		end
	end
	return -1
end

function table.insert_all(t, other)
	for _, v in ipairs(other) do
		t[#t + 1] = v
	end
	return t
end

function table.key_value_swap(t)
	local result = {}
	for k, v in pairs(t) do
		result[v] = k
	end
	return result
end

function table.shuffle(t, from, to, random)
	from, to, random = from or 1, to or #t, random or math.random
	for i = to, from + 1, -1 do
		local j = random(from, i)
		t[i], t[j] = t[j], t[i]
	end
end

function math.hypot(x, y)
	return math.sqrt(x * x + y * y)
end

function math.sign(x, tolerance)
	tolerance = tolerance or 0
	if x > tolerance then
		return 1
	elseif x < -tolerance then
		return -1
	end
	return 0
end

function math.factorial(x)
	assert(x % 1 == 0 and x >= 0, "factorial expects a non-negative integer")
	local result = 1
	for i = 2, x do
		result = result * i
	end
	return result
end

function math.round(x)
	if x >= 0 then
		return math.floor(x + 0.5)
	end
	return math.ceil(x - 0.5)
end

-- Luanti 5.12 on, a number whose short form reads back as another one
-- (0.1 + 0.2) is written in full.
local exact_numbers = private.since("5.15")

local function basic_dump(o)
	local kind = type(o)
	if kind == "number" then
		local text = tostring(o)
		if exact_numbers and tonumber(text) ~= o then
			return string.format("%.17g", o)
		end
		return text
	elseif kind == "string" then
		return string.format("%q", o)
	elseif kind == "boolean" or kind == "nil" then
		return tostring(o)
	end
	return "<" .. kind .. ">"
end

local keywords = {}
for word in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%S+") do
	keywords[word] = true
end

local function is_identifier(s)
	return type(s) == "string" and s:match("^[%a_][%w_]*$") and not keywords[s]
end

-- The engine's layout: array items first, then the other keys in table
-- order; every table, even an empty one, spans lines (all on one line,
-- comma-separated, when `indent` is "").
local function dump(o, indent, nested, level)
	if type(o) ~= "table" then
		return basic_dump(o)
	end
	indent = indent or "\t"
	nested = nested or {}
	level = level or 1
	if nested[o] then
		return "<circular reference>"
	end
	nested[o] = true
	local parts = {}
	local in_array = {}
	for i, v in ipairs(o) do
		parts[#parts + 1] = dump(v, indent, nested, level + 1)
		in_array[i] = true
	end
	for k, v in pairs(o) do
		if not in_array[k] then
			local key = is_identifier(k) and k or ("[" .. dump(k, indent, nested, level + 1) .. "]")
			parts[#parts + 1] = key .. " = " .. dump(v, indent, nested, level + 1)
		end
	end
	nested[o] = nil
	if indent == "" then
		return "{" .. table.concat(parts, ", ") .. "}"
	end
	local inner = "\n" .. string.rep(indent, level)
	return "{" .. inner .. table.concat(parts, "," .. inner) .. "\n" .. string.rep(indent, level - 1) .. "}"
end
-- Luanti 5.12 on: named keys first (sorted), then the list, or the other
-- number keys (sorted) in brackets, then any other key; a comma after
-- every entry, `{}` when empty, `setref(n)` / `getref(n)` for a table met
-- more than once (no more "<circular reference>"); `indent = ""` writes
-- one line.
local function dump_since_5_12(value, indent)
	indent = indent or "\t"
	assert(type(indent) == "string", "dump()'s second argument should be a string or nil.")
	local newline = indent == "" and "" or "\n"
	local uses = {}
	local function count(v)
		if type(v) == "table" then
			uses[v] = (uses[v] or 0) + 1
			if uses[v] == 1 then
				for k, x in pairs(v) do
					count(k)
					count(x)
				end
			end
		end
	end
	count(value)
	local out, refs, next_ref = {}, {}, 1
	local function put(text)
		out[#out + 1] = text
	end
	local write
	-- One entry: `key` is nil for a list item, an identifier, or a value
	-- written in brackets.
	local function entry(level, bracketed, key, v)
		put(string.rep(indent, level))
		if bracketed then
			put("[")
			write(key, level + 1)
			put("] = ")
		elseif key ~= nil then
			put(key .. " = ")
		end
		write(v, level + 1)
		put("," .. newline)
	end
	write = function(v, level)
		if type(v) ~= "table" then
			put(basic_dump(v))
			return
		end
		if refs[v] then
			put(refs[v])
			return
		end
		if uses[v] > 1 then
			refs[v] = "getref(" .. next_ref .. ")"
			put("setref(" .. next_ref .. ")")
			next_ref = next_ref + 1
		end
		if next(v) == nil then
			put("{}")
			return
		end
		put("{" .. newline)
		local names, numbers = {}, {}
		for k in pairs(v) do
			if type(k) == "string" then
				names[#names + 1] = k
			elseif type(k) == "number" then
				numbers[#numbers + 1] = k
			end
		end
		table.sort(names)
		for _, k in ipairs(names) do
			entry(level, not is_identifier(k), k, v[k])
		end
		local length = 0
		while v[length + 1] ~= nil do
			length = length + 1
		end
		if #numbers == length then
			for i = 1, length do
				entry(level, false, nil, v[i])
			end
		else
			table.sort(numbers)
			for _, k in ipairs(numbers) do
				entry(level, true, k, v[k])
			end
		end
		for k, x in pairs(v) do
			if type(k) ~= "string" and type(k) ~= "number" then
				entry(level, true, k, x)
			end
		end
		put(string.rep(indent, level - 1) .. "}")
	end
	write(value, 1)
	return table.concat(out)
end

if private.since("5.15") then
	rawset(_G, "dump", dump_since_5_12)
else
	rawset(_G, "dump", function(o, indent)
		return dump(o, indent)
	end)
end

function core.is_yes(value)
	value = tostring(value):lower()
	return value == "y" or value == "yes" or value == "true" or (tonumber(value) or 0) ~= 0
end

function core.is_nan(x)
	return x ~= x
end

function core.pos_to_string(pos, decimals)
	local x, y, z = pos.x, pos.y, pos.z
	if decimals then
		local f = "%." .. decimals .. "f"
		x, y, z = f:format(x), f:format(y), f:format(z)
	end
	return "(" .. x .. "," .. y .. "," .. z .. ")"
end

function core.string_to_pos(value)
	if type(value) ~= "string" then
		return nil
	end
	local x, y, z = value:match("^%s*%(?%s*([^%s,()]+)%s*[,%s]%s*([^%s,()]+)%s*[,%s]%s*([^%s,()]+)%s*%)?%s*$")
	x, y, z = tonumber(x), tonumber(y), tonumber(z)
	if x and y and z then
		return vector.new(x, y, z)
	end
	return nil
end

function core.string_to_area(value)
	local p1, p2 = value:match("^(%(.-%))%s*(%(.-%))$")
	if not p1 then
		return nil
	end
	p1, p2 = core.string_to_pos(p1), core.string_to_pos(p2)
	if p1 and p2 then
		return p1, p2
	end
	return nil
end

-- Luanti 5.10 on, `$` is escaped too.
local formspec_special = private.since("5.10") and "[\\%[%];,$]" or "[\\%[%];,]"

function core.formspec_escape(text)
	if text == nil then
		return nil
	end
	return (tostring(text):gsub(formspec_special, "\\%0"))
end

local ESC = "\27"

function core.get_color_escape_sequence(color)
	return ESC .. "(c@" .. color .. ")"
end

function core.get_background_escape_sequence(color)
	return ESC .. "(b@" .. color .. ")"
end

function core.colorize(color, message)
	local lines = tostring(message):split("\n", true)
	local start = core.get_color_escape_sequence(color)
	for i, line in ipairs(lines) do
		lines[i] = start .. line
	end
	-- Luanti 5.15 ends with the short form of white.
	return table.concat(lines, "\n") .. core.get_color_escape_sequence(private.since("5.15") and "#fff" or "#ffffff")
end

function core.strip_foreground_colors(text)
	return (text:gsub(ESC .. "%(c@[^)]+%)", ""))
end

function core.strip_background_colors(text)
	return (text:gsub(ESC .. "%(b@[^)]+%)", ""))
end

function core.strip_colors(text)
	return (text:gsub(ESC .. "%([bc]@[^)]+%)", ""))
end

function core.global_exists(name)
	if type(name) ~= "string" then
		error("core.global_exists: " .. tostring(name) .. " is not a string")
	end
	return rawget(_G, name) ~= nil
end

function core.get_us_time()
	return host.us_time()
end

function core.write_json(data, styled)
	return host.write_json(data, styled and true or false)
end

function core.parse_json(text, nullvalue)
	return host.parse_json(text, nullvalue)
end

private.dump = dump

-- Errors raised by the host's file functions reach Lua as mlua error
-- objects; mod code sees the engine's plain message instead (as from the
-- real C functions: no place, no traceback).
local function plain_result(ok, ...)
	if ok then
		return ...
	end
	local message = tostring((...)):gsub("^runtime error: ", ""):gsub("\nstack traceback:.*$", "")
	error(message, 0)
end
for _, name in ipairs({ "read_file", "check_write", "read_file_for_write", "write_file", "remove_file",
	"rename_file", "mkdir", "dir_list", "read_settings_file" }) do
	local raw = host[name]
	host[name] = function(...)
		return plain_result(pcall(raw, ...))
	end
end

-- dump2: the value as Lua assignment statements, with shared tables
-- written once and referred to afterwards.
local function dump2(o, name, dumped)
	name = name or "_"
	dumped = dumped or {}
	local function key_text(k)
		if type(k) == "string" then
			return string.format("[%q]", k)
		end
		return "[" .. basic_dump(k) .. "]"
	end
	if type(o) ~= "table" then
		return name .. " = " .. basic_dump(o) .. "\n"
	end
	if dumped[o] then
		return name .. " = " .. dumped[o] .. "\n"
	end
	dumped[o] = name
	local parts = { name .. " = {}\n" }
	for k, v in pairs(o) do
		local field = name .. key_text(k)
		parts[#parts + 1] = dump2(v, field, dumped)
	end
	return table.concat(parts)
end
rawset(_G, "dump2", dump2)

-- PseudoRandom: the engine's small linear congruential generator, on a
-- signed 32-bit state (computed exactly: doubles cannot hold the product).
local TWO32, TWO16 = 4294967296, 65536

local function step(state)
	local unsigned = state % TWO32
	local high, low = math.floor(unsigned / TWO16), unsigned % TWO16
	local a = 1103515245
	local product = ((high * a) % TWO16) * TWO16 + low * a
	local next_state = (product + 12345) % TWO32
	if next_state >= TWO32 / 2 then
		next_state = next_state - TWO32
	end
	return next_state
end

local PseudoRandom = {}
PseudoRandom.__index = PseudoRandom
function PseudoRandom:next(min, max)
	self.state = step(self.state)
	local quotient = self.state / TWO16
	quotient = quotient < 0 and math.ceil(quotient) or math.floor(quotient)
	local value = (quotient % TWO32) % 32768
	if min == nil then
		return value
	end
	max = max or 32767
	if max < min then
		error("Invalid range (max < min)", 2)
	end
	return min + value % (max - min + 1)
end
rawset(_G, "PseudoRandom", function(seed)
	local state = math.floor(tonumber(seed) or 0) % TWO32
	if state >= TWO32 / 2 then
		state = state - TWO32
	end
	return setmetatable({ state = state }, PseudoRandom)
end)
