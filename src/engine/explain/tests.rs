//! The explainer on each shape, in both languages.

use std::path::{Path, PathBuf};

use super::*;
use crate::engine::{FailureKind, Frame, LuaFailure};
use crate::i18n::{Lang, Localizer};

fn pupil(path: &Path) -> bool {
    path.starts_with("/eleve")
}

fn failure(raw: &str, frames: &[(&str, usize, Option<&str>)]) -> LuaFailure {
    let traceback = frames
        .iter()
        .map(|(path, line, callee)| Frame {
            path: PathBuf::from(path),
            line: *line,
            function: None,
            callee: callee.map(str::to_owned),
        })
        .collect();
    LuaFailure::from_message(FailureKind::Runtime, raw, traceback)
}

fn both(explained: &Explained) -> (String, String) {
    let fr = Localizer::new(Lang::Fr);
    let en = Localizer::new(Lang::En);
    (
        format!("{} {}", explained.what(&fr), explained.fix(&fr)),
        format!("{} {}", explained.what(&en), explained.fix(&en)),
    )
}

#[test]
fn a_nil_local_is_named_with_its_kind() {
    let e = explain(
        &failure(
            "/eleve/init.lua:4: attempt to index local 'joueur' (a nil value)",
            &[("/eleve/init.lua", 4, None)],
        ),
        &pupil,
    );
    assert_eq!(e.shape(), "index-nil");
    assert_eq!(e.place, Some((PathBuf::from("/eleve/init.lua"), 4)));
    let (fr, en) = both(&e);
    assert!(fr.contains("la variable « joueur » est vide (nil)"), "{fr}");
    assert!(fr.contains("if not joueur then return end"), "{fr}");
    assert!(
        en.contains("the variable \"joueur\" is empty (nil)"),
        "{en}"
    );
    assert_eq!(
        e.detail, "attempt to index local 'joueur' (a nil value)",
        "the raw text stays"
    );
}

#[test]
fn text_added_with_plus_says_to_use_dots() {
    let e = explain(
        &failure(
            "/eleve/init.lua:7: attempt to perform arithmetic on local 'nom' (a string value)",
            &[("/eleve/init.lua", 7, None)],
        ),
        &pupil,
    );
    let (fr, en) = both(&e);
    assert!(
        fr.contains("Pour coller du texte, utilise .. et pas +"),
        "{fr}"
    );
    assert!(en.contains("use .. and not +"), "{en}");
}

#[test]
fn an_error_inside_the_engine_is_placed_at_the_pupils_call() {
    let e = explain(
        &failure(
            "[mtedu]/world.lua:16: attempt to perform arithmetic on field 'x' (a nil value)",
            &[("/eleve/init.lua", 9, Some("set_node"))],
        ),
        &pupil,
    );
    assert_eq!(e.shape(), "engine-call");
    assert_eq!(e.place, Some((PathBuf::from("/eleve/init.lua"), 9)));
    let (fr, en) = both(&e);
    assert!(fr.contains("Le bon ordre est set_node(pos, node)"), "{fr}");
    assert!(
        en.contains("The right order is set_node(pos, node)"),
        "{en}"
    );
}

#[test]
fn a_bad_argument_gives_the_order() {
    let e = explain(
        &failure(
            "/eleve/init.lua:3: bad argument #2 to 'chat_send_player' (string expected, got nil)",
            &[("/eleve/init.lua", 3, Some("chat_send_player"))],
        ),
        &pupil,
    );
    assert_eq!(e.shape(), "bad-argument");
    let (fr, _) = both(&e);
    assert!(fr.contains("chat_send_player(name, text)"), "{fr}");
    assert!(fr.contains("position 2"), "{fr}");
}

#[test]
fn a_misspelt_engine_name_gets_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("init.lua");
    std::fs::write(&file, "minetest.chat_send_playr(name, \"salut\")\n").unwrap();
    let ours = |path: &Path| path.starts_with(dir.path());
    let raw = format!(
        "{}:1: attempt to call field 'chat_send_playr' (a nil value)",
        file.display()
    );
    let e = explain(&failure(&raw, &[(file.to_str().unwrap(), 1, None)]), &ours);
    assert_eq!(e.shape(), "call-typo");
    let (fr, en) = both(&e);
    assert!(
        fr.contains("Écris minetest.chat_send_player à la place"),
        "{fr}"
    );
    assert!(
        en.contains("Write minetest.chat_send_player instead"),
        "{en}"
    );
}

#[test]
fn a_method_called_with_a_dot_says_colon() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("init.lua");
    std::fs::write(&file, "local nom = joueur.get_player_name()\n").unwrap();
    let ours = |path: &Path| path.starts_with(dir.path());
    let e = explain(
        &failure(
            "[mtedu]/players.lua:20: attempt to index local 'self' (a nil value)",
            &[(file.to_str().unwrap(), 1, Some("get_player_name"))],
        ),
        &ours,
    );
    assert_eq!(e.shape(), "dot-call");
    let (fr, _) = both(&e);
    assert!(
        fr.contains(":get_player_name( au lieu de .get_player_name("),
        "{fr}"
    );
}

#[test]
fn every_shape_has_words_in_both_languages() {
    let shapes = [
        "index-nil",
        "index-value",
        "call-nil",
        "call-method-nil",
        "call-typo",
        "method-wrong-object",
        "call-value",
        "arith-nil",
        "arith-string",
        "arith-value",
        "concat-nil",
        "concat-value",
        "length-nil",
        "length-value",
        "compare-nil",
        "compare",
        "bad-argument",
        "engine-call",
        "dot-call",
        "recursion",
        "blocked",
        "missing-file",
        "time-out",
        "memory",
        "not-simulated",
        "own-error",
        "object-for-name",
        "node-name",
        "not-a-position",
        "position-coordinate",
        "not-an-item",
        "groups-value",
        "groups-name",
        "groups-table",
    ];
    for lang in [Lang::Fr, Lang::En] {
        let localizer = Localizer::new(lang);
        let other = localizer.text("explain-fix", &[("shape", "other".into())]);
        for shape in shapes {
            let args = [("shape", ArgValue::from(shape))];
            let fix = localizer.text("explain-fix", &args);
            assert_ne!(fix, other, "{shape} has no fix of its own in {lang:?}");
            assert!(!localizer.text("explain-what", &args).is_empty());
        }
    }
}

#[test]
fn the_chat_line_is_short_and_names_the_file() {
    let e = explain_text(
        "/eleve/init.lua:12: attempt to concatenate local 'nom' (a nil value)",
        "stack traceback:\n\t/eleve/init.lua:12: in function 'dire'\n\t[C]: in function 'xpcall'",
        &pupil,
    );
    let line = e.chat_line(&Localizer::new(Lang::Fr));
    assert!(
        line.starts_with("init.lua:12: la variable « nom » est vide"),
        "{line}"
    );
}

/// The real server's safety net: a C function's line in the traceback
/// names the engine function the pupil's line called.
#[test]
fn a_servers_traceback_names_the_engine_function_called() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("init.lua");
    std::fs::write(
        &file,
        "local fait = false\nminetest.register_globalstep(function()\n\tif fait then return end\n\tfait = true\n\tminetest.set_node({name = \"default:stone\"}, {x = 0, y = 0, z = 0})\nend)\n",
    )
    .unwrap();
    let ours = |path: &Path| path.starts_with(dir.path());
    let path = file.display();
    let traceback = format!(
        "stack traceback:\n\t[C]: in function 'set_node'\n\t{path}:5: in function <{path}:2>\n\t[C]: in function 'xpcall'"
    );
    let e = explain_text(
        "Node name is not set or is not a string!",
        &traceback,
        &ours,
    );
    assert_eq!(e.shape(), "node-name", "{e:?}");
    assert_eq!(e.place, Some((file.clone(), 5)));
    let own = explain_text(
        &format!("{path}:5: boom"),
        &format!(
            "stack traceback:\n\t[C]: in function 'error'\n\t{path}:5: in function <{path}:2>"
        ),
        &ours,
    );
    assert_eq!(own.shape(), "own-error", "{own:?}");
}

/// The real server's own argument checks (measured by the step probe's
/// "argument mistakes"), each read as its shape with words of its own in
/// both languages.
#[test]
fn the_engines_argument_checks_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("init.lua");
    let ours = |path: &Path| path.starts_with(dir.path());
    // (line the pupil wrote, called function, raw message, shape, French, English)
    let cases = [
        (
            "minetest.chat_send_player(nil, \"Salut\")",
            "chat_send_player",
            "bad argument #1 to 'chat_send_player' (string expected, got nil)",
            "bad-argument",
            "elle attend du texte, elle a reçu une valeur vide (nil)",
            "it wants a text, it got an empty value (nil)",
        ),
        (
            "minetest.chat_send_player(nom)",
            "chat_send_player",
            "bad argument #2 to 'chat_send_player' (string expected, got no value)",
            "bad-argument",
            "Le bon ordre est chat_send_player(name, text)",
            "The right order is chat_send_player(name, text)",
        ),
        (
            "minetest.chat_send_player(joueur, \"Salut\")",
            "chat_send_player",
            "bad argument #1 to 'chat_send_player' (string expected, got userdata)",
            "object-for-name",
            "joueur:get_player_name()",
            "player:get_player_name()",
        ),
        (
            "minetest.set_node({name = \"default:stone\"}, pos)",
            "set_node",
            "Node name is not set or is not a string!",
            "node-name",
            "Le bon ordre est set_node(pos, node) : la position d’abord",
            "The right order is set_node(pos, node): the position first",
        ),
        (
            "local bloc = minetest.get_node(nil)",
            "get_node",
            "Invalid vector (expected table got nil).",
            "not-a-position",
            "minetest.get_node attend une position",
            "minetest.get_node wants a position",
        ),
        (
            "minetest.add_entity(node, \"mon_mod:cochon\")",
            "add_entity",
            "Invalid vector coordinate x (expected number got nil).",
            "position-coordinate",
            "pas le bloc",
            "not the node",
        ),
        (
            "minetest.add_item(node, \"default:dirt\")",
            "add_item",
            "Runtime error from mod '??' in callback l_add_item(): Invalid vector coordinate x (expected number got nil).",
            "position-coordinate",
            "minetest.add_item a reçu une table sans nombre « x »",
            "minetest.add_item got a table without a number \"x\"",
        ),
        (
            "inv:add_item(\"main\")",
            "add_item",
            "Expecting itemstack, itemstring, table or nil",
            "not-an-item",
            "Le bon ordre est add_item(listname, stack) : donne aussi l’objet",
            "The right order is add_item(listname, stack): give the item too",
        ),
        (
            "minetest.register_node(\"bloc:bloc\", {groups = {snappy == 3}})",
            "register_node",
            "bad argument #7 to 'register_item_raw' (number expected, got boolean)",
            "groups-value",
            "== est écrit à la place de =",
            "== is written where = is meant",
        ),
        (
            "minetest.register_node(\"bloc:bloc\", {groups = {\"cracky\"}})",
            "register_node",
            "bad argument #7 to 'register_item_raw' (number expected, got string)",
            "groups-value",
            "a du texte au lieu d’un nombre",
            "has a text instead of a number",
        ),
        (
            "minetest.register_node(\"bloc:bloc\", {groups = {3}})",
            "register_node",
            "invalid key to 'next'",
            "groups-name",
            "n’a pas de nom",
            "has no name",
        ),
        (
            "minetest.register_node(\"bloc:bloc\", {groups = \"cracky\"})",
            "register_node",
            "bad argument #5 to 'register_item_raw' (table expected, got string)",
            "groups-table",
            "« groups » est du texte",
            "\"groups\" is a text",
        ),
        (
            "inv.add_item(\"main\", \"default:dirt\")",
            "add_item",
            "bad argument #1 to 'add_item' (userdata expected, got string)",
            "dot-call",
            "Écris :add_item( au lieu de .add_item(",
            "Write :add_item( instead of .add_item(",
        ),
    ];
    for (line, callee, raw, shape, fr_words, en_words) in cases {
        std::fs::write(&file, format!("{line}\n")).unwrap();
        let e = explain(
            &failure(raw, &[(file.to_str().unwrap(), 1, Some(callee))]),
            &ours,
        );
        assert_eq!(e.shape(), shape, "{raw}");
        assert_eq!(e.place, Some((file.clone(), 1)), "{raw}");
        assert_eq!(e.detail, raw, "the raw text stays");
        let (fr, en) = both(&e);
        assert!(fr.contains(fr_words), "{raw}:\n{fr}");
        assert!(en.contains(en_words), "{raw}:\n{en}");
        for text in [&fr, &en] {
            assert!(
                !text.contains("no value") && !text.contains(" nil)") || text.contains("(nil)"),
                "Lua's words left in: {text}"
            );
        }
    }
}
