//! Which pupil names a class accepts. A name is a folder on the class PC
//! and the pupil's player name in the game, so it follows the engine's
//! player names (letters without accents, digits, `-`, `_`; at most 20),
//! no two differ only by case (Windows and USB sticks mix them up), and
//! none is a name Windows refuses for a folder.

use crate::serve::teacher::is_player_name;

/// Why a pupil name is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Not a player name; `suggestion` is one close to it (may be empty).
    Invalid { name: String, suggestion: String },
    /// Given twice (or twice but for case).
    Twice { name: String, other: String },
    /// A device name on Windows (`con`, `nul`, `com1`…).
    Reserved { name: String },
}

const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A usable name close to `name`: accents dropped (`Zoé` → `Zoe`), spaces
/// as `_`, other characters left out, at most 20.
pub fn suggest(name: &str) -> String {
    deunicode::deunicode(name.trim())
        .chars()
        .map(|c| if c == ' ' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(20)
        .collect()
}

/// Every problem with this list of names (empty when all are usable).
pub fn check_names(names: &[String]) -> Vec<NameProblem> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for name in names {
        if !is_player_name(name) {
            problems.push(NameProblem::Invalid {
                name: name.clone(),
                suggestion: suggest(name),
            });
            continue;
        }
        if WINDOWS_DEVICES.contains(&name.to_ascii_lowercase().as_str()) {
            problems.push(NameProblem::Reserved { name: name.clone() });
            continue;
        }
        if let Some(other) = seen.iter().find(|o| o.eq_ignore_ascii_case(name)) {
            problems.push(NameProblem::Twice {
                name: name.clone(),
                other: (*other).to_owned(),
            });
            continue;
        }
        seen.push(name);
    }
    problems
}

/// The names of a names file: one a line, blank lines and `#` comments
/// left out, spaces around a name trimmed.
pub fn names_in_file(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn accents_spaces_case_twins_and_devices_are_refused() {
        let problems = check_names(&names(&[
            "alice",
            "Zoé",
            "Alice",
            "con",
            "jean paul",
            "bob",
        ]));
        assert_eq!(
            problems,
            vec![
                NameProblem::Invalid {
                    name: "Zoé".into(),
                    suggestion: "Zoe".into()
                },
                NameProblem::Twice {
                    name: "Alice".into(),
                    other: "alice".into()
                },
                NameProblem::Reserved { name: "con".into() },
                NameProblem::Invalid {
                    name: "jean paul".into(),
                    suggestion: "jean_paul".into()
                },
            ]
        );
        assert!(check_names(&names(&["alice", "bob-2", "chloe_B"])).is_empty());
    }

    #[test]
    fn a_names_file_skips_blanks_and_comments() {
        let text = "# CM2 B\nalice\n\n  bob  # arrives late\nchloe\r\n";
        assert_eq!(names_in_file(text), names(&["alice", "bob", "chloe"]));
    }
}
