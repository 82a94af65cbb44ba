//! `mtedu pack`: one package folder → one zip, checked before and after.

use std::path::PathBuf;

use serde_json::json;

use super::args::PackArgs;
use super::common::{exit_code, host};
use super::progress::{Bar, EXIT_STOPPED, human_size, stop_on_signals};
use super::{EXIT_FINDINGS, OutputFormat, OutputOptions};
use crate::diag::{json_diagnostics, json_summary};
use crate::i18n::Localizer;
use crate::pack::{PackOptions, Progress, kind_word, pack};

pub fn run(args: &PackArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let options = PackOptions {
        output: args.output.clone(),
        ..PackOptions::default()
    };
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let bar = Bar::new(&localizer.plain("progress-pack"), output);
    stop_on_signals();
    let outcome = pack(&path, &options, &host(args.no_installed), &bar);
    let kind = outcome.kind.map(kind_word);
    let archive = outcome.archive.as_ref().map(|p| p.display().to_string());
    match output.format {
        OutputFormat::Json => {
            let document = json!({
                "version": 1,
                "archive": archive,
                "name": outcome.name,
                "kind": kind,
                "files": outcome.files,
                "bytes": outcome.bytes,
                "size": outcome.size,
                "diagnostics": json_diagnostics(&outcome.report, &localizer),
                "summary": json_summary(&outcome.report),
            });
            outln!("{document}");
        }
        OutputFormat::Human => {
            output.print_report(&outcome.report);
            if let (Some(archive), false) = (&archive, output.quiet) {
                let kind = localizer.text("pack-kind", &[("kind", kind.unwrap_or("").into())]);
                let args = [
                    ("archive", archive.clone().into()),
                    ("kind", kind.into()),
                    ("name", outcome.name.clone().into()),
                    ("files", outcome.files.into()),
                    ("size", human_size(outcome.size, output.lang).into()),
                ];
                outln!("{}", localizer.text("pack-done", &args));
            }
        }
    }
    if bar.stopped() && archive.is_none() {
        EXIT_STOPPED
    } else if archive.is_none() {
        EXIT_FINDINGS
    } else {
        exit_code(&outcome.report)
    }
}
