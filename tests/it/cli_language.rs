//! `--help` and mistakes on the command line speak the user's language
//! (`--lang`, else LANG): help texts from the catalogues, clap's errors
//! retold with the wrong word, the suggestion and the help to run.

use crate::support;

use std::process::Output;

fn mtedu(args: &[&str], lang_env: &str) -> Output {
    let dir = std::env::temp_dir();
    support::mtedu_command(&dir)
        .env("LANG", lang_env)
        .args(args)
        .output()
        .expect("the mtedu binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn help_in_french_from_the_flag() {
    let output = mtedu(&["--lang", "fr", "--help"], "C.UTF-8");
    assert_eq!(output.status.code(), Some(0));
    let help = text(&output.stdout);
    assert!(help.contains("Utilisation :"), "{help}");
    assert!(help.contains("Commandes"), "{help}");
    assert!(
        help.contains("Vérifie tout d’un coup (validate + lint)"),
        "{help}"
    );
    assert!(help.contains("Montre cette aide."), "{help}");
    assert!(help.contains("par défaut : human"), "{help}");
    for english in [
        "Usage:",
        "Print help",
        "Print version",
        "[default:",
        "Check",
    ] {
        assert!(!help.contains(english), "{english:?} left in: {help}");
    }
}

#[test]
fn command_help_in_french_from_lang() {
    let output = mtedu(&["validate", "--help"], "fr_FR.UTF-8");
    assert_eq!(output.status.code(), Some(0));
    let help = text(&output.stdout);
    assert!(help.contains("Utilisation : mtedu validate"), "{help}");
    assert!(help.contains("[CHEMINS]"), "{help}");
    assert!(help.contains("--game <JEU>"), "{help}");
    assert!(
        help.contains("N’utilise pas les jeux et mods installés"),
        "{help}"
    );
    assert!(!help.contains("Ignore the games"), "{help}");
}

#[test]
fn help_in_english() {
    let output = mtedu(&["--lang", "en", "validate", "--help"], "fr_FR.UTF-8");
    assert_eq!(output.status.code(), Some(0));
    let help = text(&output.stdout);
    assert!(help.contains("Usage: mtedu validate"), "{help}");
    assert!(help.contains("--game <GAME>"), "{help}");
    assert!(
        help.contains("Do not use the games and mods installed"),
        "{help}"
    );
    let subcommand = mtedu(&["--lang", "en", "help", "new"], "C.UTF-8");
    assert_eq!(subcommand.status.code(), Some(0));
    assert!(text(&subcommand.stdout).contains("A new mod, ready for"));
}

#[test]
fn unknown_option_in_french_with_exit_code_two() {
    let output = mtedu(&["--lang", "fr", "validate", "--bogus"], "C.UTF-8");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = text(&output.stderr);
    assert!(
        message.contains("« --bogus » n’est pas quelque chose que « mtedu validate » comprend"),
        "{message}"
    );
    assert!(message.contains("mtedu validate --help"), "{message}");
    assert!(!message.contains("unexpected argument"), "{message}");
}

#[test]
fn unknown_option_in_english_with_its_suggestion() {
    let output = mtedu(&["validate", "--gme", "x"], "en_GB.UTF-8");
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("\"--gme\" is not something \"mtedu validate\" understands"),
        "{message}"
    );
    assert!(message.contains("Did you mean \"--game\"?"), "{message}");
    assert!(
        message.contains("To see what you can write: mtedu validate --help"),
        "{message}"
    );
}

#[test]
fn unknown_command_with_its_suggestion() {
    let output = mtedu(&["valdate"], "fr_FR.UTF-8");
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("« valdate » n’est pas une commande"),
        "{message}"
    );
    assert!(
        message.contains("Voulais-tu dire « validate » ?"),
        "{message}"
    );
    let nested = mtedu(&["--lang", "en", "new", "mdo", "x"], "C.UTF-8");
    let message = text(&nested.stderr);
    assert!(
        message.contains("is not a command of \"mtedu new\""),
        "{message}"
    );
    assert!(message.contains("mtedu new --help"), "{message}");
}

#[test]
fn missing_and_invalid_values_name_the_option_and_the_choices() {
    let missing = mtedu(&["--lang", "fr", "validate", "--game"], "C.UTF-8");
    assert_eq!(missing.status.code(), Some(2));
    let message = text(&missing.stderr);
    assert!(
        message.contains("« --game <JEU> » a besoin d’une valeur juste après"),
        "{message}"
    );
    let invalid = mtedu(&["--format", "jsn", "validate"], "fr_FR.UTF-8");
    assert_eq!(invalid.status.code(), Some(2));
    let message = text(&invalid.stderr);
    assert!(
        message.contains("« jsn » ne va pas pour « --format"),
        "{message}"
    );
    assert!(
        message.contains("Tu peux écrire : human, json"),
        "{message}"
    );
    // An unknown --lang: the error is in the language of LANG.
    let lang = mtedu(&["--lang", "de", "validate"], "fr_FR.UTF-8");
    assert_eq!(lang.status.code(), Some(2));
    let message = text(&lang.stderr);
    assert!(
        message.contains("« de » ne va pas pour « --lang"),
        "{message}"
    );
    assert!(message.contains("fr, en"), "{message}");
    // A number that is not one: the option's own help says what it wants.
    let port = mtedu(&["--lang", "en", "serve", "--port", "abc"], "C.UTF-8");
    assert_eq!(port.status.code(), Some(2));
    let message = text(&port.stderr);
    assert!(
        message.contains("\"abc\" does not work for \"--port"),
        "{message}"
    );
    assert!(
        message.contains("The UDP port players connect to"),
        "{message}"
    );
}

#[test]
fn missing_argument_and_missing_command() {
    let name = mtedu(&["--lang", "fr", "new", "mod"], "C.UTF-8");
    assert_eq!(name.status.code(), Some(2));
    let message = text(&name.stderr);
    assert!(
        message.contains("Il manque quelque chose à « mtedu new mod » : <NOM>"),
        "{message}"
    );
    let command = mtedu(&["--lang", "en"], "C.UTF-8");
    assert_eq!(command.status.code(), Some(2));
    let message = text(&command.stderr);
    assert!(
        message.contains("\"mtedu\" needs a command: validate"),
        "{message}"
    );
    // Nothing at all: the help, in the language of LANG.
    let nothing = mtedu(&[], "fr_FR.UTF-8");
    assert_eq!(nothing.status.code(), Some(2));
    assert!(text(&nothing.stderr).contains("Utilisation : mtedu"));
}

#[test]
fn version_succeeds() {
    let output = mtedu(&["--version"], "fr_FR.UTF-8");
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).starts_with("mtedu "));
}
