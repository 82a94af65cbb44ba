//! Reading a file of the user's content: regular files only, up to a size
//! cap. A mod's `init.lua` may be a FIFO (reading it would wait for ever)
//! or a link to `/dev/zero` (reading it would fill the memory): both are
//! refused with an error that says why, as an unreadable file.

use std::io::Read;
use std::path::Path;

/// The largest content file read: far above any real mod's Lua, conf or
/// translation file (the biggest in the Debian mods is under 2 MB), and
/// far below what would strain a school PC.
pub const MAX_CONTENT_FILE: u64 = 64 * 1024 * 1024;

/// Reads `path` whole when it is a regular file of at most
/// [`MAX_CONTENT_FILE`] bytes; anything else is an error of kind
/// `InvalidInput` naming the reason.
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    read_regular_capped(path, MAX_CONTENT_FILE)
}

/// [`read_regular`] as UTF-8 text (`InvalidData` when it is not).
pub fn read_regular_text(path: &Path) -> std::io::Result<String> {
    String::from_utf8(read_regular(path)?)
        .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidData, error))
}

/// [`read_regular`] with another cap.
pub fn read_regular_capped(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a device, a pipe or a socket)",
        ));
    }
    let too_big = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("file larger than {} MB", cap / (1024 * 1024)),
        )
    };
    if metadata.len() > cap {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The file may grow while read: stop one byte past the cap.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Opens for reading; a FIFO opens at once (without waiting for a writer)
/// so that its type can be checked.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_and_refuses_devices_and_big_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("init.lua");
        std::fs::write(&file, "print(1)").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"print(1)");
        let error = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        let error = read_regular_capped(&file, 3).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("init.lua");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        let error = read_regular(&fifo).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    }
}
