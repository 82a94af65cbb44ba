//! Links out of a watched mod's folder, refused as `install` refuses them:
//! a pupil who replaces the folder (or a file or folder inside) by a link
//! to a folder of the teacher's would have serve copy it as the last good
//! version and the server read it, where every other pupil's mod may read
//! it too. A link that stays inside the folder is fine; one whose target
//! is missing leads nowhere (editors' lock files are such links).

use std::path::{Path, PathBuf};

/// A link that leads out of a watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOut {
    pub link: PathBuf,
    /// Where it points, as the link says.
    pub target: PathBuf,
}

/// The real folder of the watched mod `dir` when serve starts: its
/// canonical path, or the link when `dir` is itself a link leading out of
/// the folder that holds it.
pub fn root_of(dir: &Path) -> Result<PathBuf, LinkOut> {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let Ok(real) = absolute.canonicalize() else {
        return Ok(absolute);
    };
    if absolute.is_symlink() {
        let holder = absolute
            .parent()
            .and_then(|parent| parent.canonicalize().ok())
            .unwrap_or_default();
        if !real.starts_with(&holder) {
            return Err(LinkOut {
                target: std::fs::read_link(&absolute).unwrap_or(real),
                link: absolute,
            });
        }
    }
    Ok(real)
}

/// The first link out of the watched mod `dir`, whose real folder was
/// `root` when serve started: `dir` itself when it now leads elsewhere
/// (the folder was replaced by a link), else a link under it whose target
/// is outside. Links are looked at, never followed.
pub fn link_out(dir: &Path, root: &Path) -> Option<LinkOut> {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    match absolute.canonicalize() {
        Ok(real) if real != root => {
            return Some(LinkOut {
                target: std::fs::read_link(&absolute).unwrap_or(real),
                link: absolute,
            });
        }
        Ok(_) => {}
        // Gone: the check says so.
        Err(_) => return None,
    }
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_symlink()
                && let Ok(real) = path.canonicalize()
                && !real.starts_with(root)
            {
                return Some(LinkOut {
                    target: std::fs::read_link(&path).unwrap_or(real),
                    link: path,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_inside_pass_links_out_and_a_replaced_folder_do_not() {
        let class = tempfile::tempdir().unwrap();
        let teacher = tempfile::tempdir().unwrap();
        let dir = class.path().join("pupil");
        std::fs::create_dir_all(dir.join("textures")).unwrap();
        std::os::unix::fs::symlink("textures", dir.join("images")).unwrap();
        std::os::unix::fs::symlink("nowhere@host.123", dir.join(".#init.lua")).unwrap();
        let root = root_of(&dir).unwrap();
        assert_eq!(link_out(&dir, &root), None);

        std::os::unix::fs::symlink(teacher.path(), dir.join("sounds")).unwrap();
        let out = link_out(&dir, &root).unwrap();
        assert_eq!(out.link, root.join("sounds"));
        assert_eq!(out.target, teacher.path());
        std::fs::remove_file(dir.join("sounds")).unwrap();

        std::fs::rename(&dir, class.path().join("old")).unwrap();
        std::os::unix::fs::symlink(teacher.path(), &dir).unwrap();
        assert_eq!(link_out(&dir, &root).unwrap().target, teacher.path());
        assert_eq!(root_of(&dir).unwrap_err().target, teacher.path());
    }
}
