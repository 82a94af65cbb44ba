//! Every line the commands print goes through here, so that output piped
//! into `head` (or any reader that leaves early) ends the run quietly, as
//! ripgrep does: no panic, exit code 0. Other write errors (a full disk)
//! end it with the environment error code.
//!
//! A failed write unwinds with [`OutputClosed`] up to [`until_output_closed`]
//! in `cli::run`, so destructors still run (temporary folders, servers).

use std::fmt;
use std::io::{self, Write};

use super::{EXIT_OK, EXIT_USAGE};

/// The unwinding payload of a failed write: the exit code to end with.
pub struct OutputClosed(pub i32);

/// Prints on stdout like `print!`.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write_stdout(format_args!($($arg)*)) };
}

/// Prints a line on stdout like `println!`.
macro_rules! outln {
    () => { $crate::cli::out::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::out::write_stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Prints on stderr like `eprint!`.
macro_rules! err {
    ($($arg:tt)*) => { $crate::cli::out::write_stderr(format_args!($($arg)*)) };
}

/// Prints a line on stderr like `eprintln!`.
macro_rules! errln {
    () => { $crate::cli::out::write_stderr(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::out::write_stderr(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes to stdout, or stops the run when nobody reads it any more.
pub fn write_stdout(text: fmt::Arguments) {
    if let Err(error) = io::stdout().lock().write_fmt(text) {
        stop(&error);
    }
}

/// Writes to stderr, or stops the run when nobody reads it any more.
pub fn write_stderr(text: fmt::Arguments) {
    if let Err(error) = io::stderr().lock().write_fmt(text) {
        stop(&error);
    }
}

fn stop(error: &io::Error) -> ! {
    let code = if error.kind() == io::ErrorKind::BrokenPipe {
        EXIT_OK
    } else {
        EXIT_USAGE
    };
    // resume_unwind skips the panic hook: nothing is printed.
    std::panic::resume_unwind(Box::new(OutputClosed(code)))
}

/// Runs a command; when its output was closed, returns the code that
/// [`OutputClosed`] carries instead of its own. Other panics go on.
pub fn until_output_closed(command: impl FnOnce() -> i32) -> i32 {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(command)) {
        Ok(code) => code,
        Err(payload) => match payload.downcast::<OutputClosed>() {
            Ok(closed) => {
                // What is still buffered cannot reach anyone either.
                let _ = io::stdout().flush();
                closed.0
            }
            Err(other) => std::panic::resume_unwind(other),
        },
    }
}
