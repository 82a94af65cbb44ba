//! clap's parse errors retold in the user's language: the word that is
//! wrong, clap's suggestion, and the help command to run. `--help` and
//! `--version` are not errors and keep clap's own printing.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::diag::ArgValue;
use crate::i18n::Localizer;

/// The text to print on stderr for a parse error.
pub fn explain(
    error: &clap::Error,
    command: &Command,
    args: &[OsString],
    localizer: &Localizer,
) -> String {
    let path = command_path(command, args);
    let name = path.join(" ");
    let t = |key: &str, pairs: &[(&str, ArgValue)]| localizer.text(key, pairs);
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        _ => None,
    };
    let arg = || ArgValue::Text(text(ContextKind::InvalidArg).unwrap_or_default());
    let value = || ArgValue::Text(text(ContextKind::InvalidValue).unwrap_or_default());
    let command_arg = || ("command", ArgValue::Text(name.clone()));
    let mut lines = Vec::new();
    match error.kind() {
        ErrorKind::UnknownArgument => {
            lines.push(t("cli-unknown-argument", &[("arg", arg()), command_arg()]));
        }
        ErrorKind::InvalidSubcommand => {
            let word = ArgValue::Text(text(ContextKind::InvalidSubcommand).unwrap_or_default());
            lines.push(t("cli-unknown-command", &[("arg", word), command_arg()]));
        }
        ErrorKind::InvalidValue
            if text(ContextKind::InvalidValue)
                .unwrap_or_default()
                .is_empty() =>
        {
            lines.push(t("cli-missing-value", &[("arg", arg())]));
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            lines.push(t(
                "cli-invalid-value",
                &[("arg", arg()), ("value", value())],
            ));
        }
        ErrorKind::MissingSubcommand => {
            let commands = ArgValue::Text(text(ContextKind::ValidSubcommand).unwrap_or_default());
            lines.push(t(
                "cli-missing-command",
                &[command_arg(), ("commands", commands)],
            ));
        }
        ErrorKind::MissingRequiredArgument => {
            lines.push(t("cli-missing-argument", &[("arg", arg()), command_arg()]));
        }
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let detail = first.strip_prefix("error: ").unwrap_or(first).to_owned();
            lines.push(t("cli-other", &[("detail", ArgValue::Text(detail))]));
        }
    }
    if let Some(values) = text(ContextKind::ValidValue).filter(|values| !values.is_empty()) {
        lines.push(t(
            "cli-possible-values",
            &[("values", ArgValue::Text(values))],
        ));
    } else if error.kind() == ErrorKind::ValueValidation
        && let Some(help) = arg_help(
            command,
            &path,
            &text(ContextKind::InvalidArg).unwrap_or_default(),
        )
    {
        lines.push(t(
            "cli-value-help",
            &[("arg", arg()), ("help", ArgValue::Text(help))],
        ));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(suggestion) = text(kind) {
            lines.push(t(
                "cli-did-you-mean",
                &[("suggestion", ArgValue::Text(suggestion))],
            ));
        }
    }
    lines.push(t("cli-try-help", &[command_arg()]));
    let label = localizer.plain("cli-error-label");
    let mut out = format!("{label} {}\n", lines[0]);
    for line in &lines[1..] {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// The commands named on the line (`mtedu new mod`), found by walking the
/// arguments the way clap does: options and their values are skipped, a
/// subcommand's name goes one level down, any other word ends the walk.
pub fn command_path(command: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = vec![command.get_name().to_owned()];
    let mut current = command;
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            if !long.contains('=')
                && find_arg(current, |arg| arg.get_long() == Some(long)).is_some_and(takes_value)
            {
                words.next();
            }
            continue;
        }
        if let Some(shorts) = word.strip_prefix('-').filter(|shorts| !shorts.is_empty()) {
            let last = shorts.chars().last();
            let attached = shorts.chars().count() > 1;
            if !attached
                && find_arg(current, |arg| arg.get_short() == last).is_some_and(takes_value)
            {
                words.next();
            }
            continue;
        }
        match current.find_subcommand(word.as_ref()) {
            Some(sub) => {
                path.push(sub.get_name().to_owned());
                current = sub;
            }
            None => break,
        }
    }
    path
}

fn find_arg(command: &Command, wanted: impl Fn(&Arg) -> bool) -> Option<&Arg> {
    command.get_arguments().find(|arg| wanted(arg))
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

/// The help text of the argument clap names as `--port <PORT>`.
fn arg_help(root: &Command, path: &[String], shown: &str) -> Option<String> {
    let mut command = root;
    for name in path.iter().skip(1) {
        command = command.find_subcommand(name)?;
    }
    let long = shown.split_whitespace().next()?.strip_prefix("--")?;
    let arg = find_arg(command, |arg| arg.get_long() == Some(long))?;
    arg.get_help().map(ToString::to_string)
}
