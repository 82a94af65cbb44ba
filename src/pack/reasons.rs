//! Why reading or writing failed, in words the catalogues can translate:
//! a keyword for the common system errors (`io` argument, chosen in the
//! catalogue's `pack-io-reason`) with the system's own text kept for the
//! rare others (`reason`, shown only then). Without this, `--lang fr`
//! printed "No space left on device".

use std::io::ErrorKind;

use crate::diag::Diagnostic;

/// One IO failure: its keyword and the system's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoReason {
    pub key: &'static str,
    pub text: String,
}

impl IoReason {
    /// A failure without a system error behind it (a library's own).
    pub fn other(text: impl std::fmt::Display) -> IoReason {
        IoReason {
            key: "other",
            text: text.to_string(),
        }
    }

    /// `diagnostic` with the `io` and `reason` arguments of this failure.
    pub fn on(self, diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.arg("io", self.key).arg("reason", self.text)
    }
}

/// The keyword and text of `error`, without the paths some libraries add
/// to its text.
pub fn io_reason(error: &std::io::Error) -> IoReason {
    let key = match error.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "disk-full",
        ErrorKind::ReadOnlyFilesystem => "read-only",
        ErrorKind::NotADirectory => "not-a-folder",
        ErrorKind::IsADirectory => "is-a-folder",
        ErrorKind::AlreadyExists => "exists",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "in-use",
        ErrorKind::InvalidFilename => "bad-name",
        ErrorKind::CrossesDevices => "other-disk",
        _ => "other",
    };
    let text = match error.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => std::io::Error::from(error.kind()).to_string(),
    };
    IoReason { key, text }
}

/// The reason of a zip library error: the system's when it is an IO one.
pub fn zip_reason(error: &zip::result::ZipError) -> IoReason {
    match error {
        zip::result::ZipError::Io(io) => io_reason(io),
        other => IoReason::other(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_system_errors_have_keywords() {
        let full = std::io::Error::from_raw_os_error(28); // ENOSPC on Linux
        assert_eq!(io_reason(&full).key, "disk-full");
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&denied).key, "permission");
        assert_eq!(IoReason::other("x").key, "other");
    }
}
