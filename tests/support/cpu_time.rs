//! CPU time, for the tests of time budgets: mtedu's budgets count the CPU
//! time of the thread running Lua, so a test that says "stopped soon after
//! its budget" measures CPU time too, and holds on a loaded machine.

use std::process::{Command, Output};
use std::time::Duration;

/// The CPU time the calling thread has used.
pub fn this_thread() -> Duration {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: only writes `time`.
    let read = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    assert_eq!(read, 0, "the thread's CPU clock reads");
    Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
}

/// Runs `command` to its end: its output, and the CPU time (user + system)
/// of that process alone (other tests' children are not counted). The
/// child is reaped by `wait4`, which gives its own usage; `Child::wait`
/// would not.
#[allow(clippy::zombie_processes)]
pub fn run_child(command: &mut Command) -> (Output, Duration) {
    let super::Capturing {
        child,
        stdout: out,
        stderr: err,
    } = super::spawn_capturing(command);
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value; wait4 writes it and `status`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "the child is waited for");
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    use std::os::unix::process::ExitStatusExt;
    let output = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    (output, time(usage.ru_utime) + time(usage.ru_stime))
}
