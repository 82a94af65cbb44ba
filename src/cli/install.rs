//! `mtedu install`: an archive or a folder → the user's engine folder.

use serde_json::json;

use super::args::InstallArgs;
use super::common::exit_code;
use super::progress::{Bar, EXIT_STOPPED, stop_on_signals};
use super::{EXIT_FINDINGS, OutputFormat, OutputOptions};
use crate::content::folder_name;
use crate::diag::{json_diagnostics, json_summary};
use crate::host::Host;
use crate::i18n::Localizer;
use crate::pack::{InstallOptions, Limits, Progress, install, kind_word};

pub fn run(args: &InstallArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let options = InstallOptions {
        to: args.to.clone(),
        force: args.force,
        limits: Limits {
            max_total: args.max_size.saturating_mul(1024 * 1024),
            ..Limits::default()
        },
    };
    let bar = Bar::new(&localizer.plain("progress-install"), output);
    stop_on_signals();
    let outcome = install(&args.source, &options, &Host::detect(), &bar);
    let kind = outcome.kind.map(kind_word);
    let shown = |path: &Option<std::path::PathBuf>| path.as_ref().map(|p| p.display().to_string());
    match output.format {
        OutputFormat::Json => {
            let document = json!({
                "version": 1,
                "installed": shown(&outcome.installed),
                "kind": kind,
                "backup": shown(&outcome.backup),
                "bytes": outcome.bytes,
                "diagnostics": json_diagnostics(&outcome.report, &localizer),
                "summary": json_summary(&outcome.report),
            });
            outln!("{document}");
        }
        OutputFormat::Human => {
            output.print_report(&outcome.report);
            if let (Some(path), false) = (&outcome.installed, output.quiet) {
                let kind = localizer.text("pack-kind", &[("kind", kind.unwrap_or("").into())]);
                let args = [
                    ("kind", kind.into()),
                    ("name", folder_name(path).into()),
                    ("path", path.display().to_string().into()),
                ];
                outln!("{}", localizer.text("install-done", &args));
            }
        }
    }
    if bar.stopped() && outcome.installed.is_none() {
        EXIT_STOPPED
    } else if outcome.installed.is_none() {
        EXIT_FINDINGS
    } else {
        exit_code(&outcome.report)
    }
}
