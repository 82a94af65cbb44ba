//! The clap command in the user's language: every about and help text comes
//! from the Fluent catalogues (`help-*` keys), the derive structs in
//! `args.rs` stay the one description of the command line's shape.
//!
//! Keys: `help-about` (mtedu itself), `help-cmd-<path>` (a command, e.g.
//! `help-cmd-new-mod`), `help-arg-<path>-<id>` or else `help-arg-<id>` (an
//! argument; `_` in ids becomes `-`), `help-value-<name>` (the placeholder
//! such as `<PATHS>`). Defaults and possible values are added from the
//! derive definitions, in words of the language.

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::diag::ArgValue;
use crate::i18n::Localizer;

/// mtedu's clap command with its texts in the localizer's language, built
/// (help subcommands included) and ready to parse.
pub fn localized_command(localizer: &Localizer) -> Command {
    let mut command = localize_command(Cli::command(), &[], localizer);
    command.build();
    let command = localize_help_subcommands(command, localizer);
    localize_usage(command, localizer)
}

/// clap writes `[OPTIONS]` in every usage line whatever the language: each
/// built command gets its usage with that word translated.
fn localize_usage(mut command: Command, localizer: &Localizer) -> Command {
    let options = format!("[{}]", localizer.plain("help-value-options"));
    let usage = command.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace("[OPTIONS]", &options);
    command = command.override_usage(usage);
    command.mut_subcommands(|sub| localize_usage(sub, localizer))
}

/// The catalogue key of a command's about text (`path` is empty for mtedu).
pub fn command_key(path: &[String]) -> String {
    if path.is_empty() {
        "help-about".to_owned()
    } else {
        format!("help-cmd-{}", path.join("-"))
    }
}

/// The catalogue keys an argument's help may come from, most precise first.
pub fn arg_keys(path: &[String], id: &str) -> [String; 2] {
    let id = id.replace('_', "-");
    let general = format!("help-arg-{id}");
    if path.is_empty() {
        [general.clone(), general]
    } else {
        [format!("help-arg-{}-{id}", path.join("-")), general]
    }
}

/// The catalogue key of a value placeholder (`PATHS` → `help-value-paths`).
pub fn value_key(name: &str) -> String {
    format!("help-value-{}", name.to_lowercase().replace('_', "-"))
}

/// Display order of `--help` and `--version`: after every other option.
const LAST: usize = 10_000;

/// Added to the display order of mtedu's own options, so that in a
/// command's help its own options come first.
const GLOBAL: usize = 1_000;

fn localize_command(command: Command, path: &[String], localizer: &Localizer) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        localizer.plain("help-heading-usage")
    );
    let mut command = command
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(localizer.plain("help-heading-commands"))
        .subcommand_value_name(localizer.plain("help-value-command"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(LAST),
        );
    let key = command_key(path);
    if localizer.has(&key) {
        command = command.about(localizer.plain(&key));
    }
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(LAST),
        );
    }
    // Under a heading of their own, clap sorts arguments by display order:
    // positionals keep the order they are typed in.
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|arg| arg.get_id().to_string())
        .collect();
    command
        .mut_args(|arg| {
            let arg = match positionals.iter().position(|id| arg.get_id() == id) {
                Some(index) => arg.display_order(index),
                None => arg,
            };
            localize_arg(arg, path, localizer)
        })
        .mut_subcommands(|sub| {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_owned());
            localize_command(sub, &sub_path, localizer)
        })
}

fn localize_arg(arg: Arg, path: &[String], localizer: &Localizer) -> Arg {
    let heading = if arg.is_positional() {
        "help-heading-arguments"
    } else {
        "help-heading-options"
    };
    let arg = arg.help_heading(localizer.plain(heading));
    let Some(key) = arg_keys(path, arg.get_id().as_str())
        .into_iter()
        .find(|key| localizer.has(key))
    else {
        return arg;
    };
    let help = localizer.plain(&key);
    let mut extras = Vec::new();
    let mut arg = arg.long_help(None);
    if path.is_empty() && arg.get_display_order() < GLOBAL {
        let order = arg.get_display_order() + GLOBAL;
        arg = arg.display_order(order);
    }
    if arg.get_action().takes_values() {
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(ToString::to_string).collect(),
            None => vec![arg.get_id().as_str().to_uppercase()],
        };
        let localized: Vec<String> = names
            .iter()
            .map(|name| {
                let key = value_key(name);
                if localizer.has(&key) {
                    localizer.plain(&key)
                } else {
                    name.clone()
                }
            })
            .collect();
        arg = arg.value_names(localized);
        let choices = visible_values(&arg.get_possible_values());
        if !choices.is_empty() {
            let values = ArgValue::Text(choices.join(", "));
            extras.push(localizer.text("help-choices", &[("values", values)]));
            arg = arg.hide_possible_values(true);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            let value = ArgValue::Text(defaults.join(", "));
            extras.push(localizer.text("help-default", &[("value", value)]));
            arg = arg.hide_default_value(true);
        }
    }
    arg.help(with_extras(help, &extras))
}

/// "Text." and its extras become "Text (extra) (extra)."
fn with_extras(help: String, extras: &[String]) -> String {
    if extras.is_empty() {
        return help;
    }
    let (body, end) = match help.strip_suffix('.') {
        Some(body) => (body.to_owned(), "."),
        None => (help, ""),
    };
    let extras: Vec<String> = extras.iter().map(|extra| format!("({extra})")).collect();
    format!("{body} {}{end}", extras.join(" "))
}

fn visible_values(values: &[PossibleValue]) -> Vec<String> {
    values
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect()
}

/// clap adds a `help` subcommand to every command with subcommands while
/// building; its about text is set here, after the build.
fn localize_help_subcommands(command: Command, localizer: &Localizer) -> Command {
    let has_help = command
        .get_subcommands()
        .any(|sub| sub.get_name() == "help");
    let command = command.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub
        } else {
            localize_help_subcommands(sub, localizer)
        }
    });
    if has_help {
        command.mut_subcommand("help", |help| help.about(localizer.plain("help-cmd-help")))
    } else {
        command
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every command and argument has its text in every catalogue, so no
    /// English help shows through in French.
    #[test]
    fn every_command_and_argument_has_a_text() {
        fn walk(
            command: &Command,
            path: &[String],
            localizer: &Localizer,
            missing: &mut Vec<String>,
        ) {
            let key = command_key(path);
            if !localizer.has(&key) {
                missing.push(key);
            }
            for arg in command.get_arguments() {
                let keys = arg_keys(path, arg.get_id().as_str());
                if !keys.iter().any(|key| localizer.has(key)) {
                    missing.push(keys[0].clone());
                }
                if arg.get_action().takes_values() {
                    let names: Vec<String> = match arg.get_value_names() {
                        Some(names) => names.iter().map(ToString::to_string).collect(),
                        None => vec![arg.get_id().as_str().to_uppercase()],
                    };
                    missing.extend(
                        names
                            .iter()
                            .map(|name| value_key(name))
                            .filter(|key| !localizer.has(key)),
                    );
                }
            }
            for sub in command.get_subcommands() {
                let mut sub_path = path.to_vec();
                sub_path.push(sub.get_name().to_owned());
                walk(sub, &sub_path, localizer, missing);
            }
        }
        for lang in Lang::ALL {
            let localizer = Localizer::new(lang);
            let mut missing = Vec::new();
            walk(&Cli::command(), &[], &localizer, &mut missing);
            for key in ["help-arg-help", "help-arg-version", "help-cmd-help"] {
                if !localizer.has(key) {
                    missing.push(key.to_owned());
                }
            }
            assert!(
                missing.is_empty(),
                "{}: no text for {missing:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn french_help_has_french_texts_defaults_and_choices() {
        let mut command = localized_command(&Localizer::new(Lang::Fr));
        let help = command.render_help().to_string();
        assert!(help.contains("Utilisation"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
        assert!(help.contains("par défaut : human"), "{help}");
        assert!(!help.contains("[default"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        for english in ["<COMMAND>", "Options:", "Commandes:"] {
            assert!(!help.contains(english), "{english} in {help}");
        }
        assert!(
            help.contains("<COMMANDE>") && help.contains("Commandes :"),
            "{help}"
        );
        let check = command.find_subcommand_mut("check").unwrap();
        let help = check.render_help().to_string();
        assert!(
            help.contains("Arguments :") && help.contains("Options :"),
            "{help}"
        );
        assert!(!help.contains("Arguments:"), "{help}");
    }
}
