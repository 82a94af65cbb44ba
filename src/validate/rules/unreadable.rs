//! Files and folders that exist but cannot be read, each reported once
//! with the reason in plain words. The other rules skip them: a mod.conf
//! nobody may read is not "missing", it is unreadable.

use crate::content::access::{ReadFailure, ReadReason};
use crate::diag::{Code, Diagnostic, Severity, shown_path};
use crate::validate::{Context, Rule};

pub const UNREADABLE: Code = Code {
    id: "MT0004",
    name: "unreadable",
    severity: Severity::Error,
    doc: "A file or folder exists but cannot be read (no permission, a disk error).",
};

/// Reports what discovery could not read.
pub struct Unreadable;

impl Rule for Unreadable {
    fn codes(&self) -> &'static [&'static Code] {
        &[&UNREADABLE]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        out.extend(context.workspace.unreadable.iter().map(unreadable_finding));
    }
}

/// The MT0004 finding for `failure`; the embedded engine gives the same
/// one for an init.lua it cannot open.
pub fn unreadable_finding(failure: &ReadFailure) -> Diagnostic {
    let (reason, detail) = match &failure.reason {
        ReadReason::PermissionDenied => ("denied", String::new()),
        ReadReason::Other(detail) => ("other", detail.clone()),
    };
    Diagnostic::new(&UNREADABLE, &failure.path)
        .arg("path", shown_path(&failure.path, None))
        .arg("kind", if failure.is_dir { "folder" } else { "file" })
        .arg("reason", reason)
        .arg("detail", detail)
}
