//! Each engine version mtedu knows, simulated as its real server measures:
//! the `core` table is exactly the target's (`data/engine/<version>/`,
//! itself checked against the real servers by `engine_data.rs`), and what
//! Luanti 5.10 and 5.15 add gives the real servers' results.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::engines;
use crate::support::real_server;
use mtedu::engine::facts::Facts;
use mtedu::engine::{Engine, EngineVersion, Limits, LoadRequest};

fn eval_string(engine: &Engine, code: &str) -> String {
    match engine.eval(code, &Limits::default()) {
        Ok(values) => match values.into_iter().next() {
            Some(mlua::Value::String(s)) => s.to_string_lossy(),
            other => panic!("{other:?}"),
        },
        Err(failure) => panic!("{failure:?}"),
    }
}

fn engine_for(version: EngineVersion) -> Engine {
    let request = LoadRequest {
        engine: version,
        ..LoadRequest::default()
    };
    Engine::load(&request).expect("engine starts").0
}

/// Names whose Lua type mtedu does not reproduce, and why.
const KIND_DIFFERENCES: &[(&str, &str)] = &[(
    "settings",
    "a table with the Settings methods, not the engine's userdata",
)];

#[test]
fn the_core_table_holds_exactly_the_targets_names() {
    for version in EngineVersion::ALL {
        let engine = engine_for(version);
        let ours = eval_string(
            &engine,
            "local out = {} for k, v in pairs(core) do out[#out + 1] = k .. ' ' .. type(v) end
             table.sort(out) return table.concat(out, '\\n')",
        );
        let real: Vec<String> = Facts::of(version)
            .core
            .iter()
            .map(|entry| format!("{} {}", entry.name, entry.kind))
            .collect();
        let ours: Vec<String> = ours
            .lines()
            .map(|line| {
                let (name, kind) = line.split_once(' ').unwrap();
                let real_kind = Facts::of(version).core_entry(name).map(|e| e.kind.as_str());
                match KIND_DIFFERENCES.iter().find(|(n, _)| *n == name) {
                    Some(_) => format!("{name} {}", real_kind.unwrap_or(kind)),
                    None => line.to_owned(),
                }
            })
            .collect();
        let ours: Vec<&str> = ours.iter().map(String::as_str).collect();
        let missing: Vec<_> = real
            .iter()
            .filter(|n| !ours.contains(&n.as_str()))
            .collect();
        let extra: Vec<_> = ours
            .iter()
            .filter(|n| !real.iter().any(|r| r == *n))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{version}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn libraries_and_methods_have_nothing_the_target_lacks() {
    for version in EngineVersion::ALL {
        let facts = Facts::of(version);
        let engine = engine_for(version);
        let ours = eval_string(
            &engine,
            "local out = {}
             for _, lib in ipairs({'vector', 'table', 'string', 'math', 'bit', 'coroutine'}) do
               for k in pairs(_G[lib]) do out[#out + 1] = lib .. '.' .. k end
             end
             for k in pairs(getmetatable(ItemStack('')).__index) do
               if not k:find('^__') then out[#out + 1] = 'ItemStack:' .. k end
             end
             return table.concat(out, '\\n')",
        );
        let extra: Vec<&str> = ours
            .lines()
            .filter(|line| match line.split_once(':') {
                Some((class, method)) => !facts.has_method(class, method),
                None => {
                    let (lib, name) = line.split_once('.').unwrap();
                    !facts.has_library_entry(lib, name)
                }
            })
            .collect();
        assert!(extra.is_empty(), "{version} lacks {extra:?}");
    }
}

/// The newer functions' results, through feature tests, per engine.
#[test]
fn newer_functions_give_the_real_servers_results() {
    let probe =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine/probe/newer_probe");
    for real in engines::all() {
        let run = real_server::run(&real.binary, "bare", std::slice::from_ref(&probe), true);
        let text = std::fs::read_to_string(run.world.join("newer_probe.json"))
            .unwrap_or_else(|_| panic!("{}: no probe results:\n{}", real.version, run.log));
        let expected: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();

        let bare = tempfile::tempdir().unwrap();
        let game = bare.path().join("bare");
        std::fs::create_dir_all(game.join("mods")).unwrap();
        std::fs::write(game.join("game.conf"), "title = Bare\n").unwrap();
        let request = LoadRequest {
            mods: vec![mtedu::content::ModInfo::read(&probe)],
            engine: real.version,
            ..LoadRequest::for_game(&game)
        };
        let (engine, report) = Engine::load(&request).expect("engine starts");
        assert!(report.failure.is_none(), "{:#?}", report.failure);
        let ours: BTreeMap<String, String> = serde_json::from_str(
            &std::fs::read_to_string(engine.world_path().join("newer_probe.json")).unwrap(),
        )
        .unwrap();
        let differences: Vec<String> = expected
            .iter()
            .filter(|(key, value)| ours.get(*key) != Some(value))
            .map(|(key, value)| format!("{key}:\n  real:  {value}\n  mtedu: {:?}", ours.get(key)))
            .collect();
        assert!(
            differences.is_empty(),
            "{}: {} of {} differ:\n{}",
            real.version,
            differences.len(),
            expected.len(),
            differences.join("\n")
        );
    }
}

/// `mtedu info --all --engine <version> <that server's minetest_game>`,
/// through the binary, lists exactly what the real server of that version
/// registers (5.6.1's game, and the 5.8 game of Debian's 5.10 and 5.15).
#[test]
fn info_of_each_servers_minetest_game_is_what_the_real_server_registers() {
    for real in engines::all() {
        let run = real_server::run(&real.binary, "minetest_game", &[], true);
        let dump = run.dump.unwrap_or_else(|| {
            panic!(
                "{}: no dump (exit {:?}):\n{}",
                real.version, run.exit_code, run.log
            )
        });
        let output = crate::support::mtedu_command(Path::new("/"))
            .args(["info", "--all", "--no-installed", "--engine"])
            .arg(real.version.short())
            .args(["--format", "json", "--lang", "en"])
            .arg(real.game("minetest_game"))
            .output()
            .unwrap();
        let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
            panic!(
                "{}: no JSON:\n{}\n{}",
                real.version,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
        });
        assert_eq!(info["engine"]["version"], real.version.short(), "{info}");
        assert_eq!(
            info["diagnostics"],
            serde_json::json!([]),
            "{}",
            real.version
        );
        let differences = info_differences(&dump, &info);
        assert!(
            differences.is_empty(),
            "{}: `mtedu info` differs from the real server:\n{}",
            real.version,
            differences.join("\n")
        );
    }
}

/// What `info --all --format json` and the real server's dump disagree
/// on: every registered name, each alias's target, the counts.
fn info_differences(dump: &serde_json::Value, info: &serde_json::Value) -> Vec<String> {
    let names = |value: &serde_json::Value| -> Vec<String> {
        let mut names: Vec<String> = value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        names.sort();
        names
    };
    let mut out = Vec::new();
    for key in [
        "nodes",
        "craftitems",
        "tools",
        "entities",
        "chatcommands",
        "privileges",
    ] {
        let (real, ours) = (names(&dump[key]), names(&info[key]));
        if real != ours {
            let missing: Vec<_> = real.iter().filter(|n| !ours.contains(n)).take(10).collect();
            let extra: Vec<_> = ours.iter().filter(|n| !real.contains(n)).take(10).collect();
            out.push(format!(
                "{key}: real {} vs mtedu {}; missing {missing:?}; extra {extra:?}",
                real.len(),
                ours.len()
            ));
        }
    }
    if dump["aliases"] != info["alias_targets"] {
        out.push(format!(
            "aliases: real {} vs mtedu {}",
            dump["aliases"], info["alias_targets"]
        ));
    }
    for key in ["crafts", "abms", "lbms"] {
        // The dump's numbers are Lua's, written as floats.
        if dump[key].as_f64().is_none() || dump[key].as_f64() != info[key].as_f64() {
            out.push(format!("{key}: real {} vs mtedu {}", dump[key], info[key]));
        }
    }
    out
}

/// Ten functions Luanti 5.10 added, used where pupils use them (inside a
/// chat command, so the mod loads everywhere).
const TEN_NEWER_FUNCTIONS: &str = r#"core.register_chatcommand("newer", {
	func = function(name, param)
		local dir = core.fourdir_to_dir(core.dir_to_fourdir({x = 1, y = 0, z = 0}))
		local near = core.objects_in_area(dir, dir)
		local safe = core.hypertext_escape(param) .. core.urlencode(param)
		local hash = core.sha256(safe)
		local valid = core.is_valid_player_name(name)
		local game = core.get_game_info()
		local text = core.translate_n("pupil", "@1 block", "@1 blocks", 2)
		core.bulk_swap_node({dir}, {name = "air"})
		return valid, hash .. game.id .. text .. tostring(near)
	end,
})
"#;

fn lint_ten_functions(engine: &str, lang: &str) -> (String, std::process::ExitStatus) {
    let dir = tempfile::tempdir().unwrap();
    let pupil = dir.path().join("pupil");
    std::fs::create_dir_all(&pupil).unwrap();
    std::fs::write(pupil.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(pupil.join("init.lua"), TEN_NEWER_FUNCTIONS).unwrap();
    let output = crate::support::mtedu_command(dir.path())
        .args([
            "lint",
            "--no-installed",
            "--engine",
            engine,
            "--lang",
            lang,
            "pupil",
        ])
        .output()
        .unwrap();
    (crate::support::stdout_of(&output), output.status)
}

#[test]
fn ten_newer_functions_are_clean_on_5_15_and_one_warning_each_on_5_6() {
    for (lang, clean_line) in [("en", "no problems found"), ("fr", "aucun problème trouvé")] {
        let (clean, status) = lint_ten_functions("5.15", lang);
        assert!(status.success(), "{lang}:\n{clean}");
        assert!(clean.contains(clean_line), "{lang}:\n{clean}");
    }
    for (lang, exists) in [
        ("en", "exists from Luanti 5.10 on"),
        ("fr", "existe à partir de Luanti 5.10"),
    ] {
        let (text, _) = lint_ten_functions("5.6", lang);
        let warnings = text.matches("[MT2110]").count();
        assert_eq!(warnings, 10, "{lang}:\n{text}");
        assert_eq!(text.matches(exists).count(), 10, "{lang}:\n{text}");
        assert!(
            !text.contains("MT2103"),
            "no 'does not exist' error:\n{text}"
        );
    }
}

/// The engine probe that measured `data/engine/<version>/`, run in mtedu
/// for each target: what each registration does after load time is what
/// that real server did.
#[test]
fn registrations_after_load_time_follow_each_targets_rules() {
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/engine/probe");
    for version in EngineVersion::ALL {
        let request = LoadRequest {
            mods: vec![mtedu::content::ModInfo::read(&probe)],
            engine: version,
            ..LoadRequest::default()
        };
        let (engine, report) = Engine::load(&request).expect("engine starts");
        assert!(report.failure.is_none(), "{version}: {:#?}", report.failure);
        let sim = mtedu::testing::sim_api(&engine).expect("the sim API loads");
        let step: mlua::Function = sim.get("step").unwrap();
        let facts_file = engine.world_path().join("engine_facts.json");
        for _ in 0..20 {
            if facts_file.exists() {
                break;
            }
            step.call::<()>((0.1, 0.1))
                .unwrap_or_else(|e| panic!("{version}: {e}"));
        }
        let text = std::fs::read_to_string(&facts_file)
            .unwrap_or_else(|_| panic!("{version}: the probe wrote nothing"));
        let facts: serde_json::Value = serde_json::from_str(&text).unwrap();
        let ours: BTreeMap<String, String> = facts["after_load"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
            .collect();
        let warnings: Vec<String> = engine_log(&engine);
        let real = &Facts::of(version).after_load;
        let mut differences = Vec::new();
        for (call, rule) in real {
            let mine = ours.get(call).map(String::as_str).unwrap_or("absent");
            let fits = match rule {
                mtedu::engine::facts::AfterLoad::Allowed => mine == "ok",
                mtedu::engine::facts::AfterLoad::Refused(message) => {
                    mine == format!("refused: {message}")
                }
                mtedu::engine::facts::AfterLoad::Warns(message) => {
                    mine == "ok" && warnings.iter().any(|w| w == message)
                }
            };
            if !fits {
                differences.push(format!("{call}: real {rule:?}, mtedu {mine}"));
            }
        }
        assert!(
            differences.is_empty(),
            "{version}:\n{}",
            differences.join("\n")
        );
    }
}

/// The warnings the mods logged in `engine` so far.
fn engine_log(engine: &Engine) -> Vec<String> {
    engine
        .log_lines()
        .into_iter()
        .filter(|line| line.level == "warning")
        .map(|line| line.text)
        .collect()
}

/// Deprecated names used where pupils use them: each target reports those
/// its real server has a replacement for, naming it.
const DEPRECATED_NAMES: &str = r#"core.register_chatcommand("old", {
	func = function(name)
		local player = core.get_player_by_name(name)
		player:set_bone_position("Head", {x = 0, y = 6, z = 0}, {x = 0, y = 0, z = 0})
		local noise = core.get_perlin({offset = 0, scale = 1, spread = {x = 8, y = 8, z = 8}, seed = 1, octaves = 1, persist = 0.5})
		local spawn = core.setting_get_pos("static_spawnpoint")
		return true, core.pos_to_string(player:getpos()) .. noise:get_2d({x = 0, y = 0}) .. tostring(spawn)
	end,
})
"#;

#[test]
fn deprecated_names_get_each_targets_replacement() {
    let dir = tempfile::tempdir().unwrap();
    let pupil = dir.path().join("pupil");
    std::fs::create_dir_all(&pupil).unwrap();
    std::fs::write(pupil.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(pupil.join("init.lua"), DEPRECATED_NAMES).unwrap();
    let lint = |engine: &str, lang: &str| {
        let output = crate::support::mtedu_command(dir.path())
            .args(["lint", "--no-installed", "--engine", engine, "--lang", lang])
            .args(["--format", "json", "pupil"])
            .output()
            .unwrap();
        let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let found: Vec<(String, String)> = document["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                assert_eq!(d["code"], "MT2106", "{engine}: only deprecations: {d}");
                let message = d["message"].as_str().unwrap();
                let quoted = message.split(['"', '«', '»']).nth(1).unwrap();
                (
                    quoted.trim().to_owned(),
                    d["help"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        found
    };
    let names = |found: &[(String, String)]| -> Vec<String> {
        found.iter().map(|(name, _)| name.clone()).collect()
    };
    assert_eq!(names(&lint("5.6", "en")), [":getpos"]);
    assert_eq!(
        names(&lint("5.10", "en")),
        [":set_bone_position", ":getpos"]
    );
    let newest = lint("5.15", "en");
    assert_eq!(
        names(&newest),
        [
            ":set_bone_position",
            "core.get_perlin",
            "core.setting_get_pos",
            ":getpos"
        ]
    );
    assert_eq!(
        newest[1].1,
        "Use core.get_value_noise instead: Luanti 5.15.2 has it."
    );
    let french = lint("5.15", "fr");
    assert_eq!(
        french[2].1,
        "Utilise core.settings:get_pos(name) à la place : Luanti 5.15.2 l’a."
    );
    assert_eq!(
        lint("5.10", "fr")[0].1,
        "Utilise :set_bone_override(bone, overrides) à la place : Luanti 5.10.0 l’a."
    );
}

/// game.conf and mod.conf keys a later version added: `validate --engine`
/// warns about each only for the targets that ignore it.
#[test]
fn conf_keys_of_newer_versions_are_told_for_older_targets_only() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/validate/conf_keys/newer_keys/input");
    let newer_keys = |engine: &str, lang: &str| -> Vec<String> {
        let output = crate::support::mtedu_command(&input)
            .args([
                "validate",
                "--no-installed",
                "--engine",
                engine,
                "--lang",
                lang,
            ])
            .args(["--format", "json", "mygame"])
            .output()
            .unwrap();
        let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(document["engine"]["version"], engine);
        document["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "MT1014")
            .map(|d| d["message"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(newer_keys("5.15", "en"), Vec::<String>::new());
    assert_eq!(
        newer_keys("5.10", "en"),
        [
            "\"default_mapgen\" in game.conf is read from Luanti 5.15 on; this is checked for Luanti 5.10.0, which ignores the line."
        ]
    );
    let french = newer_keys("5.6", "fr");
    assert_eq!(french.len(), 4, "{french:#?}");
    assert_eq!(
        french[3],
        "« textdomain » dans mod.conf est lu à partir de Luanti 5.10 ; ceci est vérifié pour Minetest 5.6.1, qui ignore la ligne."
    );
}

/// A game whose game.conf names a first and a last mod, in each real
/// server and in mtedu targeting it: the same load order (Luanti 5.10 and
/// 5.15 put those two at the ends, Minetest 5.6.1 ignores the keys and
/// loads the three the other way round).
#[test]
fn the_games_first_and_last_mods_load_where_each_server_loads_them() {
    const MODS: [&str; 3] = ["aaa", "mmm", "zzz"];
    fn make_game(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(
            dir.join("game.conf"),
            "title = Ordered\nfirst_mod = aaa\nlast_mod = zzz\n",
        )
        .unwrap();
        for name in MODS {
            let mod_dir = dir.join("mods").join(name);
            std::fs::create_dir_all(&mod_dir).unwrap();
            std::fs::write(mod_dir.join("mod.conf"), format!("name = {name}\n")).unwrap();
            std::fs::write(
                mod_dir.join("init.lua"),
                format!("core.log(\"action\", \"mtedu load order: {name}\")\n"),
            )
            .unwrap();
        }
    }
    let temp = tempfile::tempdir().unwrap();
    let game = temp.path().join("ordered");
    make_game(&game);
    for real in engines::all() {
        let run = real_server::run_prepared(&real.binary, "ordered", &[], true, "", |world| {
            make_game(&world.parent().unwrap().join(".minetest/games/ordered"))
        });
        let expected: Vec<String> = run
            .log
            .lines()
            .filter_map(|line| line.split_once("mtedu load order: "))
            .map(|(_, name)| name.trim().to_owned())
            .collect();
        assert_eq!(expected.len(), 3, "{}:\n{}", real.version, run.log);
        if real.version >= EngineVersion::V5_10 {
            assert_eq!(
                (expected[0].as_str(), expected[2].as_str()),
                ("aaa", "zzz"),
                "{}",
                real.version
            );
        }
        let request = LoadRequest {
            engine: real.version,
            ..LoadRequest::for_game(&game)
        };
        let (_engine, report) = Engine::load(&request).expect("engine starts");
        let ours: Vec<String> = report
            .loaded
            .iter()
            .filter(|name| MODS.contains(&name.as_str()))
            .cloned()
            .collect();
        assert_eq!(ours, expected, "{}", real.version);
    }
}

#[test]
fn api_coverage_names_the_version_it_counts() {
    for version in EngineVersion::ALL {
        let output = crate::support::mtedu_command(Path::new("/"))
            .args(["api", "--format", "json", "--engine", version.short()])
            .output()
            .unwrap();
        let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(document["engine"], version.measured());
        assert_eq!(
            document["functions"],
            Facts::of(version)
                .core
                .iter()
                .filter(|e| e.kind == "function")
                .count()
        );
    }
}
