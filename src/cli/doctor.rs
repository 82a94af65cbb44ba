//! `mtedu doctor`: shows what this PC has for Minetest / Luanti and the
//! command that installs what is missing, as a checklist or as JSON.

use serde_json::{Value, json};

use super::{EXIT_FINDINGS, EXIT_OK, OutputFormat, OutputOptions};
use crate::diag::{ArgValue, ColorChoice};
use crate::host::HostEnv;
use crate::host::doctor::{DoctorReport, Missing, diagnose};
use crate::i18n::Localizer;

/// Runs the checks, prints the result, and exits with 1 when a session
/// could not run here (no server program or no game).
pub fn run(output: &OutputOptions) -> i32 {
    let env = HostEnv::from_env();
    super::verbose::describe_doctor(&env, output);
    let report = diagnose(&env);
    let localizer = Localizer::new(output.lang);
    match output.format {
        OutputFormat::Json => outln!("{:#}", to_json(&report, &localizer)),
        OutputFormat::Human => out!("{}", render(&report, &localizer, output)),
    }
    if report.is_ready() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// The JSON document; field names are stable, only `message` is localized.
fn to_json(report: &DoctorReport, localizer: &Localizer) -> Value {
    let text = |path: &std::path::Path| path.to_string_lossy().into_owned();
    json!({
        "ready": report.is_ready(),
        "engine": super::engine_choice::from_engines(&report.engines).json(),
        "engines": report.engines.iter().map(|engine| json!({
            "name": engine.name,
            "path": text(&engine.path),
            "version": engine.version,
            "kind": engine.kind.as_str(),
        })).collect::<Vec<_>>(),
        "games": report.games.iter().map(|game| json!({
            "id": game.id,
            "title": game.title,
            "path": text(&game.path),
        })).collect::<Vec<_>>(),
        "user_dirs": report.user_dirs.iter().map(|dir| json!({
            "path": text(&dir.path),
            "exists": dir.exists,
            "has_mods": dir.has_mods,
            "has_worlds": dir.has_worlds,
        })).collect::<Vec<_>>(),
        "missing": report.missing.iter().map(|missing| json!({
            "what": missing.kind.id(),
            "required": missing.kind.required(),
            "fix": missing.fix,
            "message": message(missing, localizer),
        })).collect::<Vec<_>>(),
    })
}

fn message(missing: &Missing, localizer: &Localizer) -> String {
    let path = missing
        .path
        .as_ref()
        .map_or_else(String::new, |path| path.to_string_lossy().into_owned());
    localizer.text(
        &missing.kind.message_key(),
        &[("path", ArgValue::Text(path))],
    )
}

/// Marks of the checklist, coloured when asked.
struct Marks {
    color: bool,
}

impl Marks {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn ok(&self) -> String {
        self.paint("32", "✓")
    }
    fn bad(&self) -> String {
        self.paint("31", "✗")
    }
    fn warn(&self) -> String {
        self.paint("33", "!")
    }
    fn none(&self) -> String {
        self.paint("2", "-")
    }
    fn title(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// The checklist: what was found, then what is missing with its fix, then
/// a verdict. `--quiet` keeps only what is required and missing.
fn render(report: &DoctorReport, localizer: &Localizer, output: &OutputOptions) -> String {
    let marks = Marks {
        color: output.color == ColorChoice::Always,
    };
    let t = |key: &str, args: &[(&str, ArgValue)]| localizer.text(key, args);
    let path = |path: &std::path::Path| ArgValue::Text(path.display().to_string());
    let mut lines = Vec::new();
    if !output.quiet {
        lines.push(marks.title(&localizer.plain("doctor-title")));
        lines.push(String::new());
        lines.push(marks.title(&localizer.plain("doctor-engines")));
        for engine in &report.engines {
            let version = engine
                .version
                .clone()
                .unwrap_or_else(|| localizer.plain("doctor-version-unknown"));
            let args = [
                ("kind", ArgValue::from(engine.kind.as_str())),
                ("name", ArgValue::from(engine.name.as_str())),
                ("version", ArgValue::Text(version)),
                ("path", path(&engine.path)),
            ];
            lines.push(format!("  {} {}", marks.ok(), t("doctor-engine", &args)));
        }
        if report.engines.is_empty() {
            let none = localizer.plain("doctor-engines-none");
            lines.push(format!("  {} {none}", marks.bad()));
        }
        let choice = super::engine_choice::from_engines(&report.engines);
        lines.push(format!(
            "  {}",
            super::verbose::engine_line(&choice, localizer)
        ));
        lines.push(marks.title(&localizer.plain("doctor-games")));
        for game in &report.games {
            let args = [
                ("title", ArgValue::from(game.title.as_str())),
                ("id", ArgValue::from(game.id.as_str())),
                ("path", path(&game.path)),
            ];
            lines.push(format!("  {} {}", marks.ok(), t("doctor-game", &args)));
        }
        if report.games.is_empty() {
            let none = localizer.plain("doctor-games-none");
            lines.push(format!("  {} {none}", marks.bad()));
        }
        lines.push(marks.title(&localizer.plain("doctor-user-dirs")));
        for dir in &report.user_dirs {
            let yes_no = |flag: bool| ArgValue::from(if flag { "yes" } else { "no" });
            let args = [
                ("path", path(&dir.path)),
                ("mods", yes_no(dir.has_mods)),
                ("worlds", yes_no(dir.has_worlds)),
            ];
            lines.push(if dir.exists {
                format!("  {} {}", marks.ok(), t("doctor-user-dir", &args))
            } else {
                format!("  {} {}", marks.none(), t("doctor-user-dir-absent", &args))
            });
        }
        lines.push(String::new());
    }
    let shown: Vec<&Missing> = report
        .missing
        .iter()
        .filter(|missing| !output.quiet || missing.kind.required())
        .collect();
    if !shown.is_empty() {
        lines.push(marks.title(&localizer.plain("doctor-missing")));
    }
    for missing in shown {
        let mark = if missing.kind.required() {
            marks.bad()
        } else {
            marks.warn()
        };
        lines.push(format!("  {mark} {}", message(missing, localizer)));
        let label = localizer.plain("doctor-fix");
        lines.push(format!("      {label} {}", marks.title(&missing.fix)));
    }
    if report.is_ready() {
        if !output.quiet {
            push_verdict(&mut lines, &marks.ok(), &localizer.plain("doctor-ready"));
        }
    } else {
        push_verdict(
            &mut lines,
            &marks.bad(),
            &localizer.plain("doctor-not-ready"),
        );
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

fn push_verdict(lines: &mut Vec<String>, mark: &str, text: &str) {
    if lines.last().is_some_and(|line| !line.is_empty()) {
        lines.push(String::new());
    }
    lines.push(format!("{mark} {text}"));
}
