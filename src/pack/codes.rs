//! The finding codes of `mtedu pack` (MT40xx) and `mtedu install` (MT41xx),
//! declared once here and listed in [`CODES`].

use crate::diag::{Code, Severity};

const fn code(id: &'static str, name: &'static str, severity: Severity, doc: &'static str) -> Code {
    Code {
        id,
        name,
        severity,
        doc,
    }
}

pub const PACK_STOPPED: Code = code(
    "MT4001",
    "pack-stopped-by-errors",
    Severity::Error,
    "The package has errors, so nothing was packed.",
);
pub const NOT_ONE_PACKAGE: Code = code(
    "MT4002",
    "pack-not-one-package",
    Severity::Error,
    "The folder is not a package but holds packages: give the folder of one of them.",
);
pub const WORLD_IN_USE: Code = code(
    "MT4003",
    "world-in-use",
    Severity::Error,
    "A program has the world open (or changed it while packing): its databases may be half-written.",
);
pub const SELF_CHECK_FAILED: Code = code(
    "MT4004",
    "pack-self-check-failed",
    Severity::Error,
    "The archive, read back after writing, differs from the package or does not validate.",
);
pub const NO_LICENCE: Code = code(
    "MT4005",
    "contentdb-no-licence",
    Severity::Warning,
    "The package has no licence file; ContentDB refuses it.",
);
pub const NO_SCREENSHOT: Code = code(
    "MT4006",
    "contentdb-no-screenshot",
    Severity::Warning,
    "The package has no screenshot.png for the engine's content tab and ContentDB.",
);
pub const TOO_BIG: Code = code(
    "MT4007",
    "contentdb-too-big",
    Severity::Warning,
    "The archive is over ContentDB's 100 MB limit.",
);
pub const MOD_PACKED_IN: Code = code(
    "MT4008",
    "world-mod-packed-in",
    Severity::Info,
    "A mod the world switches on was copied from the user's mods into the archive's worldmods/.",
);
pub const EXTERNAL_BACKEND: Code = code(
    "MT4009",
    "world-external-backend",
    Severity::Warning,
    "The world keeps data in a database server (PostgreSQL, Redis), which is not in the archive.",
);
pub const PACK_WRITE_FAILED: Code = code(
    "MT4010",
    "pack-write-failed",
    Severity::Error,
    "A file could not be read or the archive could not be written.",
);

pub const ARCHIVE_DAMAGED: Code = code(
    "MT4101",
    "archive-damaged",
    Severity::Error,
    "The file is not a zip archive, or it is truncated or corrupt.",
);
pub const UNSAFE_PATH: Code = code(
    "MT4102",
    "archive-unsafe-path",
    Severity::Error,
    "An entry's name climbs out of the target (`..`) or is absolute.",
);
pub const LINK_ENTRY: Code = code(
    "MT4103",
    "archive-link",
    Severity::Error,
    "An entry is a symbolic link or special file, which could point outside the target.",
);
pub const ARCHIVE_TOO_BIG: Code = code(
    "MT4104",
    "archive-too-big",
    Severity::Error,
    "The archive unpacks to more than the size limit (1 GiB by default).",
);
pub const ZIP_BOMB: Code = code(
    "MT4105",
    "archive-bomb",
    Severity::Error,
    "An entry is compressed far more than real files are: a zip bomb.",
);
pub const TOO_MANY_ENTRIES: Code = code(
    "MT4106",
    "archive-too-many-entries",
    Severity::Error,
    "The archive holds more entries than any real package.",
);
pub const DUPLICATE_NAME: Code = code(
    "MT4107",
    "archive-duplicate-name",
    Severity::Error,
    "Two entries have the same name (or a file is also used as a folder).",
);
pub const CASE_CLASH: Code = code(
    "MT4108",
    "archive-case-clash",
    Severity::Error,
    "Two entries' names differ only by capitals: one would hide the other on some systems.",
);
pub const NAME_NOT_UTF8: Code = code(
    "MT4109",
    "name-not-utf8",
    Severity::Error,
    "A file name is not valid UTF-8 text.",
);
pub const UNKNOWN_CONTENT: Code = code(
    "MT4110",
    "install-unknown-content",
    Severity::Error,
    "The archive or folder holds no mod, modpack, game, world or texture pack.",
);
pub const ALREADY_INSTALLED: Code = code(
    "MT4111",
    "install-exists",
    Severity::Error,
    "Something of the same name is installed; --force replaces it and keeps a backup.",
);
pub const NO_USER_FOLDER: Code = code(
    "MT4112",
    "install-no-user-folder",
    Severity::Error,
    "No ~/.minetest, ~/.luanti or flatpak folder was found and --to was not given.",
);
pub const INSTALL_STOPPED: Code = code(
    "MT4113",
    "install-stopped-by-errors",
    Severity::Error,
    "The package has errors, so nothing was installed.",
);
pub const UNSUPPORTED: Code = code(
    "MT4114",
    "archive-unsupported",
    Severity::Error,
    "The archive is encrypted, split, or compressed with another method than deflate.",
);
pub const INSTALL_WRITE_FAILED: Code = code(
    "MT4115",
    "install-write-failed",
    Severity::Error,
    "Writing into the engine folder failed; nothing was left half-installed.",
);
pub const BACKED_UP: Code = code(
    "MT4116",
    "install-backup",
    Severity::Info,
    "With --force, the version that was installed was moved to a backup folder.",
);

pub const INSTALL_WORLD_IN_USE: Code = code(
    "MT4117",
    "install-world-in-use",
    Severity::Error,
    "With --force, the installed world would be replaced while a program (a server) has it open.",
);

pub const OUTPUT_INSIDE_PACKAGE: Code = code(
    "MT4011",
    "pack-output-inside",
    Severity::Error,
    "The archive would be written inside the package folder it packs.",
);
pub const OUTPUT_NOT_AN_ARCHIVE: Code = code(
    "MT4012",
    "pack-output-not-archive",
    Severity::Error,
    "The archive's path is an existing file or folder that is not a zip archive: it is never overwritten.",
);

pub const GAME_PACKED_IN: Code = code(
    "MT4013",
    "world-game-packed-in",
    Severity::Info,
    "The world's game was installed by the user, not shipped with the engine: it was copied into the archive as the world's own game/ folder.",
);
pub const GAME_NEEDED: Code = code(
    "MT4014",
    "world-needs-game",
    Severity::Info,
    "The world's game comes with the engine, so it is not in the archive: the PC that installs the world needs the same game.",
);

pub const INTERRUPTED: Code = code(
    "MT4015",
    "pack-install-interrupted",
    Severity::Error,
    "Packing or installing was stopped (Ctrl-C); its temporary files were removed.",
);

pub const LINK_OUTSIDE: Code = code(
    "MT4016",
    "pack-link-outside",
    Severity::Warning,
    "A link in the package leads out of its folder: what it points to is packed as a copy.",
);
pub const BROKEN_LINK: Code = code(
    "MT4017",
    "broken-link",
    Severity::Error,
    "A link in the package points to something that does not exist.",
);
pub const INSTALL_LINK_OUTSIDE: Code = code(
    "MT4118",
    "install-link-outside",
    Severity::Error,
    "The folder to install holds a link leading out of it: installing would copy files from elsewhere.",
);

pub const MOD_NAME_TAKEN: Code = code(
    "MT4119",
    "install-mod-name-taken",
    Severity::Error,
    "A mod of the same name is already installed elsewhere in the mods folder (in a modpack): the engine would load only one.",
);

/// Every code of pack and install (codes added later come last).
pub const CODES: &[&Code] = &[
    &PACK_STOPPED,
    &NOT_ONE_PACKAGE,
    &WORLD_IN_USE,
    &SELF_CHECK_FAILED,
    &NO_LICENCE,
    &NO_SCREENSHOT,
    &TOO_BIG,
    &MOD_PACKED_IN,
    &EXTERNAL_BACKEND,
    &PACK_WRITE_FAILED,
    &ARCHIVE_DAMAGED,
    &UNSAFE_PATH,
    &LINK_ENTRY,
    &ARCHIVE_TOO_BIG,
    &ZIP_BOMB,
    &TOO_MANY_ENTRIES,
    &DUPLICATE_NAME,
    &CASE_CLASH,
    &NAME_NOT_UTF8,
    &UNKNOWN_CONTENT,
    &ALREADY_INSTALLED,
    &NO_USER_FOLDER,
    &INSTALL_STOPPED,
    &UNSUPPORTED,
    &INSTALL_WRITE_FAILED,
    &BACKED_UP,
    &INSTALL_WORLD_IN_USE,
    &OUTPUT_INSIDE_PACKAGE,
    &OUTPUT_NOT_AN_ARCHIVE,
    &GAME_PACKED_IN,
    &GAME_NEEDED,
    &INTERRUPTED,
    &LINK_OUTSIDE,
    &BROKEN_LINK,
    &INSTALL_LINK_OUTSIDE,
    &MOD_NAME_TAKEN,
];
