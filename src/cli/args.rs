//! clap definitions of the global flags and subcommands: the shape of the
//! command line. The texts users see come from the catalogues
//! (`help_text.rs`); the doc comments here are for developers.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// mtedu: teach programming with Minetest / Luanti.
#[derive(Debug, Parser)]
#[command(name = "mtedu", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// When to colour the output (NO_COLOR is honoured in auto mode).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Only show errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more about what is being done.
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the structure and metadata of mods, modpacks, games, worlds and lessons.
    Validate(ValidateArgs),
    /// Find mistakes in mods' Lua code, then load them in the embedded engine.
    Lint(LintArgs),
    /// Everything a pupil needs: validate + lint. The one command to run.
    Check(CheckArgs),
    /// Run the mods' specs (spec/*_spec.lua, tests/*_spec.lua) in a simulated world.
    Test(TestArgs),
    /// Load mods in the embedded engine and show what they register.
    Info(InfoArgs),
    /// Show which engine functions mtedu simulates.
    Api(ApiArgs),
    /// Show what this PC has for Minetest / Luanti, and how to install what is missing.
    Doctor,
    /// Create something new from a template: `mtedu new mod my_mod`.
    New(NewArgs),
    /// Make a zip of a mod, modpack, game, texture pack, world or lesson, ready to share or publish.
    Pack(PackArgs),
    /// Install a zip or a folder into this user's Minetest / Luanti folder.
    Install(InstallArgs),
    /// Start a local server for the class; every save of a mod is live in the game.
    Serve(ServeArgs),
    /// List the ready lessons, or start one: `mtedu lessons start 1`.
    Lessons(LessonsArgs),
    /// A whole class: `mtedu class new`, then `mtedu class DIR` (servers and dashboard).
    Class(ClassArgs),
}

/// What to load and how: shared by the commands that run mod code.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Mods, modpacks, games, worlds or lessons (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Game loaded with loose mods: an installed game id or a game folder
    /// (default: minetest_game when installed).
    #[arg(long)]
    pub game: Option<String>,
    /// Seconds mod code may run while loading before it is stopped.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS", value_parser = seconds)]
    pub time_limit: f64,
    /// Memory mod code may use, in MiB.
    #[arg(long, default_value_t = 512, value_name = "MIB", value_parser = clap::value_parser!(u32).range(1..=1_048_576))]
    pub memory_limit: u32,
    /// Ignore the games and mods installed on this PC.
    #[arg(long)]
    pub no_installed: bool,
    /// The engine version to check against: 5.6, 5.10 or 5.15 (default:
    /// the server's on this PC, else the newest).
    #[arg(long, value_name = "VERSION", value_parser = super::engine_choice::parse_flag)]
    pub engine: Option<crate::engine::EngineVersion>,
}

impl LoadArgs {
    /// The engine version this run targets, and why.
    pub fn engine_choice(&self) -> super::engine_choice::EngineChoice {
        super::engine_choice::choose(self.engine, self.no_installed)
    }

    /// The time and memory limits as the engine wants them.
    pub fn limits(&self) -> crate::engine::Limits {
        crate::engine::Limits {
            memory: self.memory_limit as usize * 1024 * 1024,
            time: std::time::Duration::from_secs_f64(self.time_limit),
            ..Default::default()
        }
    }

    /// The flags as the lint core wants them, for the chosen engine.
    pub fn lint_options(&self, engine: crate::engine::EngineVersion) -> crate::lint::LintOptions {
        crate::lint::LintOptions {
            game: self.game.clone(),
            limits: self.limits(),
            play: false,
            engine,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    /// Do not play the mods for a moment after loading them.
    #[arg(long)]
    pub no_play: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    /// Rewrite the mistakes whose fix is certain (minetest.env:, !=, &&,
    /// ||, a misspelt engine function with one closest name), then lint.
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    /// Only run tests whose name contains this text.
    #[arg(long)]
    pub filter: Option<String>,
    /// Stop at the first failing test.
    #[arg(long)]
    pub fail_fast: bool,
    /// Start math.random (drops, ABM chances) from this seed, to replay a run.
    #[arg(long, value_name = "N")]
    pub seed: Option<u32>,
    /// Also write the results as JUnit XML to this file.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Seconds for the whole run; the tests it leaves no time for are
    /// reported as not run.
    #[arg(long, default_value_t = 120.0, value_name = "SECONDS", value_parser = run_seconds)]
    pub timeout: f64,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    /// Also list what the game and the engine itself register.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// List every name with its status, not only the counts.
    #[arg(long)]
    pub coverage: bool,
    /// The engine version whose core table to list (default: 5.6).
    #[arg(long, value_name = "VERSION", value_parser = super::engine_choice::parse_flag)]
    pub engine: Option<crate::engine::EngineVersion>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Folders to check (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Game whose mods satisfy dependencies: an installed game id or a game folder
    /// (default: minetest_game when installed).
    #[arg(long)]
    pub game: Option<String>,
    /// Ignore the games and mods installed on this PC.
    #[arg(long)]
    pub no_installed: bool,
    /// The engine version to check against: 5.6, 5.10 or 5.15 (default:
    /// the server's on this PC, else the newest).
    #[arg(long, value_name = "VERSION", value_parser = super::engine_choice::parse_flag)]
    pub engine: Option<crate::engine::EngineVersion>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub command: NewCommand,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A new mod, ready for `mtedu check` and `mtedu test`.
    Mod(NewModArgs),
    /// A new lesson folder: lesson.toml, handout, starter, solution, checks.
    Lesson(NewFolderArgs),
    /// A new game: game.conf and a first mod in mods/.
    Game(NewFolderArgs),
}

#[derive(Debug, Args)]
pub struct NewFolderArgs {
    /// The folder's name: small letters, digits, "-" and "_" (e.g. 07-my-lesson).
    pub name: String,
    /// Folder in which it is created (default: the current folder).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Your name, written into the files' licence.
    #[arg(long)]
    pub author: Option<String>,
}

#[derive(Debug, Args)]
pub struct LessonsArgs {
    #[command(subcommand)]
    pub command: Option<LessonsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum LessonsCommand {
    /// Copy a lesson's starter mod for a pupil (never over existing work).
    Start(LessonsStartArgs),
    /// Show a lesson's handout in the terminal, or as the printable page.
    Show(LessonsShowArgs),
}

#[derive(Debug, Args)]
pub struct LessonsStartArgs {
    /// The lesson: its number (1), its name (first-block) or both (01-first-block).
    pub id: String,
    /// Folders that each get a copy, one per pupil (`alice` gives
    /// `alice/first_block`); default: the current folder.
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LessonsShowArgs {
    /// The lesson: its number (1), its name (first-block) or both (01-first-block).
    pub id: String,
    /// Write the printable page (HTML) to this file instead.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Open the printable page in the web browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct NewModArgs {
    /// The mod's name: small letters, digits and "_" only (e.g. my_mod).
    pub name: String,
    /// What the mod starts with: empty, node, craftitem, tool, craft,
    /// chatcommand, entity or formspec.
    #[arg(long, short, default_value = "empty")]
    pub template: String,
    /// Folder in which the mod's folder is created (default: the current folder).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Your name, written into mod.conf and LICENSE.txt.
    #[arg(long)]
    pub author: Option<String>,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The package folder (default: the current folder).
    pub path: Option<PathBuf>,
    /// The archive to write (default: <name>.zip in the current folder, or
    /// beside the package when run inside it). Never inside the package, never
    /// over a file that is not a zip archive.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Validate without the games and mods installed on this PC.
    #[arg(long)]
    pub no_installed: bool,
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    /// A zip archive or a package folder.
    pub source: PathBuf,
    /// The Minetest / Luanti folder to install into (default: ~/.minetest,
    /// ~/.luanti or the flatpak one, whichever exists).
    #[arg(long, value_name = "PATH")]
    pub to: Option<PathBuf>,
    /// Replace what is installed under the same name (a backup is kept).
    #[arg(long)]
    pub force: bool,
    /// Refuse archives that unpack to more than this, in MiB.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    pub max_size: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// `mtedu serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Mods (or folders of mods) to watch (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// The world to serve (created when missing; default: a world of
    /// mtedu's own for the game).
    #[arg(long)]
    pub world: Option<PathBuf>,
    /// The game of the world: an installed game id.
    #[arg(long, default_value = "minetest_game")]
    pub game: String,
    /// UDP port players connect to.
    #[arg(long, default_value_t = 30000)]
    pub port: u16,
    /// Address to listen on: 0.0.0.0 lets the class's PCs join; 127.0.0.1 only this PC.
    #[arg(long, default_value = "0.0.0.0")]
    pub bind: String,
    /// Settings of the world.
    #[arg(long, value_enum, default_value_t = PresetArg::Classroom)]
    pub preset: PresetArg,
    /// The server program (default: the one `mtedu doctor` finds).
    #[arg(long)]
    pub server: Option<PathBuf>,
    /// Each path is one pupil's folder: a world and a server per pupil,
    /// on ports --port, --port + 1… (pupils writing the same mod).
    #[arg(long)]
    pub per_pupil: bool,
    /// The teacher's player name, who gets every privilege (default: your
    /// login name).
    #[arg(long)]
    pub teacher: Option<String>,
}

/// `mtedu class DIR` runs a class; `new` and `join` are its subcommands.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ClassArgs {
    #[command(subcommand)]
    pub command: Option<ClassCommand>,
    /// The class folder (made by `mtedu class new`; default: the current folder).
    pub dir: Option<PathBuf>,
    /// Address of the dashboard (default: 0.0.0.0, the class's LAN).
    #[arg(long, default_value = "0.0.0.0")]
    pub bind: String,
    /// TCP port of the dashboard.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// UDP port of the first pupil's game server; the next pupils get +1, +2…
    #[arg(long, default_value_t = 30000, value_name = "PORT")]
    pub game_port: u16,
    /// Minutes with the same error, or without a save, before a pupil shows as stuck.
    #[arg(long, default_value_t = 5, value_name = "MINUTES")]
    pub stuck_minutes: u64,
    /// The server program (default: class.toml's, else the one `mtedu doctor` finds).
    #[arg(long)]
    pub server: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Make a class folder: one copy of the lesson per pupil, and class.toml.
    New(ClassNewArgs),
    /// On a pupil's PC: push every save to the class PC and show what it says.
    Join(ClassJoinArgs),
    /// The end of the session: one world with every pupil's mod that loads.
    Showcase(ClassShowcaseArgs),
}

#[derive(Debug, Args)]
pub struct ClassShowcaseArgs {
    /// The class folder (default: the current folder).
    pub dir: Option<PathBuf>,
    /// The world to make (default: DIR-showcase beside the class folder; one
    /// already there is kept as a backup).
    #[arg(long)]
    pub world: Option<PathBuf>,
    /// The server program whose engine version the mods are checked for
    /// (default: class.toml's, else the one found).
    #[arg(long)]
    pub server: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ClassNewArgs {
    /// The class folder to make (it must not exist yet).
    pub dir: PathBuf,
    /// The lesson: its number (1), its name (first-block) or both (01-first-block).
    #[arg(long, value_name = "ID")]
    pub lesson: String,
    /// A file with one pupil name a line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
    /// The server program the class uses (default: auto, the one found).
    #[arg(long, default_value = "auto", value_name = "SERVER")]
    pub engine: String,
    /// The pupils' names.
    #[arg(value_name = "NAME")]
    pub pupils: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ClassJoinArgs {
    /// The class PC's address, as its banner shows it: http://192.168.1.10:8080
    pub url: String,
    /// The pupil's name, as the animator wrote it.
    #[arg(long)]
    pub name: String,
    /// The class code shown by the animator.
    #[arg(long, env = "MTEDU_CLASS_CODE")]
    pub code: String,
    /// The pupil's mod folder (default: the current folder).
    pub dir: Option<PathBuf>,
    /// Push once and stop (instead of watching).
    #[arg(long)]
    pub once: bool,
}

/// World presets for `serve`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PresetArg {
    /// Creative, no damage, no PvP, time stopped, one spawn point.
    Classroom,
    /// The game's own settings.
    Plain,
}

/// A time limit in seconds: a number above 0, at most an hour (clap shows
/// the refusal in the user's language).
/// A whole run's time: up to a day (a class's specs on a slow PC).
fn run_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value > 0.0 && value <= 86_400.0 => Ok(value),
        _ => Err(format!(
            "{text}: not a number of seconds between 0 and 86400"
        )),
    }
}

fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value > 0.0 && value <= 3600.0 => Ok(value),
        _ => Err(format!(
            "{text}: not a number of seconds between 0 and 3600"
        )),
    }
}
