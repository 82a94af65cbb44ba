//! Files a mod cannot load without: `init.lua`.

use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const MISSING_INIT_LUA: Code = Code {
    id: "MT1024",
    name: "missing-init-lua",
    severity: Severity::Error,
    doc: "A mod has no init.lua: the engine refuses to load it.",
};

pub struct ModFiles;

impl Rule for ModFiles {
    fn codes(&self) -> &'static [&'static Code] {
        &[&MISSING_INIT_LUA]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            if !info.has_init_lua {
                out.push(
                    Diagnostic::new(&MISSING_INIT_LUA, &info.dir).arg("name", info.name.as_str()),
                );
            }
        }
    }
}
