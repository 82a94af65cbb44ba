-- Generated media: encode_png (colours as tables, numbers or #hex strings)
-- and safe_file_write.
local core, host, private = ...

local function hex_color(text)
	local hex = text:match("^#(%x+)$")
	if not hex then
		return nil
	end
	local r, g, b, a
	if #hex == 3 or #hex == 4 then
		r, g, b = tonumber(hex:sub(1, 1), 16) * 17, tonumber(hex:sub(2, 2), 16) * 17, tonumber(hex:sub(3, 3), 16) * 17
		a = #hex == 4 and tonumber(hex:sub(4, 4), 16) * 17 or 255
	elseif #hex == 6 or #hex == 8 then
		r, g, b = tonumber(hex:sub(1, 2), 16), tonumber(hex:sub(3, 4), 16), tonumber(hex:sub(5, 6), 16)
		a = #hex == 8 and tonumber(hex:sub(7, 8), 16) or 255
	else
		return nil
	end
	return r, g, b, a
end

function private.color_bytes(color)
	local kind = type(color)
	if kind == "table" then
		return color.r or 0, color.g or 0, color.b or 0, color.a or 255
	elseif kind == "number" then
		local n = math.floor(color) % 4294967296
		return math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256, math.floor(n / 16777216) % 256
	elseif kind == "string" then
		local r, g, b, a = hex_color(color)
		if r then
			return r, g, b, a
		end
		error("mtedu: named colours (" .. color .. ") are not simulated yet; use #rrggbb", 3)
	end
	error("Invalid colour: " .. tostring(color), 3)
end

local char, concat = string.char, table.concat

function core.encode_png(width, height, data, compression)
	if type(data) ~= "string" then
		local bytes = {}
		for i = 1, width * height do
			local r, g, b, a = private.color_bytes(data[i] or 0)
			bytes[i] = char(r, g, b, a)
		end
		data = concat(bytes)
	end
	return host.encode_png(width, height, data, compression or 6)
end

function core.safe_file_write(path, content)
	host.check_write(path)
	host.write_file(path, content, false)
	return true
end

function core.encode_base64(data)
	return host.encode_base64(data)
end

function core.decode_base64(text)
	return host.decode_base64(text)
end

function core.sha1(data, raw)
	return host.sha1(data, raw and true or false)
end
