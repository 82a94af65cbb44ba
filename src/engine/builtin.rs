//! mtedu's Lua side of the `core` API, embedded in the binary, in load order.

/// `(name, source)` of each file, in the order `init.lua` runs them.
pub const FILES: &[(&str, &str)] = &[
    ("helpers", include_str!("lua/helpers.lua")),
    ("arguments", include_str!("lua/arguments.lua")),
    ("vector", include_str!("lua/vector.lua")),
    ("voxelarea", include_str!("lua/voxelarea.lua")),
    ("log", include_str!("lua/log.lua")),
    ("key_value", include_str!("lua/key_value.lua")),
    ("register", include_str!("lua/register.lua")),
    ("itemstack", include_str!("lua/itemstack.lua")),
    ("inventory", include_str!("lua/inventory.lua")),
    ("craft", include_str!("lua/craft.lua")),
    ("craft_match", include_str!("lua/craft_match.lua")),
    ("items", include_str!("lua/items.lua")),
    ("translation", include_str!("lua/translation.lua")),
    ("settings", include_str!("lua/settings.lua")),
    ("time", include_str!("lua/time.lua")),
    ("server", include_str!("lua/server.lua")),
    ("storage", include_str!("lua/storage.lua")),
    ("mapgen", include_str!("lua/mapgen.lua")),
    ("world", include_str!("lua/world.lua")),
    ("light", include_str!("lua/light.lua")),
    ("players", include_str!("lua/players.lua")),
    ("formspec", include_str!("lua/formspec.lua")),
    ("entities", include_str!("lua/entities.lua")),
    ("files", include_str!("lua/files.lua")),
    ("media", include_str!("lua/media.lua")),
    ("io", include_str!("lua/io.lua")),
    ("serialize", include_str!("lua/serialize.lua")),
    ("colors", include_str!("lua/colors.lua")),
    ("text", include_str!("lua/text.lua")),
    ("tools", include_str!("lua/tools.lua")),
    ("callbacks", include_str!("lua/callbacks.lua")),
    ("after", include_str!("lua/after.lua")),
    ("voxelmanip", include_str!("lua/voxelmanip.lua")),
    ("map_queries", include_str!("lua/map_queries.lua")),
    ("item_actions", include_str!("lua/item_actions.lua")),
    ("effects", include_str!("lua/effects.lua")),
    ("admin", include_str!("lua/admin.lua")),
    ("auth", include_str!("lua/auth.lua")),
    ("abm", include_str!("lua/abm.lua")),
    ("newer_api", include_str!("lua/newer_api.lua")),
    ("after_load", include_str!("lua/after_load.lua")),
    ("not_simulated", include_str!("lua/not_simulated.lua")),
    ("builtin_content", include_str!("lua/builtin_content.lua")),
    ("chat", include_str!("lua/chat.lua")),
    ("item_entity", include_str!("lua/item_entity.lua")),
    ("engine_version", include_str!("lua/engine_version.lua")),
    ("strict", include_str!("lua/strict.lua")),
];

/// The entry point that runs [`FILES`].
pub const INIT: &str = include_str!("lua/init.lua");

/// The map settings of a new default world, measured on the real 5.6.1
/// server (`name<TAB>value` or `name<TAB>np<TAB>{…}`).
pub const MAPGEN_SETTINGS_5_6_1: &str = include_str!("../../data/engine/5.6.1/mapgen-settings.txt");
