-- A confined `io`, like the engine's mod security: files of enabled mods
-- can be read, the world folder can be read and written, nothing else.
-- Files are read whole and written on close (through a temporary file).
local core, host, private = ...

local File = {}
File.__index = File

local function read_number(self)
	local number, after = self.data:match("^%s*([%+%-]?%d*%.?%d+[eE]?[%+%-]?%d*)()", self.pos)
	if not number then
		return nil
	end
	self.pos = after
	return tonumber(number)
end

-- LuaJIT reads a format as its first letter after an optional "*":
-- "*all", "*a" and "a" are the same.
local letters = {}
local function format_letter(format)
	if type(format) == "number" then
		return format
	end
	local known = letters[format]
	if known then
		return known
	end
	if type(format) ~= "string" then
		error("bad argument #1 to 'read' (invalid format)", 4)
	end
	local letter = format:match("^%*?(.)")
	if letter == "n" or letter == "l" or letter == "L" or letter == "a" then
		letters[format] = letter
		return letter
	end
	error("bad argument #1 to 'read' (invalid format)", 4)
end

local function read_one(self, format)
	local letter = format_letter(format)
	if self.pos > #self.data then
		if letter == "a" then
			return ""
		end
		return nil
	end
	if letter == "l" or letter == "L" then
		local line_end = self.data:find("\n", self.pos, true)
		local line
		if line_end then
			line = self.data:sub(self.pos, letter == "L" and line_end or line_end - 1)
			self.pos = line_end + 1
		else
			line = self.data:sub(self.pos)
			self.pos = #self.data + 1
		end
		return line
	elseif letter == "a" then
		local rest = self.data:sub(self.pos)
		self.pos = #self.data + 1
		return rest
	elseif letter == "n" then
		return read_number(self)
	end
	local chunk = self.data:sub(self.pos, self.pos + letter - 1)
	self.pos = self.pos + letter
	return chunk
end

function File:read(...)
	if self.closed then
		error("attempt to use a closed file", 2)
	end
	-- One format (or none) is what mods nearly always ask for, often in a
	-- loop over big files: no tables then.
	local n = select("#", ...)
	if n <= 1 then
		return read_one(self, n == 0 and "*l" or ...)
	end
	local formats = { ... }
	local results = {}
	for i, format in ipairs(formats) do
		results[i] = read_one(self, format)
	end
	return unpack(results, 1, #formats)
end

function File:lines()
	return function()
		return read_one(self, "*l")
	end
end

function File:write(...)
	if self.closed then
		error("attempt to use a closed file", 2)
	end
	if not self.writable then
		return nil, "Bad file descriptor", 9
	end
	for i = 1, select("#", ...) do
		self.parts[#self.parts + 1] = tostring((select(i, ...)))
	end
	return self
end

function File:flush()
	if self.writable and #self.parts > 0 then
		host.write_file(self.path, table.concat(self.parts), self.append)
		self.parts = {}
		self.append = true
	end
	return self
end

function File:close()
	if self.closed then
		error("attempt to use a closed file", 2)
	end
	self:flush()
	self.closed = true
	return true
end

function File:seek(whence, offset)
	whence, offset = whence or "cur", offset or 0
	if whence == "set" then
		self.pos = offset + 1
	elseif whence == "end" then
		self.pos = #self.data + offset + 1
	else
		self.pos = self.pos + offset
	end
	return self.pos - 1
end

function File:setvbuf()
	return true
end

local io = {}
rawset(_G, "io", io)

function io.open(path, mode)
	path, mode = tostring(path), mode or "r"
	local kind = mode:sub(1, 1)
	if kind == "r" and not mode:find("+", 1, true) then
		local data, message = host.read_file(path)
		if not data then
			return nil, message -- mod security passes on no error code
		end
		return setmetatable({ path = path, data = data, pos = 1 }, File)
	end
	local existing = ""
	if kind ~= "w" then
		existing = host.read_file_for_write(path) or ""
	else
		host.check_write(path)
	end
	local file = setmetatable({ path = path, data = existing, pos = 1, parts = {}, writable = true, append = kind == "a" or kind == "r" }, File)
	if kind == "w" then
		host.write_file(path, "", false)
	end
	return file
end

function io.lines(path)
	if path == nil then
		error("mtedu: io.lines() without a file reads standard input, which mods cannot use", 2)
	end
	local file, message = io.open(path, "r")
	if not file then
		error(message, 2)
	end
	return file:lines()
end

function io.write(...)
	local parts = {}
	for i = 1, select("#", ...) do
		parts[#parts + 1] = tostring((select(i, ...)))
	end
	host.log("print", table.concat(parts))
end

-- The standard streams: a server has no input, and its output is the log.
function io.read()
	return nil
end

function io.close(file)
	if file == nil then
		return nil, "cannot close standard file"
	end
	return File.close(file)
end

function io.flush()
	return true
end

-- Mod security only lets io.input/io.output open a path (checked like
-- io.open), never take a file or give the current stream.
local function default_stream(name, mode)
	return function(path)
		if type(path) ~= "string" then
			error("bad argument #1 to '?' (string expected, got " .. (path == nil and "no value" or type(path)) .. ")", 2)
		end
		local file, message = io.open(path, mode)
		if not file then
			error(message, 2)
		end
		return file
	end
end
io.input = default_stream("input", "r")
io.output = default_stream("output", "w")

-- os.remove and os.rename where the mod may write; package.searchpath
-- only finds files the mod may read.
-- Mod security passes on the result and the message, not the error code.
function os.remove(path)
	local ok, message = host.remove_file(tostring(path))
	return ok, message
end

function os.rename(from, to)
	local ok, message = host.rename_file(tostring(from), tostring(to))
	return ok, message
end

function package.searchpath(name, path, sep, rep)
	if type(name) ~= "string" or type(path) ~= "string" then
		error("bad argument #1 to 'searchpath' (string expected, got " .. type(name) .. ")", 2)
	end
	sep, rep = sep or ".", rep or "/"
	if sep ~= "" then
		name = name:gsub("%" .. sep, (rep:gsub("%%", "%%%%")))
	end
	local tried = {}
	for template in path:gmatch("[^;]+") do
		local candidate = template:gsub("%?", (name:gsub("%%", "%%%%")))
		local ok, data = pcall(host.read_file, candidate)
		if ok and data then
			return candidate
		end
		tried[#tried + 1] = "\n\tno file '" .. candidate .. "'"
	end
	return nil, table.concat(tried)
end

function io.type(value)
	if getmetatable(value) == File then
		return value.closed and "closed file" or "file"
	end
	return nil
end
