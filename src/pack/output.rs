//! Where `pack` writes its archive: `-o`, else `<name>.zip` in the current
//! folder (beside the package when that folder is the package itself).
//! Refuses a path inside the package (the archive would pack itself, and a
//! file of the package could be overwritten) and a file that exists but is
//! not a zip archive: only an older archive may be replaced, and only once
//! the new one is written and checked (the rename in `packer`).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::codes::{OUTPUT_INSIDE_PACKAGE, OUTPUT_NOT_AN_ARCHIVE};
use crate::diag::Diagnostic;

/// The archive's path for the package `dir` named `name`, or why not.
pub fn choose_output(
    given: Option<&Path>,
    dir: &Path,
    name: &str,
) -> Result<PathBuf, Box<Diagnostic>> {
    let package = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let output = match given {
        Some(path) => path.to_path_buf(),
        None => {
            let here = PathBuf::from(format!("{name}.zip"));
            match (is_inside(&here, &package), package.parent()) {
                (true, Some(parent)) => parent.join(here),
                _ => here,
            }
        }
    };
    if is_inside(&output, &package) {
        return Err(Box::new(
            Diagnostic::new(&OUTPUT_INSIDE_PACKAGE, &output).arg("name", name),
        ));
    }
    if (output.exists() || output.is_symlink()) && !is_zip_archive(&output) {
        return Err(Box::new(
            Diagnostic::new(&OUTPUT_NOT_AN_ARCHIVE, &output).arg("name", name),
        ));
    }
    Ok(output)
}

/// True when `path` (which may not exist yet) lies inside the folder
/// `package` (already canonical), links and `..` resolved.
fn is_inside(path: &Path, package: &Path) -> bool {
    let absolute = crate::content::absolute(path);
    // The nearest part that exists, resolved; the rest applied as given.
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        let Some(last) = existing.components().next_back() else {
            return false;
        };
        rest.push(last.as_os_str().to_os_string());
        if !existing.pop() {
            return false;
        }
    }
    let Ok(mut real) = existing.canonicalize() else {
        return false;
    };
    for part in rest.iter().rev() {
        if part == ".." {
            real.pop();
        } else if part != "." {
            real.push(part);
        }
    }
    real.starts_with(package)
}

/// True for a regular file that starts like a zip archive (a local file
/// header, or the end record of an empty archive).
fn is_zip_archive(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::File::open(path)
            .and_then(|mut file| file.read_exact(&mut magic))
            .is_ok()
        && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_package_are_seen_through_dots_and_missing_folders() {
        let temp = tempfile::tempdir().unwrap();
        let package = temp.path().join("pkg");
        std::fs::create_dir_all(package.join("textures")).unwrap();
        let real = package.canonicalize().unwrap();
        assert!(is_inside(&package.join("a.zip"), &real));
        assert!(is_inside(&package.join("new/dir/a.zip"), &real));
        assert!(is_inside(&temp.path().join("x/../pkg/a.zip"), &real));
        assert!(!is_inside(&temp.path().join("pkg.zip"), &real));
        assert!(!is_inside(&package.join("../a.zip"), &real));
        assert!(!is_inside(&temp.path().join("pkg2/a.zip"), &real));
    }
}
