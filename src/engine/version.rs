//! The engine versions mtedu knows, each with facts measured on its real
//! server (`data/engine/<version>/`): Debian 12's Minetest 5.6.1, Debian 13's
//! Luanti 5.10 and Luanti 5.15. A mod is checked against one of them, the
//! target, chosen once per run (see `cli::engine_choice`).

use std::fmt;

/// One engine version mtedu simulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EngineVersion {
    /// Minetest 5.6.1 (Debian 12).
    V5_6,
    /// Luanti 5.10.0 (Debian 13).
    V5_10,
    /// Luanti 5.15.2 (Debian sid).
    V5_15,
}

/// The library's default is Debian 12's 5.6.1, which most differential
/// tests run; commands pass the version chosen for the run.
impl Default for EngineVersion {
    fn default() -> Self {
        Self::V5_6
    }
}

impl EngineVersion {
    /// Oldest first.
    pub const ALL: [EngineVersion; 3] = [Self::V5_6, Self::V5_10, Self::V5_15];

    /// Measured: Minetest 5.6.1 leaves out a mod whose dependencies are
    /// missing and starts; Luanti 5.10 and 5.15 refuse to start ("Some
    /// mods have unsatisfied dependencies"), loading no mod
    /// (`tests/it/engine_broken_mods.rs`).
    pub fn missing_dependency_stops_start(self) -> bool {
        self >= Self::V5_10
    }

    /// The version's place in [`EngineVersion::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn newest() -> EngineVersion {
        Self::V5_15
    }

    /// The release measured, as its server's `--version` writes it.
    pub fn measured(self) -> &'static str {
        match self {
            Self::V5_6 => "5.6.1",
            Self::V5_10 => "5.10.0",
            Self::V5_15 => "5.15.2",
        }
    }

    /// The short name users write (`--engine 5.10`) and messages show.
    pub fn short(self) -> &'static str {
        match self {
            Self::V5_6 => "5.6",
            Self::V5_10 => "5.10",
            Self::V5_15 => "5.15",
        }
    }

    /// The engine's name in that version: Minetest before 5.10, then Luanti.
    pub fn product(self) -> &'static str {
        match self {
            Self::V5_6 => "Minetest",
            Self::V5_10 | Self::V5_15 => "Luanti",
        }
    }

    /// `5.6`, `5.6.1`, `5.10`, `5.10.0`, `5.15`, `5.15.2`, with or
    /// without a leading `Luanti `/`Minetest `.
    pub fn parse(text: &str) -> Option<EngineVersion> {
        let (major, minor, _) = numbers(text.trim())?;
        Self::ALL
            .into_iter()
            .find(|v| numbers(v.measured()).is_some_and(|(a, b, _)| (a, b) == (major, minor)))
    }

    /// The known version whose facts fit a server reporting `text` (its
    /// `--version` first line): the newest known one not newer than it,
    /// the oldest for older servers. `None` when no version is in the text.
    pub fn for_reported(text: &str) -> Option<EngineVersion> {
        let word = text
            .split_whitespace()
            .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
        let reported = numbers(word)?;
        let fitting = Self::ALL
            .into_iter()
            .rev()
            .find(|v| numbers(v.measured()).is_some_and(|known| known <= reported));
        Some(fitting.unwrap_or(Self::V5_6))
    }

    /// The folder of its facts under `data/engine/`.
    pub fn data_folder(self) -> &'static str {
        self.measured()
    }
}

impl fmt::Display for EngineVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.product(), self.measured())
    }
}

/// `(major, minor, patch)` of `5.10.0`, `5.10` (patch 0), `5.10.0-dev`.
fn numbers(text: &str) -> Option<(u32, u32, u32)> {
    let text = text
        .trim_start_matches("Luanti ")
        .trim_start_matches("Minetest ");
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    let patch = parts
        .next()
        .map(|p| {
            p.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    Some((major, minor, patch))
}

/// One value per engine version, each made the first time it is asked
/// for: a run needs the facts of its one target.
pub struct PerVersion<T>([std::sync::OnceLock<T>; EngineVersion::ALL.len()]);

impl<T> PerVersion<T> {
    pub const fn new() -> Self {
        PerVersion([const { std::sync::OnceLock::new() }; EngineVersion::ALL.len()])
    }

    /// The value of `version`, made by `make` if it is not yet.
    pub fn get(&self, version: EngineVersion, make: impl FnOnce() -> T) -> &T {
        self.0[version.index()].get_or_init(make)
    }
}

impl<T> Default for PerVersion<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::EngineVersion::*;
    use super::*;

    #[test]
    fn each_version_has_its_own_place() {
        for (at, version) in EngineVersion::ALL.into_iter().enumerate() {
            assert_eq!(version.index(), at, "{version}");
        }
        let made: PerVersion<EngineVersion> = PerVersion::new();
        for version in EngineVersion::ALL {
            assert_eq!(*made.get(version, || version), version);
            assert_eq!(*made.get(version, || V5_6), version, "made once");
        }
    }

    #[test]
    fn short_and_long_forms_parse() {
        for (text, version) in [
            ("5.6", V5_6),
            ("5.6.1", V5_6),
            ("5.10", V5_10),
            ("Luanti 5.10.0", V5_10),
            ("5.15.2", V5_15),
        ] {
            assert_eq!(EngineVersion::parse(text), Some(version), "{text}");
        }
        assert_eq!(EngineVersion::parse("5.8"), None);
        assert_eq!(EngineVersion::parse("six"), None);
    }

    #[test]
    fn a_reported_server_gets_the_newest_known_facts_not_newer_than_it() {
        assert_eq!(
            EngineVersion::for_reported("Minetest 5.6.1 (Linux)"),
            Some(V5_6)
        );
        assert_eq!(
            EngineVersion::for_reported("Minetest 5.4.1 (Linux)"),
            Some(V5_6)
        );
        assert_eq!(
            EngineVersion::for_reported("Luanti 5.12.0 (Linux)"),
            Some(V5_10)
        );
        assert_eq!(
            EngineVersion::for_reported("Luanti 5.15.2 (Linux)"),
            Some(V5_15)
        );
        assert_eq!(
            EngineVersion::for_reported("Luanti 5.16.0-dev"),
            Some(V5_15)
        );
        assert_eq!(EngineVersion::for_reported("garbage"), None);
    }
}
