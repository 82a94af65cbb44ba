//! The progress bar of `pack` and `install` (indicatif), drawn on stderr
//! only when it is a terminal, not with `--quiet`, and only for work big
//! enough to wait for. The bar also carries the user's request to stop
//! (Ctrl-C, SIGTERM) into the copy loops. Also the human sizes shown after
//! them.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::OutputOptions;
use crate::i18n::Lang;
use crate::pack::Progress;

/// Below this much work, no bar: it would only flash.
const SHOW_FROM: u64 = 16 * 1024 * 1024;

/// Set by Ctrl-C or SIGTERM once [`stop_on_signals`] was called.
static STOP_ASKED: AtomicBool = AtomicBool::new(false);

/// From now on Ctrl-C and SIGTERM ask the running pack or install to stop
/// cleanly (its temporary files removed) instead of killing it midway.
pub fn stop_on_signals() {
    let _ = ctrlc::set_handler(|| STOP_ASKED.store(true, Ordering::SeqCst));
}

/// The exit code of a run stopped by the user, as shells give for Ctrl-C.
pub const EXIT_STOPPED: i32 = 130;

/// A bar that stays hidden until [`Progress::start`] says the work is big.
pub struct Bar {
    bar: ProgressBar,
    wanted: bool,
}

impl Bar {
    pub fn new(label: &str, output: &OutputOptions) -> Bar {
        let bar = ProgressBar::hidden();
        let style = ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(label.to_owned());
        Bar {
            bar,
            wanted: !output.quiet && std::io::stderr().is_terminal(),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
        if self.wanted && total >= SHOW_FROM {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn stopped(&self) -> bool {
        STOP_ASKED.load(Ordering::SeqCst)
    }
}

/// `12.3 MB` / `12,3 Mo`: a size as people read it. One MB is 1024 × 1024
/// bytes here, as in every message of pack and install (MT4007, MT4104,
/// `--max-size`), so that the numbers shown side by side agree.
pub fn human_size(bytes: u64, lang: Lang) -> String {
    let (units, comma) = match lang {
        Lang::Fr => (["o", "Ko", "Mo", "Go"], true),
        _ => (["B", "KB", "MB", "GB"], false),
    };
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = if unit == 0 {
        format!("{bytes}")
    } else {
        format!("{value:.1}")
    };
    let text = if comma { text.replace('.', ",") } else { text };
    format!("{text} {}", units[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_the_unit_of_the_pack_messages() {
        assert_eq!(human_size(512, Lang::En), "512 B");
        assert_eq!(human_size(150 * 1024 * 1024, Lang::En), "150.0 MB");
        assert_eq!(human_size(1536 * 1024, Lang::Fr), "1,5 Mo");
    }
}
