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
    let host = Host::detect();
    let created = first_user_folder(args, &host);
    if let (Some(dir), OutputFormat::Human, false) = (&created, output.format, output.quiet) {
        let path = ("path", dir.display().to_string().into());
        outln!("{}", localizer.text("install-created-user-folder", &[path]));
    }
    let options = InstallOptions {
        to: args.to.clone().or_else(|| created.clone()),
        force: args.force,
        limits: Limits {
            max_total: args.max_size.saturating_mul(1024 * 1024),
            ..Limits::default()
        },
    };
    let bar = Bar::new(&localizer.plain("progress-install"), output);
    stop_on_signals();
    let outcome = install(&args.source, &options, &host, &bar);
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
                "created_user_folder": shown(&created),
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

/// On a PC where the game never ran, there is no user folder yet: the one
/// the engine itself would create (`$MINETEST_USER_PATH`, else
/// `~/.minetest`) is made, so that the first install just works. Nothing
/// is created for `--to`, or when what to install does not exist.
fn first_user_folder(args: &InstallArgs, host: &Host) -> Option<std::path::PathBuf> {
    if args.to.is_some() || !host.user_dirs.is_empty() || !args.source.exists() {
        return None;
    }
    let dir = crate::host::HostEnv::from_env()
        .user_dir_candidates()
        .into_iter()
        .next()?;
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}
