-- mtedu companion: loaded first by the server `mtedu serve` starts.
--
-- It does three things:
--  * a safety net: every callback a mod registers is wrapped, so an error
--    is reported (events.jsonl) and that callback turned off until the mod
--    is reloaded, instead of stopping the server;
--  * a request/result protocol with mtedu through its own folder's `io/`
--    (every mod may read a mod's folder, none but this one may write it:
--    the answers go through a file opened while this mod loads, the only
--    time mod security lets a mod write its folder), every line signed
--    with the session's key;
--  * soft reload: re-running a mod's files in the live server with its
--    definitions replaced in place and its old callbacks removed.
--
-- This file keeps the protocol; the rest is in files it runs from its own
-- folder while it loads: net.lua (the safety net), reload.lua (soft
-- reload), actions.lua (what each request does), and running.lua,
-- shutdown.lua, teacher.lua, earlier.lua, privileges.lua.
--
-- What the protocol needs is taken now, before any other mod runs: a mod
-- that replaces `io.open`, `string.match` or `core.write_json` later
-- changes nothing here.

local core, type, tostring, pcall, xpcall = core, type, tostring, pcall, xpcall
local open, sha1, bxor = io.open, core.sha1, bit.bxor
local byte, char, match, concat = string.byte, string.char, string.match, table.concat
local parse_json, write_json, log = core.parse_json, core.write_json, core.log

assert(core.settings:get("mtedu_io"), "mtedu_io is not set: this mod only runs under `mtedu serve`")
local own_dir = core.get_modpath(core.get_current_modname())
local io_dir = own_dir .. "/io"

-- The session's key: read, then taken out of the settings before any
-- other mod loads (the server's config is beyond every mod's reach).
local inner_pad, outer_pad
do
	local session_key = core.settings:get("mtedu_key") or ""
	core.settings:remove("mtedu_key")
	assert(#session_key == 64, "mtedu_key is not set: this mod only runs under `mtedu serve`")
	local function padded(with)
		local bytes = {}
		for index = 1, 64 do
			bytes[index] = char(bxor(byte(session_key, index), with))
		end
		return concat(bytes)
	end
	inner_pad, outer_pad = padded(0x36), padded(0x5c)
end

-- HMAC-SHA1 of `text` under the session's key, in hexadecimal.
local function mac(text)
	return sha1(outer_pad .. sha1(inner_pad .. text, true))
end

local out = assert(open(io_dir .. "/out.jsonl", "a"))
-- The callback running now (see running.lua).
local running = dofile(own_dir .. "/running.lua")(assert(open(io_dir .. "/running", "w")))
local write, flush, read, close = out.write, out.flush, out.read, out.close

-- One signed line to mtedu.
local function send(value)
	local text = write_json(value)
	write(out, mac(text), " ", text, "\n")
	flush(out)
end

-- The request mtedu wrote, when its signature is right.
local function signed_request()
	local file = open(io_dir .. "/request.json", "r")
	if not file then
		return nil
	end
	local text = read(file, "*a")
	close(file)
	local signature, body = match(text or "", "^(%x+) (.*)$")
	if not signature or mac(body) ~= signature then
		return nil
	end
	return body
end

local watched = {}
for name in (core.settings:get("mtedu_watched") or ""):gmatch("[^,%s]+") do
	watched[name] = true
end

---------------------------------------------------------------- events

local function emit(event)
	pcall(send, event)
end

---------------------------------------------------------------- safety net

local net = dofile(own_dir .. "/net.lua")(running, emit)
local request_shutdown = dofile(own_dir .. "/shutdown.lua")(emit, net.mod_of_source)

---------------------------------------------------------------- requests

local reload = dofile(own_dir .. "/reload.lua")(net, running, watched)
local actions = dofile(own_dir .. "/actions.lua")(net, reload, watched, request_shutdown)
-- The animator's actions from the class dashboard (freeze, gather, say).
dofile(own_dir .. "/teacher.lua")(actions)

local last_id = 0

local function answer(text)
	local request = parse_json(text)
	if type(request) ~= "table" or type(request.id) ~= "number" or request.id <= last_id then
		return
	end
	last_id = request.id
	local action = actions[request.action]
	local result
	if action then
		local ok, value = xpcall(action, net.traceback_handler, request)
		result = ok and value or {ok = false, error = net.failure_of(value).message}
	else
		result = {ok = false, error = "unknown action " .. tostring(request.action)}
	end
	result.id = request.id
	send(result)
end

table.insert(core.registered_globalsteps, 1, function()
	local text = signed_request()
	if not text then
		return
	end
	local ok, failure = pcall(answer, text)
	if not ok then
		log("error", "[mtedu] request failed: " .. tostring(failure))
	end
end)


dofile(own_dir .. "/earlier.lua")(net.guard, net.guard_fields, reload.callback_lists)
dofile(own_dir .. "/privileges.lua")(emit, net.mod_of_source, own_dir .. "/")

core.register_on_mods_loaded(function()
	net.know_mods()
	emit({event = "ready"})
end)
