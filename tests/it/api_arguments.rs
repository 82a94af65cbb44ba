//! The argument table of lint's MT2108/MT2109 (`src/lint/data/
//! api-arguments-5.6.1.txt`) against the real server: every function,
//! called with only the arguments the table says it requires, must work
//! (else lint would call correct code wrong); called with one fewer, it
//! must fail — except the few functions measured to return nothing
//! instead, listed below.
//!
//! A worldmod calls each function in `pcall` at load time and once the
//! server runs (functions of the map do nothing before), writes what
//! happened into the world and shuts the server down.

use crate::support;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use mtedu::lint::rules::argument_count::signatures;
use support::real_server;

/// Functions that do not fail when their last required argument is
/// missing: they quietly do nothing useful (measured on 5.6.1).
const QUIET_WITHOUT_LAST: &[&str] = &[
    "colorize",
    "deserialize",
    "find_node_near",
    "find_nodes_in_area",
    "formspec_escape",
    "get_item_group",
    "get_translator",
    "is_protected",
    "item_eat",
    "register_chatcommand",
    "serialize",
    "sound_play",
    "string_to_pos",
    "write_json",
];

/// A value for each argument name of the table, by function when the
/// name means different things (`name` of a node, a player, a privilege).
const SAMPLES: &str = r#"
local samples = {
	name = "arity_player", definition = {description = "Arity"},
	redefinition = {description = "Arity 2"}, alias = "arity:alias",
	original_name = "arity:thing", cmd = "arity_cmd", func = function() end,
	text = "hi", pos = {x = 0, y = 0, z = 0}, pos1 = {x = 0, y = 0, z = 0},
	pos2 = {x = 1, y = 1, z = 1}, node = {name = "air"}, item = "arity:thing",
	radius = 1, nodenames = {"air"}, time = 0, spec = "arity_sound", handle = 1,
	string = "(1,2,3)", modname = "arity", textdomain = "arity", color = "red",
	message = "hi", playername = "arity_player", formname = "arity:form",
	formspec = "size[1,1]", player_or_name = "arity_player",
	privs = {interact = true}, group = "cracky", val = 0.5, hash = 0,
	hp_change = 1, data = {a = 1}, table = {}, dir = {x = 1, y = 0, z = 0},
	facedir = 0, recipe = {output = "arity:thing", recipe = {{"arity:thing"}}},
	input = {method = "normal", width = 1, items = {"arity:thing"}},
	location = {type = "detached", name = "arity_inv"},
}
local by_function = {
	register_node = {name = ":arity:thing"}, register_craftitem = {name = ":arity:item"},
	register_tool = {name = ":arity:tool"}, register_entity = {name = ":arity:thing"},
	register_privilege = {name = "arity_priv"}, override_item = {name = "arity:thing"},
	unregister_item = {name = "arity:gone"}, get_content_id = {name = "air"},
	add_entity = {name = "arity:thing"}, get_item_group = {name = "arity:thing"},
	create_detached_inventory = {name = "arity_inv"},
	register_chatcommand = {definition = {func = function() end}},
	register_abm = {definition = {nodenames = {"arity:thing"}, interval = 1e6, chance = 1,
		action = function() end}},
	register_lbm = {definition = {name = ":arity:lbm", nodenames = {"arity:thing"},
		action = function() end}},
	formspec_escape = {string = "a[b]"}, parse_json = {string = "{\"a\": 1}"},
	deserialize = {string = "return {}"},
}
local function sample(fname, param)
	local special = by_function[fname]
	if special and special[param] ~= nil then return special[param] end
	local value = samples[param]
	assert(value ~= nil, "no sample for " .. param)
	return value
end
local function try(fname, params, n)
	local args = {}
	for i = 1, n do args[i] = sample(fname, params[i]) end
	local ok, err = pcall(minetest[fname], unpack(args, 1, n))
	return ok, tostring(err)
end
"#;

/// The worldmod's init.lua: the probes of every function of the table.
fn probe_mod() -> String {
    let mut lua = String::from(SAMPLES);
    lua.push_str("local probes = {\n");
    for (name, signature) in signatures() {
        let params: Vec<String> = signature
            .required_names
            .iter()
            .map(|p| format!("{p:?}"))
            .collect();
        writeln!(lua, "\t{{{name:?}, {{{}}}}},", params.join(", ")).unwrap();
    }
    lua.push_str(
        r#"}
local at_load = {}
for _, probe in ipairs(probes) do
	at_load[probe[1]] = {try(probe[1], probe[2], #probe[2])}
end
minetest.after(0, function()
	local result = {}
	for _, probe in ipairs(probes) do
		local fname, params = probe[1], probe[2]
		local ok, err = try(fname, params, #params)
		local entry = {
			required = ok or at_load[fname][1],
			error = (ok or at_load[fname][1]) and "" or err .. " / " .. at_load[fname][2],
		}
		if #params > 0 then
			local fewer_ok, fewer_err = try(fname, params, #params - 1)
			entry.fewer_fails = not fewer_ok
			entry.fewer_error = fewer_err
		end
		result[fname] = entry
	end
	local file = io.open(minetest.get_worldpath() .. "/mtedu_dump.json", "w")
	file:write(minetest.write_json(result))
	file:close()
	minetest.request_shutdown("", false, 0)
end)
"#,
    );
    lua
}

#[test]
fn required_arguments_are_enough_and_fewer_fail_in_the_real_server() {
    let Some(server) = real_server::server_binary() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mod_dir = dir.path().join("arity");
    std::fs::create_dir_all(&mod_dir).unwrap();
    std::fs::write(mod_dir.join("mod.conf"), "name = arity\n").unwrap();
    std::fs::write(mod_dir.join("init.lua"), probe_mod()).unwrap();
    let run = real_server::run(&server, "bare", &[mod_dir], false);
    let dump = run
        .dump
        .unwrap_or_else(|| panic!("no result from the server; its log:\n{}", run.log));
    let results: BTreeMap<String, serde_json::Value> =
        serde_json::from_value(dump).expect("an object");
    let mut problems = Vec::new();
    for (name, signature) in signatures() {
        let Some(result) = results.get(name) else {
            problems.push(format!("{name}: not probed"));
            continue;
        };
        if result["required"] != true {
            problems.push(format!(
                "{name}({}): fails with only its required arguments: {}",
                signature.text, result["error"]
            ));
        }
        let quiet = QUIET_WITHOUT_LAST.contains(&name.as_str());
        if signature.required > 0 && (result["fewer_fails"] == true) == quiet {
            problems.push(format!(
                "{name}({}): with one argument fewer, fails = {} ({}), QUIET_WITHOUT_LAST says {}",
                signature.text, result["fewer_fails"], result["fewer_error"], !quiet
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
