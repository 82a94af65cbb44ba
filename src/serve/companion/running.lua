-- Which mod's callback the server runs right now, for `mtedu serve` to read
-- when the server stops answering: its only Lua thread is then stuck in
-- that callback, so nothing in the server could say it any more.
--
-- One record of fixed size, rewritten in place (unbuffered, so each write
-- reaches the file at once) at each entry and each exit of a wrapped
-- callback; a record is made once, when the callback is wrapped, so a call
-- costs two seeks and two writes and no string work.
--
-- Loaded by init.lua with the file it opened while loading (mod security
-- lets no mod open a file in its own folder later).

local SIZE = 512
local IDLE_TEXT = "idle"

local getinfo, tostring, gsub, rep, sub = debug.getinfo, tostring, string.gsub, string.rep, string.sub

-- `text` cut or padded to the record's size.
local function padded(text)
	text = sub(text, 1, SIZE - 1)
	return text .. rep(" ", SIZE - 1 - #text) .. "\n"
end

return function(file)
	local seek, write = file.seek, file.write
	file:setvbuf("no")
	local idle = padded(IDLE_TEXT)
	local current = idle

	local function put(record)
		seek(file, "set", 0)
		write(file, record)
	end
	put(idle)

	local running = {}

	-- The record of `func` (of `mod`, known as `what`): mod, callback and
	-- where the function starts (or the file `func` names), tab-separated.
	function running.record(mod, what, func)
		local place = type(func) == "string" and func or ""
		local info = type(func) == "function" and getinfo(func, "S")
		if info then
			place = gsub(tostring(info.source), "^@", "") .. ":" .. tostring(info.linedefined)
		end
		local fields = {tostring(mod or ""), tostring(what or ""), place}
		for index, field in ipairs(fields) do
			-- One line, tabs only between fields.
			fields[index] = gsub(field, "%c", " ")
		end
		return padded("running\t" .. table.concat(fields, "\t"))
	end

	-- Marks `record` as running; gives back what ran before (a callback
	-- can run another, as `set_node` runs `on_construct`).
	function running.enter(record)
		local outer = current
		current = record
		put(record)
		return outer
	end

	-- Back to what ran before `enter`.
	function running.leave(outer)
		current = outer
		put(outer)
	end

	return running
end
