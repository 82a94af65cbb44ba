//! The `settingtypes.txt` parser, case by case: line shapes the engine's
//! settings menu accepts or rejects, and the checks on type arguments.

use mtedu::content::settingtypes::SettingSection;
use mtedu::content::{SettingProblemKind, SettingTypes};

/// The problems of a one-line file, as (column, kind).
fn problems(line: &str) -> Vec<(usize, SettingProblemKind)> {
    SettingTypes::parse(line)
        .problems
        .into_iter()
        .map(|p| (p.column, p.kind))
        .collect()
}

fn bad(value: &str, choices: &str) -> SettingProblemKind {
    SettingProblemKind::BadValue {
        value: value.into(),
        choices: choices.into(),
    }
}

#[test]
fn reads_settings_sections_and_positions() {
    let file = SettingTypes::parse(
        "# comment\n[Main]\n[**Deep] [client]\nspeed(Speed)  int 5 1 10\r\nname (Name) [server] string Hi there\n",
    );
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    assert_eq!(
        file.sections,
        vec![
            SettingSection {
                line: 2,
                level: 0,
                name: "Main".into()
            },
            SettingSection {
                line: 3,
                level: 2,
                name: "Deep".into()
            },
        ]
    );
    let speed = &file.settings[0];
    assert_eq!(
        (
            speed.name.as_str(),
            speed.readable_name.as_str(),
            speed.type_name.as_str(),
            speed.type_column,
            speed.args.as_str(),
            speed.args_column
        ),
        ("speed", "Speed", "int", 15, "5 1 10", 19)
    );
    assert_eq!(file.settings[1].args, "Hi there");
}

#[test]
fn shapes_the_menu_rejects_are_malformed() {
    for line in [
        "speed int 5",
        " speed (Speed) int 5",
        "speed (Speed int 5",
        "speed (Speed)",
        "(Speed) int 5",
        "[]",
        "[Main] extra",
        "speed (Speed) [] int 5",
    ] {
        assert_eq!(
            problems(line),
            vec![(1, SettingProblemKind::MalformedLine)],
            "{line}"
        );
    }
}

#[test]
fn unknown_types_are_reported_at_the_type() {
    assert_eq!(
        problems("speed (Speed) integer 5"),
        vec![(15, SettingProblemKind::UnknownType)]
    );
}

#[test]
fn numbers_follow_the_engine_pattern() {
    for ok in [
        "int 5",
        "int -5 -10 10",
        "int +5",
        "float .5",
        "float 1. 0 2",
        "float -0.5 -1",
    ] {
        assert_eq!(problems(&format!("x (X) {ok}")), vec![], "{ok}");
    }
    assert_eq!(problems("x (X) int 1.5"), vec![(11, bad("1.5", ""))]);
    assert_eq!(problems("x (X) int"), vec![(7, bad("", ""))]);
    assert_eq!(problems("x (X) int -"), vec![(11, bad("-", ""))]);
    assert_eq!(problems("x (X) int 5 a"), vec![(11, bad("5 a", ""))]);
    assert_eq!(problems("x (X) float ."), vec![(13, bad(".", ""))]);
    assert_eq!(
        problems("x (X) float 1 2 3.3.3"),
        vec![(17, bad("3.3.3", ""))]
    );
    let out = |value: &str, min: &str, max: &str| SettingProblemKind::OutOfRange {
        value: value.into(),
        min: min.into(),
        max: max.into(),
    };
    assert_eq!(
        problems("x (X) int 11 0 10"),
        vec![(11, out("11", "0", "10"))]
    );
    assert_eq!(problems("x (X) float -1 0"), vec![(13, out("-1", "0", ""))]);
}

#[test]
fn bools_must_be_exact() {
    assert_eq!(problems("x (X) bool false"), vec![]);
    assert_eq!(problems("x (X) bool True"), vec![(12, bad("True", ""))]);
    assert_eq!(problems("x (X) bool true "), vec![(12, bad("true ", ""))]);
}

#[test]
fn enum_defaults_must_be_a_choice() {
    assert_eq!(problems("x (X) enum b a,b,c"), vec![]);
    assert_eq!(problems("x (X) enum  ,a,b"), vec![]);
    assert_eq!(
        problems("x (X) enum d a,b,c"),
        vec![(12, bad("d", "a, b, c"))]
    );
    // One word: the engine's pattern takes its last letter as the only choice.
    assert_eq!(problems("x (X) enum abc"), vec![(12, bad("ab", "c"))]);
    assert_eq!(problems("x (X) enum a b c"), vec![(12, bad("a b c", ""))]);
}

#[test]
fn flags_must_be_possible() {
    assert_eq!(problems("x (X) flags a,b a,b,noa"), vec![]);
    assert_eq!(problems("x (X) flags a,b,c"), vec![]);
    assert_eq!(
        problems("x (X) flags a,d a,b,c"),
        vec![(15, bad("d", "a, b, c"))]
    );
    assert_eq!(problems("x (X) flags"), vec![(7, bad("", ""))]);
}

#[test]
fn vectors_and_noise_have_their_shape() {
    for ok in [
        "v3f (1, 2.5, -3)",
        "v3f 1 2 3",
        "noise_params_2d 0, 1, (10, 10, 10), 42, 3, 0.5, 2.0",
        "noise_params_3d 0, 1, (10, 10, 10), -42, 3, 0.5, 2.0, eased, absvalue",
    ] {
        assert_eq!(problems(&format!("x (X) {ok}")), vec![], "{ok}");
    }
    assert_eq!(problems("x (X) v3f (1, 2)"), vec![(11, bad("(1, 2)", ""))]);
    assert_eq!(
        problems("x (X) noise_params_2d 0, 1, (10, 10, 10), 42, 3"),
        vec![(23, bad("0, 1, (10, 10, 10), 42, 3", ""))]
    );
}

#[test]
fn free_text_types_take_anything() {
    for ok in [
        "string",
        "string a b c",
        "path",
        "filepath /x",
        "key KEY_KEY_E",
    ] {
        assert_eq!(problems(&format!("x (X) {ok}")), vec![], "{ok}");
    }
}

#[test]
fn encoding_problems_are_reported() {
    let file = SettingTypes::parse("\u{feff}x (X) int 5\n");
    assert_eq!(file.problems[0].kind, SettingProblemKind::ByteOrderMark);
    assert_eq!(file.settings.len(), 1);
    let file = SettingTypes::parse_bytes(b"x (X\xe9) int 5\n");
    assert_eq!(file.problems[0].kind, SettingProblemKind::NotUtf8);
}
