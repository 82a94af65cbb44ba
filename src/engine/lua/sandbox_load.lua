-- Text-only chunk loading, as with the engine's mod security: loadstring
-- refuses bytecode, and load (Lua 5.1) takes only a function; require
-- fails with the engine's words.
local bytecode_prohibited, require_disabled = ...
local loadstring, type, error, concat = loadstring, type, error, table.concat
local byte = string.byte

local function text_only(code, chunkname)
	if type(code) == "string" and byte(code, 1) == 27 then
		return nil, bytecode_prohibited
	end
	return loadstring(code, chunkname)
end
_G.loadstring = text_only

_G.load = function(reader, chunkname)
	if type(reader) ~= "function" then
		error("bad argument #1 to '?' (function expected, got " .. type(reader) .. ")", 0)
	end
	local parts = {}
	while true do
		local part = reader()
		if part == nil or part == "" then
			break
		end
		parts[#parts + 1] = part
	end
	return text_only(concat(parts), chunkname)
end

_G.require = function()
	error(require_disabled, 0)
end
