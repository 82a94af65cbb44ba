//! A mod whose folder and code say one name while mod.conf says another:
//! the engine believes mod.conf and refuses every registered name that
//! starts with the folder's name. The pupil's mistake is the one line in
//! mod.conf, so the finding points there instead of at the registration.

use crate::content::{ModInfo, Workspace};
use crate::diag::{ArgValue, Code, Diagnostic, Severity, Span};
use crate::engine::findings::NAME_PREFIX;

pub const CONF_NAME_NOT_PREFIX: Code = Code {
    id: "MT2404",
    name: "conf-name-not-prefix",
    severity: Severity::Error,
    doc: "mod.conf names the mod differently from its folder, whose name the code uses as prefix: the engine refuses those names.",
};

/// The finding at mod.conf's `name =` that replaces an engine name-prefix
/// error, when the refused prefix is the mod's folder name.
pub fn at_conf(finding: &Diagnostic, workspace: &Workspace) -> Option<Diagnostic> {
    if finding.code.id != NAME_PREFIX.id {
        return None;
    }
    let text = |key: &str| {
        finding.args.iter().find_map(|(name, value)| match value {
            ArgValue::Text(text) if *name == key => Some(text.as_str()),
            _ => None,
        })
    };
    let registered = text("name")?;
    let modname = text("mod")?;
    let prefix = registered.trim_start_matches(':').split(':').next()?;
    let info: &ModInfo = workspace.all_mods().find(|m| m.name == modname)?;
    let folder = info.folder_name();
    if folder == info.name || folder != prefix {
        return None;
    }
    let conf = info.conf.as_ref()?;
    let entry = conf.conf.get("name")?;
    Some(
        Diagnostic::new(&CONF_NAME_NOT_PREFIX, &conf.path)
            .at(Span::on_line(
                entry.line,
                entry.value_column,
                entry.value.chars().count(),
            ))
            .arg("name", info.name.as_str())
            .arg("folder", folder.as_str())
            .arg("registered", registered),
    )
}
