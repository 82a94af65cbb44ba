-- dofile and loadfile confined to the enabled mods' folders like the
-- engine's mod security (absolute paths only, text chunks only), and
-- core.mkdir, core.get_dir_list confined like io.
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

-- core.mkdir and core.get_dir_list, with the same confinement as io.
function core.mkdir(path)
	return host.mkdir(tostring(path))
end

function core.get_dir_list(path, is_dir)
	if is_dir ~= nil then
		is_dir = is_dir and true or false
	end
	return host.dir_list(tostring(path), is_dir)
end
