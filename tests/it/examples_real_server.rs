//! The example mods on the real 5.6.1 server: with minetest_game they load
//! without an error or a warning, and register the same names (nodes,
//! items, tools, entities, commands, privileges) and as many crafts as in
//! mtedu's embedded engine, where their specs run.

use crate::support;

use std::path::{Path, PathBuf};

use mtedu::engine::{Engine, LoadRequest};
use mtedu::host::Host;
use serde_json::Value;
use support::real_server::{self, DEBIAN_GAMES};

fn examples() -> Vec<PathBuf> {
    mtedu::content::subfolders(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
}

fn example_names() -> Vec<String> {
    examples()
        .iter()
        .map(|dir| dir.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// The names in `list` that belong to an example (prefix `example:`),
/// or, for privileges and commands that have no prefix, all of them.
fn of_examples<'a>(list: impl Iterator<Item = &'a str>, prefixed: bool) -> Vec<String> {
    let names = example_names();
    let mut out: Vec<String> = list
        .filter(|name| {
            !prefixed
                || names.iter().any(|m| {
                    name.strip_prefix(m.as_str())
                        .is_some_and(|r| r.starts_with(':'))
                })
        })
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

#[test]
fn examples_load_on_the_real_server_as_in_mtedu() {
    let Some(binary) = real_server::server_binary() else {
        return;
    };
    let run = real_server::run(&binary, "minetest_game", &examples(), true);
    let dump = run.dump.unwrap_or_else(|| {
        panic!(
            "the real server wrote no dump (exit {:?}):\n{}",
            run.exit_code, run.log
        )
    });
    for line in run.log.lines() {
        let troubled = line.contains("ERROR[") || line.contains("WARNING[");
        assert!(
            !(troubled && example_names().iter().any(|m| line.contains(m.as_str()))),
            "the real server complains about an example: {line}"
        );
    }
    let game = Path::new(DEBIAN_GAMES).join("minetest_game");
    let request = LoadRequest::from_paths(&examples(), Some(&game), &Host::empty());
    let (_engine, report) = Engine::load(&request).expect("engine starts");
    assert!(report.failure.is_none(), "{:#?}", report.failure);
    let ours = &report.registrations;
    let real = |key: &str| -> Vec<String> {
        dump[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    };
    for (key, mine, prefixed) in [
        ("nodes", &ours.nodes, true),
        ("craftitems", &ours.craftitems, true),
        ("tools", &ours.tools, true),
        ("entities", &ours.entities, true),
        ("chatcommands", &ours.chatcommands, false),
        ("privileges", &ours.privileges, false),
    ] {
        let real_names = real(key);
        let expected = of_examples(real_names.iter().map(String::as_str), prefixed);
        let got = of_examples(mine.keys().map(String::as_str), prefixed);
        assert_eq!(expected, got, "{key}");
    }
    for name in ["walking_pig:pig", "trader:stall", "magic_lamp:lamp_on"] {
        assert!(
            real("entities").contains(&name.to_owned()) || real("nodes").contains(&name.to_owned()),
            "{name} missing on the real server"
        );
    }
    assert_eq!(
        dump["crafts"].as_f64(),
        Some(ours.crafts.len() as f64),
        "crafts, game and examples together"
    );
}
