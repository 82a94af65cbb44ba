//! Prepares a world for serving: world.mt with the engine's keys and the
//! preset, the watched mods linked (not copied) into serve's mods folder;
//! before each start, the companion mod and the server's own config (both
//! rewritten each time, so nothing a server run changed in them lasts).

use std::collections::BTreeMap;
use std::path::Path;

use super::error::ServeError;
use super::key::Key;
use super::layout::Layout;
use super::preset::Preset;
use crate::content::served::COMPANION_NAME;

/// The companion mod's files, embedded in the binary.
const COMPANION: &[(&str, &str)] = &[
    ("mod.conf", include_str!("companion/mod.conf")),
    ("init.lua", include_str!("companion/init.lua")),
    ("net.lua", include_str!("companion/net.lua")),
    ("reload.lua", include_str!("companion/reload.lua")),
    ("actions.lua", include_str!("companion/actions.lua")),
    ("running.lua", include_str!("companion/running.lua")),
    ("shutdown.lua", include_str!("companion/shutdown.lua")),
    ("earlier.lua", include_str!("companion/earlier.lua")),
    ("privileges.lua", include_str!("companion/privileges.lua")),
    ("teacher.lua", include_str!("companion/teacher.lua")),
];

/// What the server needs to know to serve.
#[derive(Debug, Clone)]
pub struct WorldPlan {
    pub game: String,
    pub preset: Preset,
    /// Watched mods: name → the pupil's folder.
    pub mods: BTreeMap<String, std::path::PathBuf>,
    pub port: u16,
    /// Address the server listens on (all interfaces for a class).
    pub bind: String,
    /// The player who gets every privilege (the engine's admin, `name =`).
    pub teacher: Option<String>,
}

/// Writes `path` through a temporary file and a rename, so a crash leaves
/// either the old or the new file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ServeError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(ServeError::io(parent))?;
    let mut temp = tempfile::NamedTempFile::new_in(parent).map_err(ServeError::io(parent))?;
    std::io::Write::write_all(&mut temp, bytes).map_err(ServeError::io(path))?;
    temp.persist(path)
        .map_err(|error| ServeError::io(path)(error.error))?;
    Ok(())
}

/// The game of an existing world, as its world.mt says.
pub fn world_game(world: &Path) -> Option<String> {
    crate::content::ConfDoc::read(&world.join("world.mt"))
        .and_then(|doc| doc.get("gameid").map(str::to_owned))
}

/// world.mt with `updates` set (lines replaced in place, new keys added
/// at the end; everything else kept as it was).
fn updated_world_mt(old: &str, updates: &[(String, String)]) -> String {
    let mut lines: Vec<String> = old.lines().map(str::to_owned).collect();
    for (key, value) in updates {
        let line = format!("{key} = {value}");
        let found = lines.iter_mut().find(|existing| {
            existing
                .split_once('=')
                .is_some_and(|(k, _)| k.trim() == key)
        });
        match found {
            Some(existing) => *existing = line,
            None => lines.push(line),
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Makes `layout.world` ready: creates it when new, refuses a world of
/// another game, enables the mods, moves an older serve's files out of the
/// world, writes the links.
pub fn prepare(layout: &Layout, plan: &WorldPlan) -> Result<(), ServeError> {
    let world_mt = layout.world.join("world.mt");
    let old = match std::fs::read_to_string(&world_mt) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(ServeError::Io {
                path: world_mt,
                error,
            });
        }
    };
    if let Some(has) = world_game(&layout.world).filter(|has| *has != plan.game) {
        return Err(ServeError::WrongGame {
            world: layout.world.clone(),
            has,
            wanted: plan.game.clone(),
        });
    }
    let mut updates: Vec<(String, String)> = Vec::new();
    if old.is_none() {
        let name = crate::content::folder_name(&layout.world);
        updates.push(("gameid".into(), plan.game.clone()));
        updates.push(("world_name".into(), name));
        for key in [
            "backend",
            "player_backend",
            "auth_backend",
            "mod_storage_backend",
        ] {
            updates.push((key.into(), "sqlite3".into()));
        }
        for (key, value) in plan.preset.world_settings() {
            updates.push(((*key).into(), (*value).into()));
        }
    }
    for name in plan.mods.keys().map(String::as_str).chain([COMPANION_NAME]) {
        updates.push((format!("load_mod_{name}"), "true".into()));
    }
    // Mods served last time but not now: off, or the server looks for them.
    for name in linked_mods(layout) {
        if !plan.mods.contains_key(&name) {
            updates.push((format!("load_mod_{name}"), "false".into()));
        }
    }
    let text = updated_world_mt(old.as_deref().unwrap_or(""), &updates);
    if old.as_deref() != Some(text.as_str()) {
        if let Some(old) = &old {
            write_atomically(&layout.world.join("world.mt.bak"), old.as_bytes())?;
        }
        write_atomically(&world_mt, text.as_bytes())?;
    }
    for dir in [&layout.mods, &layout.last_good] {
        std::fs::create_dir_all(dir).map_err(ServeError::io(dir))?;
    }
    move_legacy_state(layout)?;
    link_mods(layout, plan)
}

/// Writes the companion mod and the server's config (with the session's
/// key) before a server starts.
pub fn write_server_files(layout: &Layout, plan: &WorldPlan, key: &Key) -> Result<(), ServeError> {
    let companion = layout.companion.join(COMPANION_NAME);
    for (file, text) in COMPANION {
        write_atomically(&companion.join(file), text.as_bytes())?;
    }
    std::fs::create_dir_all(&layout.io).map_err(ServeError::io(&layout.io))?;
    write_atomically(&layout.config, server_config(layout, plan, key).as_bytes())
}

/// An older serve kept its files in `<world>/mtedu/`, where every mod of
/// the server could write them: its last good copies move beside the
/// world (unless newer ones are there), the rest is removed (links are
/// removed, never followed).
fn move_legacy_state(layout: &Layout) -> Result<(), ServeError> {
    if crate::content::served::legacy_state(&layout.world).is_none() {
        return Ok(());
    }
    let old = layout.legacy_state.join("last-good");
    for entry in std::fs::read_dir(&old).into_iter().flatten().flatten() {
        let to = layout.last_good.join(entry.file_name());
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && to.symlink_metadata().is_err() {
            std::fs::rename(entry.path(), &to).map_err(ServeError::io(&to))?;
        }
    }
    std::fs::remove_dir_all(&layout.legacy_state).map_err(ServeError::io(&layout.legacy_state))
}

/// The mods linked by an earlier session.
fn linked_mods(layout: &Layout) -> Vec<String> {
    std::fs::read_dir(&layout.mods)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_symlink()))
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .collect()
}

/// Points `<state>/mods/<name>` at each watched mod; removes old links.
fn link_mods(layout: &Layout, plan: &WorldPlan) -> Result<(), ServeError> {
    for entry in std::fs::read_dir(&layout.mods)
        .map_err(ServeError::io(&layout.mods))?
        .flatten()
    {
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for (name, dir) in &plan.mods {
        let target = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        point_link(&layout.link(name), &target)?;
    }
    Ok(())
}

/// Makes `link` point at `target` (replacing an older link atomically).
pub fn point_link(link: &Path, target: &Path) -> Result<(), ServeError> {
    let temp = link.with_extension("new-link");
    let _ = std::fs::remove_file(&temp);
    std::os::unix::fs::symlink(target, &temp).map_err(ServeError::io(&temp))?;
    std::fs::rename(&temp, link).map_err(ServeError::io(link))
}

/// A local TCP port free right now (the default 30000 if none can be had).
fn free_tcp_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .unwrap_or(30000)
}

fn server_config(layout: &Layout, plan: &WorldPlan, key: &Key) -> String {
    let watched: Vec<&str> = plan.mods.keys().map(String::as_str).collect();
    let mut lines = vec![
        format!("bind_address = {}", plan.bind),
        format!("port = {}", plan.port),
        "server_announce = false".to_owned(),
        "ipv6_server = false".to_owned(),
        // Debian's Luanti builds open a metrics listener, on
        // 127.0.0.1:30000 for every server unless told otherwise: a second
        // server would abort.
        format!(
            "prometheus_listener_address = 127.0.0.1:{}",
            free_tcp_port()
        ),
        // Requests are read each server step: a short step makes a save
        // live sooner.
        "dedicated_server_step = 0.05".to_owned(),
        format!("mtedu_io = {}", layout.io.display()),
        format!("mtedu_watched = {}", watched.join(",")),
        // Read and removed from the settings by the companion, which loads
        // first; no mod can read this file.
        format!("mtedu_key = {}", key.text()),
    ];
    for (key, value) in plan.preset.server_settings() {
        lines.push(format!("{key} = {value}"));
    }
    // The engine gives every privilege to the player named here; the
    // pupils keep the preset's safe set.
    if let Some(teacher) = &plan.teacher {
        lines.push(format!("name = {teacher}"));
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_serves_files_move_out_of_the_world() {
        let temp = tempfile::tempdir().unwrap();
        let layout = Layout::new(&temp.path().join("world"));
        let old = layout.legacy_state.clone();
        std::fs::create_dir_all(old.join("last-good/pupil")).unwrap();
        std::fs::create_dir_all(old.join("io")).unwrap();
        std::fs::write(old.join(crate::content::served::LOCK_FILE), "").unwrap();
        std::fs::write(old.join("last-good/pupil/init.lua"), "-- good").unwrap();
        std::fs::write(old.join("io/request.json"), "{}").unwrap();
        let plan = WorldPlan {
            game: "minetest_game".into(),
            preset: Preset::Plain,
            mods: BTreeMap::new(),
            port: 30000,
            bind: "127.0.0.1".into(),
            teacher: None,
        };
        prepare(&layout, &plan).unwrap();
        assert!(!old.exists());
        assert_eq!(
            std::fs::read_to_string(layout.last_good.join("pupil/init.lua")).unwrap(),
            "-- good"
        );
        assert_eq!(layout.state, temp.path().join(".world.mtedu"));
    }

    #[test]
    fn world_mt_updates_keep_other_lines() {
        let old = "gameid = minetest_game\nload_mod_a = false\n# note\n";
        let new = updated_world_mt(
            old,
            &[
                ("load_mod_a".into(), "true".into()),
                ("load_mod_b".into(), "true".into()),
            ],
        );
        assert_eq!(
            new,
            "gameid = minetest_game\nload_mod_a = true\n# note\nload_mod_b = true\n"
        );
    }

    /// The companion runs its other files from its own folder: one left
    /// out of [`COMPANION`] would be missing in the server's copy.
    #[test]
    fn every_file_of_the_companion_is_written() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/serve/companion");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut written: Vec<String> = COMPANION.iter().map(|(name, _)| name.to_string()).collect();
        written.sort();
        assert_eq!(on_disk, written);
    }
}
