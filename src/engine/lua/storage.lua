-- Mod storage: one key/value store per mod, in memory for the run.
local core, host, private = ...

local StorageRef = {}
StorageRef.__index = StorageRef

private.add_key_value_methods(StorageRef)

private.storages = {}

function core.get_mod_storage()
	local mod = private.current_modname
	if not mod then
		error("core.get_mod_storage can only be called while a mod loads", 2)
	end
	local storage = private.storages[mod]
	if not storage then
		storage = setmetatable({ fields = {} }, StorageRef)
		private.storages[mod] = storage
	end
	return storage
end
