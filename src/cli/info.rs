//! `mtedu info`: what mods register (nodes, items, commands…), for
//! teachers who want to see what a mod adds.

use std::collections::BTreeMap;

use serde_json::json;

use super::args::InfoArgs;
use super::common::{exit_code, host, paths_or_current};
use super::verbose::describe_engine;
use super::{EXIT_USAGE, OutputFormat, OutputOptions};
use crate::diag::{json_diagnostics, render_human_with};
use crate::engine::inspect::{InspectOptions, inspect};
use crate::i18n::Localizer;

pub fn run(args: &InfoArgs, output: &OutputOptions) -> i32 {
    let paths = paths_or_current(&args.load.paths);
    let host = host(args.load.no_installed);
    let choice = args.load.engine_choice();
    describe_engine(&choice, output);
    let options = InspectOptions {
        game: args.load.game.clone(),
        all: args.all,
        limits: args.load.limits(),
        engine: choice.version,
    };
    let localizer = Localizer::new(output.lang);
    let inspection = match inspect(&paths, &options, &host) {
        Ok(inspection) => inspection,
        Err(error) => {
            errln!("{}: {error}", localizer.plain("engine-start-failed"));
            return EXIT_USAGE;
        }
    };
    let r = &inspection.registrations;
    let keys = |map: &BTreeMap<String, String>| map.keys().cloned().collect::<Vec<_>>();
    match output.format {
        OutputFormat::Json => {
            let document = json!({
                "version": 1,
                "engine": choice.json(),
                "nodes": keys(&r.nodes),
                "craftitems": keys(&r.craftitems),
                "tools": keys(&r.tools),
                "entities": keys(&r.entities),
                "chatcommands": keys(&r.chatcommands),
                "privileges": keys(&r.privileges),
                "aliases": r.aliases.keys().cloned().collect::<Vec<_>>(),
                "alias_targets": &r.aliases,
                "crafts": r.crafts.len(),
                "abms": r.abms.len(),
                "lbms": r.lbms.len(),
                "diagnostics": json_diagnostics(&inspection.report, &localizer),
            });
            outln!("{document}");
        }
        OutputFormat::Human => {
            let mut text = String::new();
            if inspection.own_mods == 0 && !args.all {
                // Nothing of the user's: one plain sentence, no empty lists.
                text.push_str(&localizer.plain("info-no-own-mods"));
                text.push_str("\n\n");
                out!(
                    "{text}{}",
                    render_human_with(
                        &inspection.report,
                        &localizer,
                        output.color,
                        output.quiet,
                        output.verbose > 0
                    )
                );
                return exit_code(&inspection.report);
            }
            if inspection.own_mods == 0 {
                text.push_str(&localizer.plain("info-game-only"));
            } else {
                text.push_str(&localizer.text(
                    "info-loaded",
                    &[
                        ("mods", inspection.loaded.join(", ").into()),
                        ("count", inspection.loaded.len().into()),
                    ],
                ));
            }
            text.push('\n');
            for (key, names) in [
                ("info-nodes", keys(&r.nodes)),
                ("info-craftitems", keys(&r.craftitems)),
                ("info-tools", keys(&r.tools)),
                ("info-entities", keys(&r.entities)),
                ("info-chatcommands", keys(&r.chatcommands)),
                ("info-privileges", keys(&r.privileges)),
                (
                    "info-aliases",
                    r.aliases
                        .iter()
                        .map(|(a, t)| format!("{a} → {t}"))
                        .collect(),
                ),
            ] {
                text.push_str(&format!("{} ({}):", localizer.plain(key), names.len()));
                if names.is_empty() {
                    text.push_str(" —\n");
                } else {
                    text.push('\n');
                    for name in names {
                        text.push_str(&format!("  {name}\n"));
                    }
                }
            }
            text.push_str(&localizer.text(
                "info-counts",
                &[
                    ("crafts", r.crafts.len().into()),
                    ("abms", r.abms.len().into()),
                    ("lbms", r.lbms.len().into()),
                ],
            ));
            text.push_str("\n\n");
            out!(
                "{text}{}",
                render_human_with(
                    &inspection.report,
                    &localizer,
                    output.color,
                    output.quiet,
                    output.verbose > 0
                )
            );
        }
    }
    exit_code(&inspection.report)
}
