//! Files and folders that exist but cannot be read, each reported once
//! with the reason in plain words. The other rules skip them: a mod.conf
//! nobody may read is not "missing", it is unreadable.

use crate::content::access::unreadable_finding;
use crate::diag::input::UNREADABLE;
use crate::diag::{Code, Diagnostic};
use crate::validate::{Context, Rule};

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
