//! Global output choices, resolved once from flags and environment.

use std::io::IsTerminal;

use super::args::{Cli, ColorArg, FormatArg, LangArg};
use crate::diag::{ColorChoice, Report, render_human_with, render_json, render_json_with};
use crate::i18n::{Lang, Localizer};

/// How results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
}

/// The global flags as plain values.
#[derive(Debug, Clone, Copy)]
pub struct OutputOptions {
    pub lang: Lang,
    pub format: OutputFormat,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbose: u8,
}

impl OutputOptions {
    pub fn from_cli(cli: &Cli) -> Self {
        let lang = match cli.lang {
            Some(LangArg::Fr) => Lang::Fr,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        };
        let color = match cli.color {
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
            ColorArg::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                if !no_color && std::io::stdout().is_terminal() {
                    ColorChoice::Always
                } else {
                    ColorChoice::Never
                }
            }
        };
        OutputOptions {
            lang,
            format: match cli.format {
                FormatArg::Human => OutputFormat::Human,
                FormatArg::Json => OutputFormat::Json,
            },
            color,
            quiet: cli.quiet,
            verbose: cli.verbose,
        }
    }

    /// Prints a report on stdout in the chosen format.
    pub fn print_report(&self, report: &Report) {
        self.print_report_with(report, &[]);
    }

    /// Like [`Self::print_report`], with more top-level keys in JSON.
    pub fn print_report_with(&self, report: &Report, extra: &[(&str, serde_json::Value)]) {
        let localizer = Localizer::new(self.lang);
        match self.format {
            OutputFormat::Json if extra.is_empty() => {
                outln!("{}", render_json(report, &localizer))
            }
            OutputFormat::Json => outln!("{}", render_json_with(report, &localizer, extra)),
            OutputFormat::Human => {
                out!(
                    "{}",
                    render_human_with(report, &localizer, self.color, self.quiet, self.verbose > 0)
                )
            }
        }
    }
}
