//! Stable finding codes (`MT` + 4 digits) and their severities.

use serde::Serialize;

/// How serious a finding is; errors make the command exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The word used in JSON and in fixture expectations.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One kind of finding. Its `id` never changes once released, so that users
/// can search for it and suppress it; its messages are the Fluent keys `id`
/// and `id-help` in every catalogue.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Code {
    /// `MT` followed by four digits.
    pub id: &'static str,
    /// A short kebab-case name, used in documentation.
    pub name: &'static str,
    pub severity: Severity,
    /// One English sentence for the code reference (docs/codes.md).
    pub doc: &'static str,
}

impl Code {
    /// The Fluent key of the message that explains the finding.
    pub fn message_key(&self) -> &'static str {
        self.id
    }

    /// The Fluent key of the message that says how to fix it.
    pub fn help_key(&self) -> String {
        format!("{}-help", self.id)
    }
}
