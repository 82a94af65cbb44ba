//! The engine's own checks on what a mod gives its functions, read back
//! from their messages (the real server's words, which the simulated
//! engine raises the same: `Node name is not set or is not a string!`,
//! `Invalid vector (expected table got nil).`, `bad argument #7 to
//! 'register_item_raw'`…) into the explainer's shapes.

use crate::diag::ArgValue;

/// The methods pupils call on inventories, metadata and players, as
/// lua_api.md writes their arguments (self aside).
const METHODS: &[&str] = &[
    "add_item(listname, stack)",
    "room_for_item(listname, stack)",
    "contains_item(listname, stack, [match_meta])",
    "remove_item(listname, stack)",
    "get_stack(listname, i)",
    "set_stack(listname, i, stack)",
    "get_size(listname)",
    "set_size(listname, size)",
    "is_empty(listname)",
    "get_list(listname)",
    "set_list(listname, list)",
    "set_string(key, value)",
    "get_string(key)",
    "set_int(key, value)",
    "get_int(key)",
    "set_float(key, value)",
    "get_float(key)",
];

/// `add_item(listname, stack)` for an inventory's `add_item`.
pub fn method_signature(method: &str) -> Option<&'static str> {
    METHODS.iter().copied().find(|line| {
        line.strip_prefix(method)
            .is_some_and(|rest| rest.starts_with('('))
    })
}

/// `Runtime error from mod '??' in callback l_add_item(): <message>`: the
/// engine's wrapper around an error inside one of its Lua helpers.
pub fn unwrapped(message: &str) -> &str {
    message
        .strip_prefix("Runtime error from mod '")
        .and_then(|rest| rest.split_once("(): "))
        .map_or(message, |(_, inner)| inner)
}

/// The catalogue arguments for an engine check's message, or `None` when
/// the message is not one. `function` is the engine function the pupil's
/// line called (as written there) and `signature` its argument list.
pub fn engine_check(
    message: &str,
    function: &str,
    signature: &str,
) -> Option<Vec<(&'static str, ArgValue)>> {
    let first = message.lines().next().unwrap_or("");
    let with = |shape: &str, extra: Vec<(&'static str, ArgValue)>| {
        let mut args = vec![
            ("shape", ArgValue::from(shape)),
            ("function", ArgValue::from(function)),
            ("signature", ArgValue::from(signature)),
        ];
        args.extend(extra);
        Some(args)
    };
    if first == "Node name is not set or is not a string!" {
        return with("node-name", Vec::new());
    }
    if let Some(rest) = first.strip_prefix("Invalid vector (expected table got ") {
        let got = rest.trim_end_matches(").");
        return with("not-a-position", vec![("value", got.into())]);
    }
    if let Some(rest) = first.strip_prefix("Invalid vector coordinate ") {
        let (axis, rest) = rest.split_once(' ')?;
        let got = rest
            .strip_prefix("(expected number got ")
            .map_or("nil", |r| r.trim_end_matches(")."));
        return with(
            "position-coordinate",
            vec![("name", axis.into()), ("value", got.into())],
        );
    }
    if first == "Expecting itemstack, itemstring, table or nil" {
        return with("not-an-item", Vec::new());
    }
    if let Some(rest) = first.strip_prefix("bad argument #") {
        let (number, rest) = rest.split_once(' ')?;
        let got = rest
            .strip_prefix("to 'register_item_raw' (")?
            .split_once(" expected, got ")?
            .1
            .trim_end_matches(')');
        let shape = match number {
            "5" => "groups-table",
            "6" => "groups-name",
            _ => "groups-value",
        };
        return with(shape, vec![("value", got.into())]);
    }
    // read_groups turns a number key into text, which breaks its walk.
    if first == "invalid key to 'next'"
        && (function.contains("register_") || function.contains("override_item"))
    {
        return with("groups-name", vec![("value", "number".into())]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(message: &str) -> Option<String> {
        engine_check(message, "minetest.set_node", "set_node(pos, node)").map(|args| {
            match &args[0].1 {
                ArgValue::Text(text) => text.clone(),
                ArgValue::Number(_) => String::new(),
            }
        })
    }

    #[test]
    fn reads_each_check_of_the_engine() {
        assert_eq!(
            shape("Node name is not set or is not a string!").as_deref(),
            Some("node-name")
        );
        assert_eq!(
            shape("Invalid vector (expected table got nil).").as_deref(),
            Some("not-a-position")
        );
        assert_eq!(
            shape("Invalid vector coordinate x (expected number got nil).").as_deref(),
            Some("position-coordinate")
        );
        assert_eq!(
            shape("Expecting itemstack, itemstring, table or nil").as_deref(),
            Some("not-an-item")
        );
        assert_eq!(
            shape("bad argument #7 to 'register_item_raw' (number expected, got boolean)")
                .as_deref(),
            Some("groups-value")
        );
        assert_eq!(
            shape("bad argument #5 to 'register_item_raw' (table expected, got string)").as_deref(),
            Some("groups-table")
        );
        assert_eq!(
            shape("bad argument #2 to 'chat_send_player' (string expected, got nil)"),
            None
        );
        assert_eq!(shape("invalid key to 'next'"), None, "not a register call");
    }

    #[test]
    fn the_callback_wrapper_is_taken_off() {
        assert_eq!(
            unwrapped(
                "Runtime error from mod '??' in callback l_add_item(): Invalid vector coordinate x (expected number got nil)."
            ),
            "Invalid vector coordinate x (expected number got nil)."
        );
        assert_eq!(unwrapped("plain"), "plain");
    }
}
