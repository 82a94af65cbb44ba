//! `mtedu api`: how much of the engine's `core` API mtedu simulates.

use serde_json::json;

use super::args::ApiArgs;
use super::{EXIT_OK, EXIT_USAGE, OutputFormat, OutputOptions};
use crate::engine::catalogue::{Status, coverage_of};
use crate::i18n::Localizer;

pub fn run(args: &ApiArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    // The version's own core table: 5.6.1 unless --engine says otherwise
    // (docs/api-coverage.md is 5.6.1's).
    let version = args.engine.unwrap_or_default();
    let entries = match coverage_of(version) {
        Ok(entries) => entries,
        Err(error) => {
            errln!("{}: {error}", localizer.plain("engine-start-failed"));
            return EXIT_USAGE;
        }
    };
    let functions: Vec<_> = entries.iter().filter(|e| e.kind == "function").collect();
    let count =
        |wanted: fn(&Status) -> bool| functions.iter().filter(|e| wanted(&e.status)).count();
    let simulated = count(|s| matches!(s, Status::Simulated));
    let partial = count(|s| matches!(s, Status::Partial(_)));
    let missing = count(|s| matches!(s, Status::NotSimulated));
    let status_word = |status: &Status| match status {
        Status::Simulated => "simulated",
        Status::Partial(_) => "partial",
        Status::NotSimulated => "not simulated",
    };
    match output.format {
        OutputFormat::Json => {
            let names: Vec<_> = entries
                .iter()
                .map(|e| {
                    json!({
                        "name": e.name,
                        "kind": e.kind,
                        "status": status_word(&e.status),
                        "limits": match &e.status { Status::Partial(limits) => Some(limits.clone()), _ => None },
                    })
                })
                .collect();
            let document = json!({
                "version": 1,
                "engine": version.measured(),
                "functions": functions.len(),
                "simulated": simulated,
                "partial": partial,
                "not_simulated": missing,
                "names": if args.coverage { names } else { Vec::new() },
            });
            outln!("{document}");
        }
        OutputFormat::Human => {
            if args.coverage {
                for entry in &entries {
                    let limits = match &entry.status {
                        Status::Partial(limits) => format!(" ({limits})"),
                        _ => String::new(),
                    };
                    outln!(
                        "{:<45} {:<9} {}{limits}",
                        format!("core.{}", entry.name),
                        entry.kind,
                        status_word(&entry.status)
                    );
                }
                outln!();
            }
            outln!(
                "{}",
                localizer.text(
                    "api-summary",
                    &[
                        ("total", functions.len().into()),
                        ("simulated", simulated.into()),
                        ("partial", partial.into()),
                        ("missing", missing.into()),
                        ("version", version.to_string().into()),
                    ],
                )
            );
        }
    }
    EXIT_OK
}
