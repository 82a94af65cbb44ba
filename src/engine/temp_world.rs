//! The throwaway world each engine run writes into: a temporary folder
//! named after the process, so that the folders of runs that were killed
//! (Ctrl-C, a time-out in C code) are swept by the next run instead of
//! piling up in the temporary folder.

use std::path::Path;
use std::sync::Once;

const PREFIX: &str = "mtedu-world-";

/// Creates this run's world folder, after sweeping those of dead runs.
pub fn create() -> std::io::Result<tempfile::TempDir> {
    static SWEEP: Once = Once::new();
    let temp = std::env::temp_dir();
    SWEEP.call_once(|| sweep(&temp));
    tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .tempdir_in(temp)
}

/// Removes the world folders whose process is gone.
fn sweep(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_is_alive(pid) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            // Best effort: another sweeping run may remove it first.
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn process_is_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_dead_runs_are_swept_and_live_ones_kept() {
        let temp = tempfile::tempdir().unwrap();
        // No process has a pid this large (pid_max is at most 2^22).
        let dead = temp.path().join(format!("{PREFIX}{}-abc", u32::MAX - 1));
        let live = temp
            .path()
            .join(format!("{PREFIX}{}-abc", std::process::id()));
        let other = temp.path().join("mtedu-world-notapid");
        for dir in [&dead, &live, &other] {
            std::fs::create_dir_all(dir.join("inside")).unwrap();
        }
        sweep(temp.path());
        assert!(!dead.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
