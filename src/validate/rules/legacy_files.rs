//! Files the engine still reads but that newer ones replace: `depends.txt`,
//! `description.txt`, a mod without `mod.conf`, `modpack.txt` alone.

use crate::diag::{Code, Diagnostic, Severity};
use crate::validate::{Context, Rule};

pub const DEPENDS_TXT: Code = Code {
    id: "MT1020",
    name: "depends-txt",
    severity: Severity::Warning,
    doc: "`depends.txt` is deprecated: list dependencies in mod.conf.",
};

pub const DESCRIPTION_TXT: Code = Code {
    id: "MT1021",
    name: "description-txt",
    severity: Severity::Warning,
    doc: "`description.txt` is deprecated: put `description =` in mod.conf.",
};

pub const MISSING_MOD_CONF: Code = Code {
    id: "MT1022",
    name: "missing-mod-conf",
    severity: Severity::Warning,
    doc: "A mod has no mod.conf, so its name and dependencies are guessed.",
};

pub const MODPACK_TXT: Code = Code {
    id: "MT1023",
    name: "modpack-txt",
    severity: Severity::Info,
    doc: "A modpack marked only by the old `modpack.txt`; use modpack.conf.",
};

pub struct LegacyFiles;

impl Rule for LegacyFiles {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &DEPENDS_TXT,
            &DESCRIPTION_TXT,
            &MISSING_MOD_CONF,
            &MODPACK_TXT,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for info in context.workspace.all_mods() {
            let depends_txt = info.dir.join("depends.txt");
            if depends_txt.is_file() {
                out.push(Diagnostic::new(&DEPENDS_TXT, depends_txt));
            }
            let description_txt = info.dir.join("description.txt");
            if description_txt.is_file() {
                out.push(Diagnostic::new(&DESCRIPTION_TXT, description_txt));
            }
            // An unreadable mod.conf is reported as such (MT0004), not as missing.
            let unreadable = &context.workspace.unreadable;
            if info.conf.is_none() && !unreadable.covers(&info.dir.join("mod.conf")) {
                out.push(
                    Diagnostic::new(&MISSING_MOD_CONF, &info.dir)
                        .arg("name", info.name.as_str())
                        .arg("suggestion", crate::content::suggest_mod_name(&info.name)),
                );
            }
        }
        for (modpack, _) in &context.workspace.modpacks {
            if modpack.conf.is_none()
                && modpack.has_modpack_txt
                && !context
                    .workspace
                    .unreadable
                    .covers(&modpack.dir.join("modpack.conf"))
            {
                out.push(Diagnostic::new(
                    &MODPACK_TXT,
                    modpack.dir.join("modpack.txt"),
                ));
            }
        }
    }
}
