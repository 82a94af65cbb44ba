//! The engine version a run targets, chosen once: `--engine`, else the
//! version of the server this PC has (the one `mtedu doctor` lists first,
//! asked `--version`), else the newest mtedu knows. `-v` says which and
//! why, JSON output carries it.

use std::path::PathBuf;

use crate::engine::EngineVersion;
use crate::host::HostEnv;
use crate::host::engines::{EngineKind, find_programs, parse_version, run_version};
use crate::host::version_cache;

/// Why this version was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// `--engine` said so.
    Flag,
    /// The server program found on this PC reported this version.
    Server { program: PathBuf, reported: String },
    /// No server answered (or `--no-installed`): the newest known.
    Newest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineChoice {
    pub version: EngineVersion,
    pub reason: Reason,
}

/// `--engine` if given; else, unless `no_installed`, the first server
/// program's version; else the newest.
pub fn choose(flag: Option<EngineVersion>, no_installed: bool) -> EngineChoice {
    if let Some(version) = flag {
        return EngineChoice {
            version,
            reason: Reason::Flag,
        };
    }
    if !no_installed && let Some(choice) = from_server(&HostEnv::from_env()) {
        return choice;
    }
    EngineChoice {
        version: EngineVersion::newest(),
        reason: Reason::Newest,
    }
}

/// The version of the first server program of `env` that answers.
pub fn from_server(env: &HostEnv) -> Option<EngineChoice> {
    find_programs(env)
        .into_iter()
        .filter(|(_, kind, _)| *kind == EngineKind::Server)
        .find_map(|(program, _, _)| {
            let (name, reported) =
                version_cache::reported(&program, env.cache_dir.as_deref(), || {
                    parse_version(&run_version(&program, env.version_timeout)?)
                })?;
            let version = EngineVersion::for_reported(&reported)?;
            Some(EngineChoice {
                version,
                reason: Reason::Server {
                    program,
                    reported: format!("{name} {reported}"),
                },
            })
        })
}

/// The choice `mtedu doctor` reports from the programs it found: the
/// first server that said its version, else the newest.
pub fn from_engines(engines: &[crate::host::engines::Engine]) -> EngineChoice {
    engines
        .iter()
        .filter(|engine| engine.kind == EngineKind::Server)
        .find_map(|engine| {
            let reported = engine.version.as_deref()?;
            Some(EngineChoice {
                version: EngineVersion::for_reported(reported)?,
                reason: Reason::Server {
                    program: engine.path.clone(),
                    reported: format!("{} {reported}", engine.name),
                },
            })
        })
        .unwrap_or(EngineChoice {
            version: EngineVersion::newest(),
            reason: Reason::Newest,
        })
}

/// Parses `--engine` (5.6, 5.10, 5.15, or a full version such as 5.10.0).
pub fn parse_flag(text: &str) -> Result<EngineVersion, String> {
    EngineVersion::parse(text).ok_or_else(|| {
        let known: Vec<&str> = EngineVersion::ALL.iter().map(|v| v.short()).collect();
        format!("{text} (known: {})", known.join(", "))
    })
}

impl EngineChoice {
    /// The `engine` object of JSON output.
    pub fn json(&self) -> serde_json::Value {
        let (reason, program, reported) = match &self.reason {
            Reason::Flag => ("flag", None, None),
            Reason::Server { program, reported } => (
                "server",
                Some(program.display().to_string()),
                Some(reported.clone()),
            ),
            Reason::Newest => ("newest", None, None),
        };
        serde_json::json!({
            "version": self.version.short(),
            "measured": self.version.measured(),
            "reason": reason,
            "server": program,
            "reported": reported,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_and_names_a_known_version() {
        let choice = choose(Some(EngineVersion::V5_10), false);
        assert_eq!(choice.version, EngineVersion::V5_10);
        assert_eq!(choice.reason, Reason::Flag);
        assert!(parse_flag("5.8").unwrap_err().contains("5.6, 5.10, 5.15"));
    }

    #[test]
    fn without_a_server_the_newest_is_chosen() {
        let choice = choose(None, true);
        assert_eq!(choice.version, EngineVersion::newest());
        assert_eq!(choice.reason, Reason::Newest);
    }

    #[test]
    fn a_server_on_the_path_gives_its_version() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("luantiserver");
        std::fs::write(&program, "#!/bin/sh\necho 'Luanti 5.12.0 (Linux)'\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let env = HostEnv {
            root: dir.path().join("root"),
            home: None,
            user_path: None,
            path_dirs: vec![dir.path().to_path_buf()],
            cache_dir: None,
            version_timeout: std::time::Duration::from_secs(3),
            is_root: false,
        };
        let choice = from_server(&env).expect("the server answers");
        assert_eq!(choice.version, EngineVersion::V5_10);
        assert!(matches!(choice.reason, Reason::Server { .. }));
    }
}
