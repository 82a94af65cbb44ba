//! A mod: its `mod.conf` (or the legacy `depends.txt` / `description.txt`)
//! and the name and dependencies the engine would give it.

use std::path::{Path, PathBuf};

use super::conf::{ConfDoc, split_list};
use super::folder_name;

/// Where a dependency was declared, for pointing at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepOrigin {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// One entry of `depends` / `optional_depends` (or a `depends.txt` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    pub name: String,
    pub optional: bool,
    pub origin: DepOrigin,
}

/// A mod folder as the engine would load it.
#[derive(Debug, Clone)]
pub struct ModInfo {
    pub dir: PathBuf,
    /// The name the engine uses: `name` from mod.conf, else the folder name.
    pub name: String,
    pub conf: Option<ConfDoc>,
    pub dependencies: Vec<Dependency>,
    /// True when the dependencies came from the legacy `depends.txt`.
    pub uses_depends_txt: bool,
    pub has_init_lua: bool,
}

impl ModInfo {
    /// Reads the mod in `dir`. Never fails: a missing or broken mod.conf
    /// leaves the fields that depend on it empty.
    pub fn read(dir: &Path) -> ModInfo {
        let conf = ConfDoc::read(&dir.join("mod.conf"));
        let name = conf
            .as_ref()
            .and_then(|conf| conf.get("name"))
            .map(str::to_owned)
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| folder_name(dir));
        let mut dependencies = Vec::new();
        let mut uses_depends_txt = false;
        let conf_declares = conf
            .as_ref()
            .is_some_and(|c| c.get("depends").is_some() || c.get("optional_depends").is_some());
        if let Some(conf) = conf.as_ref().filter(|_| conf_declares) {
            for (key, optional) in [("depends", false), ("optional_depends", true)] {
                if let Some(entry) = conf.conf.get(key) {
                    for item in split_list(&entry.value) {
                        dependencies.push(Dependency {
                            name: item.text,
                            optional,
                            origin: DepOrigin {
                                path: conf.path.clone(),
                                line: entry.line,
                                column: entry.value_column + item.offset,
                            },
                        });
                    }
                }
            }
        } else if let Some(deps) = read_depends_txt(&dir.join("depends.txt")) {
            uses_depends_txt = true;
            dependencies = deps;
        }
        ModInfo {
            dir: dir.to_path_buf(),
            name,
            conf,
            dependencies,
            uses_depends_txt,
            has_init_lua: dir.join("init.lua").is_file(),
        }
    }

    /// The `.tr`, `.po` and `.mo` files in the mod's `locale/` folder. Read
    /// on demand: only the translation rules need them.
    pub fn locale_files(&self) -> Vec<super::LocaleFile> {
        super::locale_files(&self.dir)
    }

    /// The folder name, which may differ from [`ModInfo::name`].
    pub fn folder_name(&self) -> String {
        folder_name(&self.dir)
    }
}

/// Reads `depends.txt`: one mod name a line, `?` at the end for optional.
fn read_depends_txt(path: &Path) -> Option<Vec<Dependency>> {
    let bytes = crate::content::read_regular(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut deps = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (name, optional) = match trimmed.strip_suffix('?') {
            Some(name) => (name.trim(), true),
            None => (trimmed, false),
        };
        deps.push(Dependency {
            name: name.to_owned(),
            optional,
            origin: DepOrigin {
                path: path.to_path_buf(),
                line: index + 1,
                column: raw.chars().take_while(|c| c.is_whitespace()).count() + 1,
            },
        });
    }
    Some(deps)
}
