//! Engine functions that still work but are deprecated, with what to use
//! instead on the target version. Each old name is reported only on a
//! target whose real server has both it and its replacement (as measured
//! in `data/engine/<version>/`): `core.get_perlin` is deprecated from
//! Luanti 5.12 on, when `core.get_value_noise` appeared, and fine before;
//! `set_bone_position` from 5.10 on, when `set_bone_override` did.

use std::collections::HashMap;

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::EngineVersion;
use crate::engine::facts::Facts;
use crate::engine::version::PerVersion;
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::GlobalAccess;

pub const DEPRECATED_API: Code = Code {
    id: "MT2106",
    name: "deprecated-api",
    severity: Severity::Warning,
    doc: "A deprecated engine function, table or method; the message gives its replacement on the target version (`--engine`).",
};

/// A name of the engine's API, as `data/engine/<version>/` lists it.
#[derive(Debug, Clone, Copy)]
enum Api {
    /// A field of `core` (`minetest.x`).
    Core(&'static str),
    /// A global of mod code (`PerlinNoise`).
    Global(&'static str),
    /// A method of an engine object (`ObjectRef:getpos`).
    Method(&'static str, &'static str),
}

impl Api {
    fn exists_in(self, facts: &Facts) -> bool {
        match self {
            Api::Core(name) => facts.has_core(name),
            Api::Global(name) => facts.globals.contains_key(name),
            Api::Method(class, name) => facts.has_method(class, name),
        }
    }
}

/// An old name, what replaces it (its existence decides the versions the
/// old one is reported on) and the text saying how to use it (`{base}` is
/// `minetest` or `core`, as the mod wrote it).
struct Deprecation {
    old: Api,
    new: Api,
    text: &'static str,
}

const fn core(old: &'static str, new: Api, text: &'static str) -> Deprecation {
    Deprecation {
        old: Api::Core(old),
        new,
        text,
    }
}

const fn object(old: &'static str, new: &'static str, text: &'static str) -> Deprecation {
    Deprecation {
        old: Api::Method("ObjectRef", old),
        new: Api::Method("ObjectRef", new),
        text,
    }
}

static DEPRECATED: &[Deprecation] = &[
    core(
        "env",
        Api::Core("get_node"),
        "{base}.get_node, {base}.set_node… (call them on {base} itself)",
    ),
    core(
        "setting_get",
        Api::Method("Settings", "get"),
        "{base}.settings:get(name)",
    ),
    core(
        "setting_set",
        Api::Method("Settings", "set"),
        "{base}.settings:set(name, value)",
    ),
    core(
        "setting_getbool",
        Api::Method("Settings", "get_bool"),
        "{base}.settings:get_bool(name)",
    ),
    core(
        "setting_setbool",
        Api::Method("Settings", "set_bool"),
        "{base}.settings:set_bool(name, value)",
    ),
    core(
        "setting_save",
        Api::Method("Settings", "write"),
        "{base}.settings:write()",
    ),
    core(
        "setting_get_pos",
        Api::Method("Settings", "get_pos"),
        "{base}.settings:get_pos(name)",
    ),
    core(
        "get_mapgen_params",
        Api::Core("get_mapgen_setting"),
        "{base}.get_mapgen_setting(name)",
    ),
    core(
        "set_mapgen_params",
        Api::Core("set_mapgen_setting"),
        "{base}.set_mapgen_setting(name, value)",
    ),
    core(
        "register_on_auth_fail",
        Api::Core("register_on_authplayer"),
        "{base}.register_on_authplayer",
    ),
    core(
        "get_node_group",
        Api::Core("get_item_group"),
        "{base}.get_item_group(name, group)",
    ),
    core(
        "register_async_metatable",
        Api::Core("register_portable_metatable"),
        "{base}.register_portable_metatable",
    ),
    core(
        "get_perlin",
        Api::Core("get_value_noise"),
        "{base}.get_value_noise",
    ),
    core(
        "get_perlin_map",
        Api::Core("get_value_noise_map"),
        "{base}.get_value_noise_map",
    ),
    Deprecation {
        old: Api::Global("PerlinNoise"),
        new: Api::Global("ValueNoise"),
        text: "ValueNoise",
    },
    Deprecation {
        old: Api::Global("PerlinNoiseMap"),
        new: Api::Global("ValueNoiseMap"),
        text: "ValueNoiseMap",
    },
    object("getpos", "get_pos", ":get_pos()"),
    object("setpos", "set_pos", ":set_pos(pos)"),
    object("moveto", "move_to", ":move_to(pos)"),
    object("getvelocity", "get_velocity", ":get_velocity()"),
    object("setvelocity", "set_velocity", ":set_velocity(velocity)"),
    object("get_player_velocity", "get_velocity", ":get_velocity()"),
    object(
        "add_player_velocity",
        "add_velocity",
        ":add_velocity(velocity)",
    ),
    object("getacceleration", "get_acceleration", ":get_acceleration()"),
    object(
        "setacceleration",
        "set_acceleration",
        ":set_acceleration(acceleration)",
    ),
    object("getyaw", "get_yaw", ":get_yaw()"),
    object("setyaw", "set_yaw", ":set_yaw(yaw)"),
    object(
        "settexturemod",
        "set_texture_mod",
        ":set_texture_mod(modifier)",
    ),
    object("setsprite", "set_sprite", ":set_sprite(…)"),
    object(
        "get_look_pitch",
        "get_look_vertical",
        ":get_look_vertical()",
    ),
    object(
        "get_look_yaw",
        "get_look_horizontal",
        ":get_look_horizontal()",
    ),
    object(
        "set_look_pitch",
        "set_look_vertical",
        ":set_look_vertical(radians)",
    ),
    object(
        "set_look_yaw",
        "set_look_horizontal",
        ":set_look_horizontal(radians)",
    ),
    object("get_attribute", "get_meta", ":get_meta():get_string(name)"),
    object(
        "set_attribute",
        "get_meta",
        ":get_meta():set_string(name, value)",
    ),
    object("get_entity_name", "get_luaentity", ":get_luaentity().name"),
    object(
        "set_bone_position",
        "set_bone_override",
        ":set_bone_override(bone, overrides)",
    ),
    object(
        "get_bone_position",
        "get_bone_override",
        ":get_bone_override(bone)",
    ),
    object("get_sky_color", "get_sky", ":get_sky(true)"),
    Deprecation {
        old: Api::Method("ItemStack", "get_metadata"),
        new: Api::Method("ItemStack", "get_meta"),
        text: ":get_meta():get_string(\"\")",
    },
    Deprecation {
        old: Api::Method("ItemStack", "set_metadata"),
        new: Api::Method("ItemStack", "get_meta"),
        text: ":get_meta():set_string(\"\", value)",
    },
];

/// The deprecations of the target version: old and new both exist there.
fn in_force(facts: &Facts) -> impl Iterator<Item = &'static Deprecation> + '_ {
    DEPRECATED
        .iter()
        .filter(|d| d.old.exists_in(facts) && d.new.exists_in(facts))
}

/// The deprecations in force on one version, by old name: built once per
/// version, since every global and method call of every file asks.
#[derive(Default)]
struct InForce {
    core: HashMap<&'static str, &'static Deprecation>,
    globals: HashMap<&'static str, &'static Deprecation>,
    methods: HashMap<&'static str, &'static Deprecation>,
}

impl InForce {
    fn of(version: EngineVersion) -> &'static InForce {
        static ALL: PerVersion<InForce> = PerVersion::new();
        ALL.get(version, || InForce::build(Facts::of(version)))
    }

    fn build(facts: &Facts) -> InForce {
        let mut index = InForce::default();
        // The first entry for a name wins, as a search of the list would.
        for deprecation in in_force(facts) {
            let (map, name) = match deprecation.old {
                Api::Core(name) => (&mut index.core, name),
                Api::Global(name) => (&mut index.globals, name),
                Api::Method(_, name) => (&mut index.methods, name),
            };
            map.entry(name).or_insert(deprecation);
        }
        index
    }
}

pub struct DeprecatedApi;

impl LintRule for DeprecatedApi {
    fn codes(&self) -> &'static [&'static Code] {
        &[&DEPRECATED_API]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        let in_force = InForce::of(file.engine);
        let found = |name: &str, line: usize, column: usize, length: usize, text: String| {
            Diagnostic::new(&DEPRECATED_API, file.path)
                .at(Span::on_line(line, column, length))
                .arg("name", name.to_owned())
                .arg("replacement", text)
                .arg("target", file.engine.to_string())
        };
        for global in &file.analysis.globals {
            if global.name == "minetest" || global.name == "core" {
                let Some((field, line, column, false)) = &global.field else {
                    continue;
                };
                let Some(deprecation) = in_force.core.get(field.as_str()) else {
                    continue;
                };
                out.push(found(
                    &format!("{}.{field}", global.name),
                    *line,
                    *column,
                    field.chars().count(),
                    deprecation.text.replace("{base}", &global.name),
                ));
            } else if global.access != GlobalAccess::Write
                && let Some(deprecation) = in_force.globals.get(global.name.as_str())
            {
                out.push(found(
                    &global.name,
                    global.line,
                    global.column,
                    global.name.chars().count(),
                    deprecation.text.to_owned(),
                ));
            }
        }
        for call in &file.analysis.method_calls {
            // The mod's own method of that name is not the engine's.
            if file.analysis.declared_methods.contains(&call.name) {
                continue;
            }
            let Some(deprecation) = in_force.methods.get(call.name.as_str()) else {
                continue;
            };
            out.push(found(
                &format!(":{}", call.name),
                call.line,
                call.column,
                call.name.chars().count(),
                deprecation.text.to_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineVersion;

    /// No entry is dead: each is reported on at least one measured server.
    #[test]
    fn every_deprecation_is_in_force_on_some_measured_version() {
        for deprecation in DEPRECATED {
            assert!(
                EngineVersion::ALL
                    .into_iter()
                    .any(|version| in_force(Facts::of(version))
                        .any(|d| std::ptr::eq(d, deprecation))),
                "{:?} → {:?} exist together in no data/engine/<version>/",
                deprecation.old,
                deprecation.new
            );
        }
    }
}
