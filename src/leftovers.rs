//! Temporary files and folders named after the process that made them
//! (`<kind><pid>-…`), and the removal of those a killed run left behind:
//! a run stopped outright (`kill -9`, a power cut, code stuck in C) cannot
//! tidy up, and what it leaves may weigh hundreds of megabytes. `pack` and
//! `install` (beside their output) and the embedded engine's throwaway
//! worlds (in the temporary folder) name theirs this way.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// The name prefix of this run's temporary files of one kind: the process
/// id in the name tells later runs whether the owner is still alive.
pub fn prefix(kind: &str) -> String {
    format!("{kind}{}-", std::process::id())
}

/// Removes, in `dir`, the files and folders named with one of `kinds`
/// whose process is gone, or (with `abandoned_after`) that nothing has
/// touched for that long, whoever owns them (a process id may have been
/// reused). Failures are ignored: this is tidying, not the job.
pub fn remove_stale(dir: &Path, kinds: &[&str], abandoned_after: Option<Duration>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|name| kinds.iter().find_map(|k| name.strip_prefix(k)))
        else {
            continue;
        };
        let owner = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        let Ok(metadata) = entry.path().symlink_metadata() else {
            continue;
        };
        let untouched = abandoned_after.is_some_and(|limit| {
            metadata
                .modified()
                .ok()
                .and_then(|time| SystemTime::now().duration_since(time).ok())
                .is_some_and(|age| age > limit)
        });
        let owner_gone = owner.is_some_and(|pid| pid != std::process::id() && !is_running(pid));
        if !(owner_gone || untouched) {
            continue;
        }
        let _ = if metadata.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
    }
}

/// True when a process with this id exists.
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere the owner cannot be asked: only the age counts.
#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = ".mtedu-pack-";
    const INSTALL: &str = ".mtedu-install-";

    #[test]
    fn only_leftovers_of_dead_runs_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        // No process has id 4194303 + 1 (above Linux's pid_max).
        let dead = format!("{PACK}4194304-abc.zip");
        let mine = format!("{}abc.zip", prefix(PACK));
        std::fs::write(dir.join(&dead), "half").unwrap();
        std::fs::write(dir.join(&mine), "live").unwrap();
        std::fs::create_dir_all(dir.join(format!("{INSTALL}4194304-x/mod"))).unwrap();
        std::fs::write(dir.join(".mtedu-pack-notes.txt"), "no pid, recent").unwrap();
        std::fs::write(dir.join("mine.zip"), "not temporary").unwrap();
        remove_stale(dir, &[PACK, INSTALL], Some(Duration::from_secs(3600)));
        let mut left: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut expected = vec![
            ".mtedu-pack-notes.txt".to_owned(),
            mine,
            "mine.zip".to_owned(),
        ];
        expected.sort();
        assert_eq!(left, expected);
    }
}
