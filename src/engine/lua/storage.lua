-- Mod storage: one key/value store per mod, in memory for the run.
local core, host, private = ...

local StorageRef = {}
StorageRef.__index = StorageRef
private.classes.StorageRef = { StorageRef }

private.add_key_value_methods(StorageRef)

private.storages = {}

function core.get_mod_storage()
	-- After load time the engine knows no current mod and gives nothing.
	local mod = private.current_modname
	if not mod then
		return nil
	end
	local storage = private.storages[mod]
	if not storage then
		storage = setmetatable({ fields = {} }, StorageRef)
		private.storages[mod] = storage
	end
	return storage
end

-- What the mods stored while loading: each test's fresh world starts with
-- exactly that (a world's mod storage is part of the world).
local loaded_fields

function private.reset_storages()
	if not loaded_fields then
		loaded_fields = {}
		for mod, storage in pairs(private.storages) do
			loaded_fields[mod] = table.copy(storage.fields)
		end
		return
	end
	for mod, storage in pairs(private.storages) do
		local fields = storage.fields
		for key in pairs(fields) do
			fields[key] = nil
		end
		for key, value in pairs(loaded_fields[mod] or {}) do
			fields[key] = value
		end
	end
end
