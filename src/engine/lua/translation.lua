-- Translation markers: get_translator, translate and S(), producing the
-- same escape sequences as the engine (the client translates them).
local core, host, private = ...

local ESC = "\27"

local function escape(text)
	return (text:gsub("@", "@@"):gsub("=", "@="):gsub("\n", "@n"))
end

-- `num` (a count, for translate_n) is "" for a plain translation.
function private.translate(textdomain, str, num, ...)
	local start_seq = ESC .. "(T@" .. textdomain .. (num ~= "" and "@" .. num or "") .. ")"
	local args = { n = select("#", ...), ... }
	local arg_index = 1
	local translated = str:gsub("@(.)", function(matched)
		local c = string.byte(matched)
		if string.byte("1") <= c and c <= string.byte("9") then
			local a = c - string.byte("0")
			if a ~= arg_index then
				error("Escape sequences in string given to core.translate are not in the correct order: got @" .. matched .. "but expected @" .. tostring(arg_index), 2)
			end
			if a > args.n then
				error("Not enough arguments provided to core.translate", 2)
			end
			arg_index = arg_index + 1
			return ESC .. "F" .. tostring(args[a]) .. ESC .. "E"
		elseif matched == "n" then
			return "\n"
		end
		return matched
	end)
	return start_seq .. translated .. ESC .. "E"
end

function core.translate(textdomain, str, ...)
	return private.translate(textdomain, str, "", ...)
end

function core.get_translator(textdomain)
	return function(str, ...)
		return core.translate(textdomain or "", str, ...)
	end
end

private.escape_translation = escape
