//! The live status line of `mtedu serve` (indicatif, on stderr when it is
//! a terminal): where to connect, who is playing, the last change and the
//! last error. Event lines are printed above it.

use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::i18n::Localizer;

#[derive(Default)]
struct State {
    players: Vec<String>,
    last: String,
    error: String,
}

/// The status line, or plain printing when there is no terminal.
pub struct StatusLine {
    bar: Option<ProgressBar>,
    address: String,
    localizer: Localizer,
    state: RefCell<State>,
}

impl StatusLine {
    pub fn new(shown: bool, address: String, localizer: Localizer) -> StatusLine {
        let terminal = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        let bar = (shown && terminal).then(|| {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        let status = StatusLine {
            bar,
            address,
            localizer,
            state: RefCell::new(State::default()),
        };
        status.refresh();
        status
    }

    /// Prints a line above the status line.
    pub fn println(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => outln!("{text}"),
        }
    }

    /// Runs `print` with the status line out of the way.
    pub fn suspend(&self, print: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    pub fn set_players(&self, players: Vec<String>) {
        if self.state.borrow().players != players {
            self.state.borrow_mut().players = players;
            self.refresh();
        }
    }

    pub fn set_last(&self, text: String) {
        self.state.borrow_mut().last = text;
        self.refresh();
    }

    pub fn set_error(&self, text: String) {
        self.state.borrow_mut().error = text;
        self.refresh();
    }

    fn refresh(&self) {
        let Some(bar) = &self.bar else { return };
        let state = self.state.borrow();
        let none = self.localizer.plain("serve-status-none");
        let pick = |text: &str| {
            if text.is_empty() {
                none.clone()
            } else {
                text.to_owned()
            }
        };
        bar.set_message(self.localizer.text(
            "serve-status",
            &[
                ("address", self.address.as_str().into()),
                (
                    "count",
                    crate::diag::ArgValue::Number(state.players.len() as i64),
                ),
                ("players", state.players.join(", ").into()),
                ("last", pick(&state.last).into()),
                ("error", pick(&state.error).into()),
            ],
        ));
    }
}

impl Drop for StatusLine {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
