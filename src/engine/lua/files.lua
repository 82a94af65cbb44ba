-- dofile and loadfile, confined to the enabled mods' folders like the
-- engine's mod security (absolute paths only, text chunks only).
local core, host, private = ...

rawset(_G, "loadfile", function(path)
	return host.load_mod_file(tostring(path))
end)

rawset(_G, "dofile", function(path)
	local chunk, message = host.load_mod_file(tostring(path))
	if not chunk then
		error(message, 2)
	end
	return chunk()
end)
