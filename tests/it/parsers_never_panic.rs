//! Property tests for the "parsers never panic" invariant: random bytes, and
//! random text built from the characters that matter to each format (`=`,
//! `@`, `"""`, `{`, `}`, `#`, brackets, newlines…), go through the conf,
//! `.tr` and `settingtypes.txt` parsers and through a whole validation run.
//! Every problem found must also point at a real line and column.

use mtedu::content::{ConfFile, SettingTypes, TrFile};
use mtedu::host::Host;
use mtedu::validate::{Options, validate};
use proptest::prelude::*;

/// Pieces that steer the parsers into their interesting branches.
const PIECES: &[&str] = &[
    "=",
    "@",
    "@@",
    "@=",
    "@n",
    "@1",
    "@2",
    "@9",
    "@0",
    "\"\"\"",
    "{",
    "}",
    "#",
    "# textdomain:",
    " textdomain: m",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "a",
    "é",
    "名",
    "\u{feff}",
    "[",
    "]",
    "[*",
    "(",
    ")",
    "*",
    ",",
    "-",
    "+",
    ".",
    "0",
    "5",
    "1.5",
    "true",
    "false",
    "int",
    "float",
    "bool",
    "enum",
    "flags",
    "v3f",
    "string",
    "noise_params_2d",
    "secure.",
    "name",
    "depends",
    "?",
];

/// Text made mostly of [`PIECES`], with some arbitrary characters.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..64).prop_map(|pieces| pieces.concat())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..512)
}

/// Either random bytes or tricky text as bytes.
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![bytes(), tricky_text().prop_map(String::into_bytes)]
}

/// How many lines a parser may point at in `bytes` (a final line without
/// a newline counts, and so does the empty line after a final newline).
fn line_count(bytes: &[u8]) -> usize {
    1 + bytes.iter().filter(|&&b| b == b'\n').count()
}

fn check_places(places: impl Iterator<Item = (usize, usize)>, bytes: &[u8]) {
    let lines = line_count(bytes);
    for (line, column) in places {
        assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        assert!(column >= 1, "column {column}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn conf_parser_never_panics(bytes in input()) {
        let conf = ConfFile::parse_bytes(&bytes);
        check_places(conf.problems.iter().map(|p| (p.line, p.column)), &bytes);
        check_places(conf.entries.iter().map(|e| (e.line, e.key_column)), &bytes);
    }

    #[test]
    fn translation_parser_never_panics(bytes in input()) {
        let file = TrFile::parse_bytes(&bytes);
        check_places(file.problems.iter().map(|p| (p.line, p.column)), &bytes);
        check_places(file.entries.iter().map(|e| (e.line, 1)), &bytes);
        check_places(file.headers.iter().map(|h| (h.line, h.column)), &bytes);
    }

    #[test]
    fn settingtypes_parser_never_panics(bytes in input()) {
        let file = SettingTypes::parse_bytes(&bytes);
        check_places(file.problems.iter().map(|p| (p.line, p.column)), &bytes);
        check_places(file.settings.iter().map(|s| (s.line, s.args_column)), &bytes);
    }
}

proptest! {
    // Each case writes files and runs every rule, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn validation_never_panics(
        mod_conf in input(),
        depends_txt in input(),
        settingtypes in input(),
        translation in input(),
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mod_dir = dir.path().join("mymod");
        std::fs::create_dir_all(mod_dir.join("locale")).expect("mod folder");
        let files = [
            ("mod.conf", &mod_conf),
            ("depends.txt", &depends_txt),
            ("settingtypes.txt", &settingtypes),
            ("locale/mymod.fr.tr", &translation),
        ];
        for (name, bytes) in files {
            std::fs::write(mod_dir.join(name), bytes).expect("write fixture");
        }
        std::fs::write(mod_dir.join("init.lua"), "").expect("write init.lua");
        let report = validate(&[dir.path().to_path_buf()], &Options::default(), &Host::empty());
        for diagnostic in &report.diagnostics {
            if let Some(span) = diagnostic.span {
                prop_assert!(span.line >= 1 && span.column >= 1);
            }
        }
    }
}
