//! Pupil keys: the class code is shared by the whole class, so on its own
//! it lets any PC push under any pupil's name. The first push for a name
//! gets a key of its own, which `class join` keeps on that pupil's PC
//! (`~/.mtedu/class-keys.toml`); later pushes for that name need it. A
//! second PC trying the name is refused, and the animator sees it on the
//! pupil's row, with a button to let the pupil start again from a new PC.
//! Both files are TOML tables written through a temporary file and a rename.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::secret::{random_text, same_secret};

/// The class PC's file, in the class's state folder.
pub const CLASS_KEYS: &str = "pupil-keys.toml";
/// The pupil PC's file, under the home folder.
pub const PUPIL_KEYS: &str = ".mtedu/class-keys.toml";

fn read_table(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_table(path: &Path, table: &BTreeMap<String, String>) -> std::io::Result<()> {
    let text = toml::to_string(table).map_err(std::io::Error::other)?;
    crate::serve::world::write_atomically(path, text.as_bytes())
        .map_err(|error| std::io::Error::other(error.to_string()))
}

/// What a push's key says.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyCheck {
    /// The name's key: go on.
    Known,
    /// The name's first push: this new key goes back to the pupil's PC.
    Issued(String),
    /// The name has a key and this is not it: another PC.
    Wrong,
}

/// The class PC's keys, one per pupil name.
pub struct ClassKeys {
    path: PathBuf,
    keys: Mutex<BTreeMap<String, String>>,
}

impl ClassKeys {
    /// The keys kept in `state_dir` (none yet when the file is missing).
    pub fn open(state_dir: &Path) -> ClassKeys {
        let path = state_dir.join(CLASS_KEYS);
        let keys = Mutex::new(read_table(&path));
        ClassKeys { path, keys }
    }

    /// Checks `given` (empty: none sent) for `pupil`, issuing a key on
    /// the first push.
    pub fn check(&self, pupil: &str, given: &str) -> std::io::Result<KeyCheck> {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        match keys.get(pupil) {
            Some(key) if same_secret(given, key) => Ok(KeyCheck::Known),
            Some(_) => Ok(KeyCheck::Wrong),
            None => {
                let key = random_text(24)?;
                keys.insert(pupil.to_owned(), key.clone());
                write_table(&self.path, &keys)?;
                Ok(KeyCheck::Issued(key))
            }
        }
    }

    /// Forgets `pupil`'s key: their next push, from any PC, gets a new one.
    pub fn forget(&self, pupil: &str) -> std::io::Result<()> {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        if keys.remove(pupil).is_some() {
            write_table(&self.path, &keys)?;
        }
        Ok(())
    }
}

/// The entry of one class and pupil in the pupil's file: the class code
/// names the class (the class PC's address may change from one session
/// to the next).
fn entry(code: &str, pupil: &str) -> String {
    format!("{}/{pupil}", code.trim().to_ascii_uppercase())
}

/// The key this PC keeps for `pupil` in the class of `code`.
pub fn pupil_key(file: &Path, code: &str, pupil: &str) -> Option<String> {
    read_table(file).remove(&entry(code, pupil))
}

/// Keeps `key` for `pupil` in the class of `code`.
pub fn keep_pupil_key(file: &Path, code: &str, pupil: &str, key: &str) -> std::io::Result<()> {
    let mut table = read_table(file);
    table.insert(entry(code, pupil), key.to_owned());
    write_table(file, &table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_push_gets_a_key_and_another_pc_is_refused_until_forgotten() {
        let temp = tempfile::tempdir().unwrap();
        let keys = ClassKeys::open(temp.path());
        let KeyCheck::Issued(alice) = keys.check("alice", "").unwrap() else {
            panic!("a first key");
        };
        assert_eq!(keys.check("alice", &alice).unwrap(), KeyCheck::Known);
        assert_eq!(keys.check("alice", "").unwrap(), KeyCheck::Wrong);
        assert_eq!(keys.check("alice", "OTHER").unwrap(), KeyCheck::Wrong);
        // Kept across sessions.
        let again = ClassKeys::open(temp.path());
        assert_eq!(again.check("alice", &alice).unwrap(), KeyCheck::Known);
        again.forget("alice").unwrap();
        assert!(matches!(
            again.check("alice", "").unwrap(),
            KeyCheck::Issued(_)
        ));

        let file = temp.path().join("home/.mtedu/class-keys.toml");
        assert_eq!(pupil_key(&file, "k7p2qx", "alice"), None);
        keep_pupil_key(&file, "k7p2qx", "alice", "KEY").unwrap();
        assert_eq!(pupil_key(&file, "K7P2QX", "alice").as_deref(), Some("KEY"));
        assert_eq!(pupil_key(&file, "K7P2QX", "bob"), None);
    }
}
