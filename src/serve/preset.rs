//! World presets: the settings a session starts with.

/// How the served world is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// Creative, no damage, no PvP, time stopped at morning, one spawn
    /// point for everyone, not announced on the public server list.
    #[default]
    Classroom,
    /// The game's own defaults (still not announced publicly).
    Plain,
}

impl Preset {
    /// Keys for world.mt (read by the engine when the world loads).
    pub fn world_settings(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Preset::Classroom => &[("creative_mode", "true"), ("enable_damage", "false")],
            Preset::Plain => &[],
        }
    }

    /// Lines for the server's minetest.conf.
    pub fn server_settings(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Preset::Classroom => &[
                ("creative_mode", "true"),
                ("enable_damage", "false"),
                ("enable_pvp", "false"),
                ("time_speed", "0"),
                ("world_start_time", "8000"),
                ("static_spawnpoint", "0,20,0"),
                ("default_privs", "interact, shout, fly, fast, home"),
                ("disallow_empty_password", "false"),
                ("enable_rollback_recording", "false"),
                ("max_users", "40"),
                // Taken back when a mod grants them (the companion's
                // privileges.lua): only the teacher gives those.
                ("mtedu_revert_grants", "server, privs"),
            ],
            Preset::Plain => &[],
        }
    }
}
