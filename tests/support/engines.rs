//! The real servers the differential tests compare against: Debian's
//! Minetest 5.6.1 (`minetest-server`) and the Luanti 5.10 and 5.15 root
//! folders `scripts/get-engine.sh` puts in `target/engines/` (or in
//! `$MTEDU_ENGINES_DIR`). A missing one is skipped, unless
//! `MTEDU_REQUIRE_ENGINE=1`: then the test fails, saying how to get it.

use std::path::{Path, PathBuf};

use mtedu::engine::EngineVersion;

use super::real_server::{DEBIAN_GAMES, DEBIAN_SERVER};

/// One real server on this machine.
#[derive(Debug, Clone)]
pub struct RealEngine {
    pub version: EngineVersion,
    pub binary: PathBuf,
    /// Its data folder: `builtin/`, `games/`, `textures/`.
    pub share: PathBuf,
}

impl RealEngine {
    /// A game this server ships.
    pub fn game(&self, name: &str) -> PathBuf {
        self.share.join("games").join(name)
    }
}

/// The folder holding the modern servers' root folders.
pub fn engines_dir() -> PathBuf {
    std::env::var_os("MTEDU_ENGINES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/engines"))
}

/// The server of `version`, or `None` (after checking MTEDU_REQUIRE_ENGINE).
pub fn get(version: EngineVersion) -> Option<RealEngine> {
    let engine = match version {
        EngineVersion::V5_6 => RealEngine {
            version,
            binary: PathBuf::from(DEBIAN_SERVER),
            share: Path::new(DEBIAN_GAMES).parent().unwrap().to_path_buf(),
        },
        _ => {
            let root = engines_dir().join(version.short());
            RealEngine {
                version,
                binary: root.join("luantiserver"),
                share: root.join("usr/share/luanti"),
            }
        }
    };
    if engine.binary.is_file() {
        return Some(engine);
    }
    let fix = match version {
        EngineVersion::V5_6 => "apt-get install minetest-server".to_owned(),
        _ => format!(
            "scripts/get-engine.sh {0} {1}/{0}",
            version.short(),
            engines_dir().display()
        ),
    };
    if std::env::var("MTEDU_REQUIRE_ENGINE").as_deref() == Ok("1") {
        panic!(
            "MTEDU_REQUIRE_ENGINE=1 but {} is missing: {fix}",
            engine.binary.display()
        );
    }
    eprintln!(
        "skipping {version}: {} is missing ({fix})",
        engine.binary.display()
    );
    None
}

/// Every server this machine has, oldest first.
pub fn all() -> Vec<RealEngine> {
    EngineVersion::ALL.into_iter().filter_map(get).collect()
}
