//! Files a test makes unreadable with `chmod 000`, and running code as a
//! user the permissions apply to. Root reads everything, so when the tests
//! run as root (CI containers often do), the calling thread gives up root's
//! file access for the duration (`setfsuid` to `nobody`, which also drops
//! the capabilities that bypass permissions): the code under test meets the
//! kernel's real "permission denied", not a simulation.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The `nobody` user and group of Debian.
const NOBODY: libc::uid_t = 65534;

/// Makes each path unreadable (`chmod 000`); the folder that holds them
/// (and `root` itself) stays open to everyone so `nobody` reaches them.
pub fn make_unreadable(root: &Path, paths: &[PathBuf]) {
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    for path in paths {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000))
            .unwrap_or_else(|e| panic!("chmod 000 {}: {e}", path.display()));
    }
}

/// Gives the paths their permissions back, so the temporary folder can be removed.
pub fn make_readable(paths: &[PathBuf]) {
    for path in paths {
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
}

/// Runs `f` with file access checked against the permissions: unchanged
/// for an ordinary user, as `nobody` on this thread when running as root.
/// Panics (never skips) when the permissions would still not apply, so a
/// test cannot pass without meeting a real read error.
pub fn without_root<T>(probe: &Path, f: impl FnOnce() -> T) -> T {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        set_fs_ids(NOBODY);
    }
    let denied = std::fs::File::open(probe).is_err() && std::fs::read_dir(probe).is_err();
    let reachable = probe
        .parent()
        .is_some_and(|up| std::fs::read_dir(up).is_ok());
    let result = (denied && reachable).then(f);
    if root {
        set_fs_ids(0);
    }
    assert!(
        reachable,
        "{}: the user nobody cannot reach the test's temporary folder; \
         set TMPDIR to a folder everyone may open, such as /tmp",
        probe.display()
    );
    result.unwrap_or_else(|| {
        panic!(
            "{} can still be read: this test needs file permissions to apply \
             (as root it switches this thread to the user nobody with setfsuid)",
            probe.display()
        )
    })
}

/// Sets the file-system user and group of the calling thread only (the raw
/// system calls act per thread; other tests running in parallel keep root).
fn set_fs_ids(id: libc::uid_t) {
    // SAFETY: the system calls take a plain id and change only this
    // thread's credentials; their return value is the previous id.
    unsafe {
        libc::syscall(libc::SYS_setfsgid, id as libc::c_long);
        libc::syscall(libc::SYS_setfsuid, id as libc::c_long);
    }
}

/// The `mtedu` binary run in `dir` as an ordinary user: unchanged for one,
/// as `nobody` (the whole process) when the tests run as root. When
/// `nobody` cannot reach the built binary (a checkout under `/root`), a
/// copy in `dir` is run instead.
pub fn mtedu_without_root(dir: &Path) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return super::mtedu_command(dir);
    }
    let built = Path::new(env!("CARGO_BIN_EXE_mtedu"));
    let program = if open_to_everyone(built) {
        built.to_path_buf()
    } else {
        let copy = dir.join(".mtedu-for-nobody");
        std::fs::copy(built, &copy).unwrap();
        copy
    };
    let mut command = super::mtedu_command(dir);
    command.env("HOME", dir);
    // Same options, another program: `Command` cannot change its program.
    let mut unprivileged = std::process::Command::new(program);
    unprivileged.current_dir(dir);
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => unprivileged.env(key, value),
            None => unprivileged.env_remove(key),
        };
    }
    // SAFETY: only async-signal-safe system calls run between fork and exec.
    unsafe {
        unprivileged.pre_exec(|| {
            if libc::setgroups(0, std::ptr::null()) != 0
                || libc::setgid(NOBODY) != 0
                || libc::setuid(NOBODY) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    unprivileged
}

/// True when every folder above `path` may be crossed and `path` run by anyone.
fn open_to_everyone(path: &Path) -> bool {
    let mode = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.permissions().mode());
    mode(path) & 0o001 != 0 && path.ancestors().skip(1).all(|dir| mode(dir) & 0o001 != 0)
}

/// Runs `command` to the end. A binary copied a moment ago may still be
/// open for writing in a child another test thread is forking ("text file
/// busy"): that passes within moments, so it is retried.
pub fn output(command: &mut std::process::Command) -> std::process::Output {
    for _ in 0..50 {
        match command.output() {
            Err(error) if error.raw_os_error() == Some(libc::ETXTBSY) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            result => return result.expect("mtedu runs"),
        }
    }
    panic!("the copied mtedu binary stayed busy")
}
