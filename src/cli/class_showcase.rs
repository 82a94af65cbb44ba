//! `mtedu class showcase DIR`: the end-of-session world, then one line per
//! pupil's mod (in it, or left out and why), in the animator's language.
//! The work is in `crate::class::showcase`.

use std::path::PathBuf;

use serde_json::json;

use super::args::ClassShowcaseArgs;
use super::class::{config_error, path_arg};
use super::output::OutputFormat;
use super::{EXIT_OK, EXIT_USAGE, OutputOptions};
use crate::class::showcase::{ShowcaseError, Verdict, build_showcase};
use crate::diag::{ArgValue, visible_line};
use crate::i18n::Localizer;

pub fn run(args: &ClassShowcaseArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let host = crate::host::Host::detect();
    let showcase = match build_showcase(&dir, args.world.as_deref(), args.server.clone(), &host) {
        Ok(showcase) => showcase,
        Err(ShowcaseError::Config(error)) => {
            errln!("{}", config_error(&error, &localizer));
            return EXIT_USAGE;
        }
        Err(ShowcaseError::Io(path, error)) => {
            let pairs = [
                ("path", path_arg(&path)),
                ("error", error.to_string().into()),
            ];
            errln!("{}", localizer.text("class-io-failed", &pairs));
            return EXIT_USAGE;
        }
    };
    let lang = output.lang.code();
    let mut lines = Vec::new();
    let mut documents = Vec::new();
    for entry in &showcase.entries {
        let pupil = ("pupil", ArgValue::from(entry.pupil.as_str()));
        let mod_name = ("mod", ArgValue::from(entry.mod_name.as_str()));
        let (line, document) = match &entry.verdict {
            None => (
                localizer.text("class-showcase-no-mod", &[pupil]),
                json!({"status": "no_mod"}),
            ),
            Some(Verdict::Included { as_name }) => (
                localizer.text(
                    "class-showcase-included",
                    &[pupil, mod_name, ("name", as_name.as_str().into())],
                ),
                json!({"status": "included", "as": as_name}),
            ),
            Some(Verdict::Broken(problem)) => {
                let place = match problem.line {
                    Some(line) => {
                        format!("{}/{}/{}:{line}", entry.pupil, entry.mod_name, problem.file)
                    }
                    None => format!("{}/{}/{}", entry.pupil, entry.mod_name, problem.file),
                };
                let message = problem.message.get(lang).cloned().unwrap_or_default();
                (
                    localizer.text(
                        "class-showcase-broken",
                        &[
                            pupil,
                            mod_name,
                            ("place", place.as_str().into()),
                            ("message", visible_line(&message).into_owned().into()),
                        ],
                    ),
                    json!({"status": "broken", "place": place, "message": message}),
                )
            }
            Some(Verdict::Clash { name, other }) if other.is_empty() => (
                localizer.text(
                    "class-showcase-renamed-fails",
                    &[pupil, mod_name, ("name", name.as_str().into())],
                ),
                json!({"status": "clash", "name": name}),
            ),
            Some(Verdict::Clash { name, other }) => (
                localizer.text(
                    "class-showcase-clash",
                    &[
                        pupil,
                        mod_name,
                        ("name", visible_line(name).into_owned().into()),
                        ("other", other.as_str().into()),
                    ],
                ),
                json!({"status": "clash", "name": name, "other": other}),
            ),
        };
        lines.push(line);
        let mut document = document;
        document["pupil"] = entry.pupil.as_str().into();
        document["mod"] = entry.mod_name.as_str().into();
        documents.push(document);
    }
    let included = showcase
        .entries
        .iter()
        .filter(|e| matches!(e.verdict, Some(Verdict::Included { .. })))
        .count();
    if output.format == OutputFormat::Json {
        let document = json!({
            "world": showcase.world.display().to_string(),
            "backup": showcase.backup.as_ref().map(|b| b.display().to_string()),
            "mods": documents,
        });
        outln!("{document:#}");
        return EXIT_OK;
    }
    for line in lines {
        outln!("{line}");
    }
    if let Some(backup) = &showcase.backup {
        outln!(
            "{}",
            localizer.text("class-showcase-backup", &[("path", path_arg(backup))])
        );
    }
    let pairs = [
        ("world", path_arg(&showcase.world)),
        ("count", ArgValue::Number(included as i64)),
        ("total", ArgValue::Number(showcase.entries.len() as i64)),
    ];
    outln!("{}", localizer.text("class-showcase-done", &pairs));
    EXIT_OK
}
