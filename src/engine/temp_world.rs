//! The throwaway world each engine run writes into: a temporary folder
//! named after the process ([`crate::leftovers`]), so that the folders of
//! runs that were killed (Ctrl-C, code stuck in C) are swept by the next
//! run instead of piling up in the temporary folder.

use std::sync::Once;

const PREFIX: &str = "mtedu-world-";

/// Creates this run's world folder, after sweeping those of dead runs.
pub fn create() -> std::io::Result<tempfile::TempDir> {
    static SWEEP: Once = Once::new();
    let temp = std::env::temp_dir();
    // Only the owner's death counts: a live run's world may sit untouched
    // for hours (a long `mtedu serve`).
    SWEEP.call_once(|| crate::leftovers::remove_stale(&temp, &[PREFIX], None));
    tempfile::Builder::new()
        .prefix(&crate::leftovers::prefix(PREFIX))
        .tempdir_in(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_dead_runs_are_swept_and_live_ones_kept() {
        let temp = tempfile::tempdir().unwrap();
        // No process has a pid this large (pid_max is at most 2^22).
        let dead = temp.path().join(format!("{PREFIX}{}-abc", u32::MAX - 1));
        let live = temp.path().join(crate::leftovers::prefix(PREFIX) + "abc");
        let other = temp.path().join("mtedu-world-notapid");
        for dir in [&dead, &live, &other] {
            std::fs::create_dir_all(dir.join("inside")).unwrap();
        }
        crate::leftovers::remove_stale(temp.path(), &[PREFIX], None);
        assert!(!dead.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
