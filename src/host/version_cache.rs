//! The versions engine programs reported, kept between runs in
//! `<cache>/engine-versions` (`$XDG_CACHE_HOME/mtedu`, else
//! `~/.cache/mtedu`). Asking a server `--version` starts it: 20 ms on an
//! idle PC and 60 ms under load, which every `check`, `lint` and `test`
//! would pay before its own work. An answer is reused only while the
//! program file, and every program its wrapper script names by absolute path
//! (Debian's `/usr/games/minetestserver` runs `/usr/lib/minetest/…`), keeps
//! its size, modification time and inode — what ccache trusts for a
//! compiler. A cache that cannot be read or written is not an error: the
//! program is asked, as without one.

use std::path::{Path, PathBuf};

/// The file's name inside the cache folder.
const FILE_NAME: &str = "engine-versions";
/// First line of the file; another one means another layout: ignored.
const HEADER: &str = "mtedu engine-versions 1";
/// The kind of this cache's temporary files (see `leftovers`).
const TEMPORARY: &str = ".writing-";
/// A wrapper script longer than this is not read for the paths it names.
const SCRIPT_CAP: u64 = 64 * 1024;

/// `(name, version)` that `program` reports, from the cache when the
/// program is unchanged, else from `ask` (whose answer is then kept).
pub fn reported(
    program: &Path,
    cache_dir: Option<&Path>,
    ask: impl FnOnce() -> Option<(String, String)>,
) -> Option<(String, String)> {
    let (Some(dir), Some(key)) = (cache_dir, fingerprint(program)) else {
        return ask();
    };
    let file = dir.join(FILE_NAME);
    let mut entries = read_entries(&file);
    if let Some((_, name, version)) = entries.iter().find(|(k, ..)| *k == key) {
        return Some((name.clone(), version.clone()));
    }
    let answer = ask()?;
    // The old answer for this program goes, and those of programs gone
    // (a test's temporary server, an engine removed).
    entries.retain(|(k, ..)| !same_program(k, &key) && program_of(k).is_file());
    entries.push((key, answer.0.clone(), answer.1.clone()));
    // Best effort: a read-only home only costs the next run the question.
    let _ = write_entries(dir, &file, &entries);
    Some(answer)
}

/// One line per file: `path\tsize\tmtime_ns\tinode`, the program first.
fn fingerprint(program: &Path) -> Option<String> {
    let mut files = vec![program.to_path_buf()];
    files.extend(named_in_script(program));
    let mut key = String::new();
    for file in files {
        let stamp = stamp_of(&file)?;
        key.push_str(&format!("{}\t{stamp}\n", file.display()));
    }
    Some(key)
}

#[cfg(unix)]
fn stamp_of(file: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(file).ok()?;
    Some(format!(
        "{}\t{}.{}\t{}",
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ino()
    ))
}

#[cfg(not(unix))]
fn stamp_of(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?;
    Some(format!("{}\t{modified:?}", meta.len()))
}

/// The programs a small `#!` script names by absolute path.
fn named_in_script(program: &Path) -> Vec<PathBuf> {
    let small = std::fs::metadata(program).is_ok_and(|m| m.len() <= SCRIPT_CAP);
    let Some(text) = small.then(|| std::fs::read(program).ok()).flatten() else {
        return Vec::new();
    };
    if !text.starts_with(b"#!") {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&text);
    let mut found: Vec<PathBuf> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '`'))
        .filter(|word| word.starts_with('/'))
        .map(PathBuf::from)
        .filter(|path| is_program(path))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// An executable file: what a wrapper runs (its configuration and log
/// files change without changing the answer).
#[cfg(unix)]
fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(path: &Path) -> bool {
    path.is_file()
}

/// The program's path: the start of its fingerprint.
fn program_of(key: &str) -> &Path {
    Path::new(key.split('\t').next().unwrap_or_default())
}

fn same_program(a: &str, b: &str) -> bool {
    program_of(a) == program_of(b)
}

type Entry = (String, String, String);

/// Entries are blocks: the fingerprint's lines, then `=\tname\tversion`.
fn read_entries(file: &Path) -> Vec<Entry> {
    let Ok(text) = std::fs::read_to_string(file) else {
        return Vec::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Vec::new();
    }
    let mut entries = Vec::new();
    let mut key = String::new();
    for line in lines {
        match line
            .strip_prefix("=\t")
            .and_then(|rest| rest.split_once('\t'))
        {
            Some((name, version)) => {
                entries.push((
                    std::mem::take(&mut key),
                    name.to_owned(),
                    version.to_owned(),
                ));
            }
            None => {
                key.push_str(line);
                key.push('\n');
            }
        }
    }
    entries
}

/// Written to a temporary file, then renamed over the old one.
fn write_entries(dir: &Path, file: &Path, entries: &[Entry]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut text = format!("{HEADER}\n");
    for (key, name, version) in entries {
        text.push_str(key);
        text.push_str(&format!("=\t{name}\t{version}\n"));
    }
    // What a run killed while writing left is swept first.
    crate::leftovers::remove_stale(dir, &[TEMPORARY], None);
    let temporary = dir.join(format!(
        "{}{FILE_NAME}",
        crate::leftovers::prefix(TEMPORARY)
    ));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, file).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(version: &str) -> Option<(String, String)> {
        Some(("Minetest".to_owned(), version.to_owned()))
    }

    fn make_executable(path: &Path) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    #[test]
    fn an_unchanged_program_is_not_asked_again() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("server");
        std::fs::write(&program, "binary").unwrap();
        let cache = dir.path().join("cache");
        assert_eq!(
            reported(&program, Some(&cache), || answer("5.6.1")),
            answer("5.6.1")
        );
        let again = reported(&program, Some(&cache), || panic!("asked again"));
        assert_eq!(again, answer("5.6.1"));
    }

    #[test]
    fn a_changed_program_or_a_file_its_script_runs_is_asked_again() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("real-server");
        std::fs::write(&binary, "old").unwrap();
        make_executable(&binary);
        let script = dir.path().join("server");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nexec \"{}\" \"$@\"\n", binary.display()),
        )
        .unwrap();
        let cache = dir.path().join("cache");
        reported(&script, Some(&cache), || answer("5.6.1"));
        std::fs::write(&binary, "newer").unwrap();
        assert_eq!(
            reported(&script, Some(&cache), || answer("5.10.0")),
            answer("5.10.0")
        );
        std::fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
        assert_eq!(
            reported(&script, Some(&cache), || answer("5.15.2")),
            answer("5.15.2")
        );
        // One entry per program: the file does not grow with each change,
        // nor keep programs that are gone.
        let text = std::fs::read_to_string(cache.join(FILE_NAME)).unwrap();
        assert_eq!(text.matches("\n=\t").count(), 1, "{text}");
        let other = dir.path().join("other-server");
        std::fs::write(&other, "binary").unwrap();
        std::fs::remove_file(&script).unwrap();
        reported(&other, Some(&cache), || answer("5.6.1"));
        let text = std::fs::read_to_string(cache.join(FILE_NAME)).unwrap();
        assert!(!text.contains(&script.display().to_string()), "{text}");
    }

    #[test]
    fn a_broken_or_unwritable_cache_only_means_asking() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("server");
        std::fs::write(&program, "binary").unwrap();
        let cache = dir.path().join("cache");
        std::fs::create_dir_all(&cache).unwrap();
        std::fs::write(cache.join(FILE_NAME), "garbage\n=\tx\n\0").unwrap();
        assert_eq!(
            reported(&program, Some(&cache), || answer("5.6.1")),
            answer("5.6.1")
        );
        let blocked = dir.path().join("a-file");
        std::fs::write(&blocked, "").unwrap();
        assert_eq!(
            reported(&program, Some(&blocked), || answer("5.6.1")),
            answer("5.6.1")
        );
        assert_eq!(reported(&program, None, || None), None);
    }
}
