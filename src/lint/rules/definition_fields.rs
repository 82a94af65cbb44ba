//! Definition tables given to `minetest.register_*`: misspelt fields
//! (`descripton`, `tile`, `groupe`), values of the wrong kind
//! (`groups = 3`), unknown `drawtype`/`paramtype` values, and chat commands
//! without `func`. Field lists follow the 5.6.1 lua_api.txt; fields
//! starting with `_` are the mod's own and left alone.

use crate::content::did_you_mean;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::EngineVersion;
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::{DefinitionField, FieldValue, RegistrationCall};

pub const MISSPELT_FIELD: Code = Code {
    id: "MT2301",
    name: "misspelt-definition-field",
    severity: Severity::Warning,
    doc: "A definition field the engine does not know, close to one it knows: probably a typo.",
};

pub const WRONG_FIELD_TYPE: Code = Code {
    id: "MT2302",
    name: "definition-field-type",
    severity: Severity::Error,
    doc: "A definition field holds the wrong kind of value (`groups = 3`).",
};

/// A warning: measured, the real server loads such a node, using the
/// field's default in place of the unknown value.
pub const INVALID_FIELD_VALUE: Code = Code {
    id: "MT2303",
    name: "definition-field-value",
    severity: Severity::Warning,
    doc: "A `drawtype`, `paramtype` or `paramtype2` value the engine does not know: it uses the default instead.",
};

pub const NEWER_FIELD_VALUE: Code = Code {
    id: "MT2307",
    name: "definition-value-from-newer-engine",
    severity: Severity::Warning,
    doc: "A `paramtype2` value that only a newer engine than the target (`--engine`) knows (`4dir` before 5.7): the target uses the default instead.",
};

pub const UNKNOWN_FIELD: Code = Code {
    id: "MT2304",
    name: "unknown-definition-field",
    severity: Severity::Info,
    doc: "A definition field the engine does not use (mods' own fields should start with `_`).",
};

pub const COMMAND_WITHOUT_FUNC: Code = Code {
    id: "MT2305",
    name: "chatcommand-without-func",
    severity: Severity::Error,
    doc: "A chat command definition has no `func`: typing the command would crash the server.",
};

const ITEM_FIELDS: &[&str] = &[
    "description",
    "short_description",
    "groups",
    "inventory_image",
    "inventory_overlay",
    "wield_image",
    "wield_overlay",
    "wield_scale",
    "palette",
    "color",
    "stack_max",
    "range",
    "liquids_pointable",
    "light_source",
    "tool_capabilities",
    "node_dig_prediction",
    "node_placement_prediction",
    "sound",
    "on_place",
    "on_secondary_use",
    "on_drop",
    "on_use",
    "after_use",
    "type",
    "name",
];

const NODE_FIELDS: &[&str] = &[
    "drawtype",
    "visual_scale",
    "tiles",
    "overlay_tiles",
    "special_tiles",
    "use_texture_alpha",
    "post_effect_color",
    "paramtype",
    "paramtype2",
    "place_param2",
    "is_ground_content",
    "sunlight_propagates",
    "walkable",
    "pointable",
    "diggable",
    "climbable",
    "move_resistance",
    "buildable_to",
    "floodable",
    "liquidtype",
    "liquid_alternative_flowing",
    "liquid_alternative_source",
    "liquid_viscosity",
    "liquid_renewable",
    "liquid_move_physics",
    "leveled",
    "leveled_max",
    "liquid_range",
    "drowning",
    "damage_per_second",
    "node_box",
    "connects_to",
    "connect_sides",
    "mesh",
    "selection_box",
    "collision_box",
    "legacy_facedir_simple",
    "legacy_wallmounted",
    "waving",
    "sounds",
    "drop",
    "on_construct",
    "on_destruct",
    "after_destruct",
    "on_flood",
    "preserve_metadata",
    "after_place_node",
    "after_dig_node",
    "can_dig",
    "on_punch",
    "on_rightclick",
    "on_dig",
    "on_timer",
    "on_receive_fields",
    "allow_metadata_inventory_move",
    "allow_metadata_inventory_put",
    "allow_metadata_inventory_take",
    "on_metadata_inventory_move",
    "on_metadata_inventory_put",
    "on_metadata_inventory_take",
    "on_blast",
    "mod_origin",
    "tile_images",
    "special_materials",
];

const CHATCOMMAND_FIELDS: &[&str] = &["params", "description", "privs", "func"];
const PRIVILEGE_FIELDS: &[&str] = &[
    "description",
    "give_to_singleplayer",
    "give_to_admin",
    "on_grant",
    "on_revoke",
];
const CRAFT_FIELDS: &[&str] = &[
    "type",
    "output",
    "recipe",
    "replacements",
    "cooktime",
    "burntime",
    "additional_wear",
];
const ABM_FIELDS: &[&str] = &[
    "label",
    "nodenames",
    "neighbors",
    "interval",
    "chance",
    "min_y",
    "max_y",
    "catch_up",
    "action",
];
const LBM_FIELDS: &[&str] = &["label", "name", "nodenames", "run_at_every_load", "action"];

const DRAWTYPES: &[&str] = &[
    "normal",
    "airlike",
    "liquid",
    "flowingliquid",
    "glasslike",
    "glasslike_framed",
    "glasslike_framed_optional",
    "allfaces",
    "allfaces_optional",
    "torchlike",
    "signlike",
    "plantlike",
    "firelike",
    "fencelike",
    "raillike",
    "nodebox",
    "mesh",
    "plantlike_rooted",
];
const PARAMTYPES: &[&str] = &["none", "light"];
const PARAMTYPES2: &[&str] = &[
    "none",
    "flowingliquid",
    "wallmounted",
    "facedir",
    "leveled",
    "degrotate",
    "meshoptions",
    "color",
    "colorfacedir",
    "colorwallmounted",
    "glasslikeliquidlevel",
    "colordegrotate",
];
/// `paramtype2` values added after 5.6.1: the value, the release that
/// added it, and what does the same on older engines.
const NEWER_PARAMTYPES2: &[(&str, &str, &str)] = &[
    ("4dir", "5.7", "facedir"),
    ("color4dir", "5.7", "colorfacedir"),
];

/// The fields a registration function accepts, or `None` when not checked.
fn known_fields(function: &str) -> Option<Vec<&'static str>> {
    Some(match function {
        "register_node" => ITEM_FIELDS.iter().chain(NODE_FIELDS).copied().collect(),
        "register_craftitem" | "register_tool" | "register_item" => ITEM_FIELDS.to_vec(),
        "register_chatcommand" => CHATCOMMAND_FIELDS.to_vec(),
        "register_privilege" => PRIVILEGE_FIELDS.to_vec(),
        "register_craft" => CRAFT_FIELDS.to_vec(),
        "register_abm" => ABM_FIELDS.to_vec(),
        "register_lbm" => LBM_FIELDS.to_vec(),
        _ => return None,
    })
}

pub struct DefinitionFields;

impl LintRule for DefinitionFields {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &MISSPELT_FIELD,
            &WRONG_FIELD_TYPE,
            &INVALID_FIELD_VALUE,
            &NEWER_FIELD_VALUE,
            &UNKNOWN_FIELD,
            &COMMAND_WITHOUT_FUNC,
        ]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for call in &file.analysis.registrations {
            let Some(known) = known_fields(&call.function) else {
                continue;
            };
            let missing_func = call.function == "register_chatcommand"
                && !call.fields.iter().any(|f| f.name == "func");
            // A command without func but with a function under another name
            // (`fonction = function…`): that field is the mistake.
            let misnamed = if missing_func {
                call.fields
                    .iter()
                    .find(|f| f.value == FieldValue::Function && !known.contains(&f.name.as_str()))
            } else {
                None
            };
            for field in &call.fields {
                if misnamed.is_some_and(|m| std::ptr::eq(m, field)) {
                    continue;
                }
                if let Some(finding) = check_field(file, call, field, &known) {
                    out.push(finding);
                }
            }
            if missing_func {
                out.push(match misnamed {
                    Some(field) => at(&COMMAND_WITHOUT_FUNC, file, field),
                    None => Diagnostic::new(&COMMAND_WITHOUT_FUNC, file.path)
                        .at(Span::on_line(call.line, call.column, call.function.len()))
                        .arg("field", "none"),
                });
            }
        }
    }
}

fn at(code: &'static Code, file: &FileContext, field: &DefinitionField) -> Diagnostic {
    Diagnostic::new(code, file.path)
        .at(Span::on_line(
            field.line,
            field.column,
            field.name.chars().count(),
        ))
        .arg("field", field.name.as_str())
}

fn check_field(
    file: &FileContext,
    call: &RegistrationCall,
    field: &DefinitionField,
    known: &[&str],
) -> Option<Diagnostic> {
    let name = field.name.as_str();
    if name.starts_with('_') {
        return None;
    }
    if !known.contains(&name) {
        return Some(match did_you_mean(name, known.iter().copied()) {
            Some(suggestion) => at(&MISSPELT_FIELD, file, field).arg("suggestion", suggestion),
            None => at(&UNKNOWN_FIELD, file, field).arg("function", call.function.as_str()),
        });
    }
    let wrong_kind = match (name, &field.value) {
        (
            "groups" | "tool_capabilities" | "wield_scale" | "privs",
            FieldValue::Number | FieldValue::Text(_) | FieldValue::Boolean,
        ) => Some("table"),
        ("tiles" | "special_tiles" | "overlay_tiles", FieldValue::Number | FieldValue::Boolean) => {
            Some("table")
        }
        (
            "description" | "inventory_image" | "wield_image" | "params",
            FieldValue::Number | FieldValue::Table | FieldValue::Boolean,
        ) => Some("text"),
        (
            "func" | "on_use" | "on_punch" | "on_rightclick" | "on_construct" | "action",
            FieldValue::Text(_) | FieldValue::Number | FieldValue::Table | FieldValue::Boolean,
        ) => Some("function"),
        (
            "light_source" | "stack_max" | "interval" | "chance",
            FieldValue::Text(_) | FieldValue::Table | FieldValue::Boolean,
        ) => Some("number"),
        _ => None,
    };
    if let Some(expected) = wrong_kind {
        return Some(at(&WRONG_FIELD_TYPE, file, field).arg("expected", expected));
    }
    let allowed = match name {
        "drawtype" => DRAWTYPES,
        "paramtype" => PARAMTYPES,
        "paramtype2" => PARAMTYPES2,
        _ => return None,
    };
    let FieldValue::Text(value) = &field.value else {
        return None;
    };
    if allowed.contains(&value.as_str()) {
        return None;
    }
    if name == "paramtype2"
        && let Some((_, since, older)) = NEWER_PARAMTYPES2.iter().find(|(v, ..)| v == value)
    {
        // Every version mtedu knows after 5.6 is newer than 5.7.
        if file.engine > EngineVersion::V5_6 {
            return None;
        }
        return Some(
            at(&NEWER_FIELD_VALUE, file, field)
                .arg("value", value.as_str())
                .arg("since", format!("Minetest {since}"))
                .arg("target", file.engine.to_string())
                .arg("flag", EngineVersion::V5_10.short())
                .arg("older", *older),
        );
    }
    let suggestion = did_you_mean(value, allowed.iter().copied());
    Some(
        at(&INVALID_FIELD_VALUE, file, field)
            .arg("value", value.as_str())
            .arg("suggestion", suggestion.unwrap_or("none"))
            .arg("allowed", allowed.join(", ")),
    )
}
